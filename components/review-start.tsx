import { useEffect, useRef, useState } from 'react';
import { catalogue, describeProblem } from '@/lib/domain/i18n';
import { useApi } from './api';

/**
 * `review.html?business=<id>&start=1`, opened by the periodic-review reminder's notification (issue 14,
 * item 1): starts the business's access review, or resumes the one already open (one per business), and
 * says where its accesses are decided (the panel, on Business Settings) and where its report is. Opening
 * the page again resumes: the background refuses a second open review (`review-open-exists`).
 */
type Shown =
  | { kind: 'working' }
  | { kind: 'refused'; text: string }
  | { kind: 'open'; started: boolean; id: string; startedAt: string; decided: number; items: number };

const resumed = (c: { id: string; startedAt: string; decided: number; items: number }): Shown => ({
  kind: 'open',
  started: false,
  id: c.id,
  startedAt: c.startedAt,
  decided: c.decided,
  items: c.items,
});

export function ReviewStartPage({ businessId, start }: { businessId: string | undefined; start: boolean }) {
  const { ask, locale } = useApi();
  const t = catalogue(locale).review;
  const [shown, setShown] = useState<Shown>({ kind: 'working' });
  // One start per page: a second render (or effect) resumes what the first started.
  const asked = useRef(false);
  useEffect(() => {
    if (!businessId || asked.current) return;
    asked.current = true;
    const openOne = async () => {
      const list = await ask('reviewList', { businessId });
      if (!list.ok) return undefined;
      return list.value.campaigns.find((c) => c.status === 'open');
    };
    void (async () => {
      const open = await openOne();
      if (open) return setShown(resumed(open));
      if (!start) return setShown({ kind: 'refused', text: t.startHint });
      const reply = await ask('reviewStart', { businessId });
      if (reply.ok) {
        const c = reply.value.campaign;
        return setShown({
          kind: 'open',
          started: true,
          id: c.id,
          startedAt: c.startedAt,
          decided: c.items.filter((i) => i.decision).length,
          items: c.items.length,
        });
      }
      // Started meanwhile (another page, the panel): resume that one.
      const other = reply.error.code === 'review-open-exists' ? await openOne() : undefined;
      setShown(other ? resumed(other) : { kind: 'refused', text: describeProblem(locale, reply.error) });
    })();
  }, [ask, businessId, start, locale, t.startHint]);

  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main className="report review-start" data-review-start-page={shown.kind}>
      <h1>{t.startPage.title}</h1>
      {!businessId ? (
        <p role="alert">{t.startPage.noBusiness}</p>
      ) : (
        <>
          <p>{t.startPage.business(businessId)}</p>
          {shown.kind === 'working' ? <p>{t.startPage.starting}</p> : null}
          {shown.kind === 'refused' ? <p role="alert">{shown.text}</p> : null}
          {shown.kind === 'open' ? (
            <section data-review-campaign={shown.id} data-review-started={String(shown.started)}>
              <p role="status">
                {(shown.started ? t.startPage.started : t.startPage.resumed)(
                  when.format(new Date(shown.startedAt)),
                )}
              </p>
              <p>{t.progress(shown.decided, shown.items)}</p>
              <p>{t.startPage.decideHint}</p>
              <p>
                <button
                  type="button"
                  data-open-business={businessId}
                  onClick={() => void ask('openTarget', { businessId, action: 'review' })}
                >
                  {t.startPage.openSettings}
                </button>
              </p>
              <p>
                <a href={`/review.html?campaign=${encodeURIComponent(shown.id)}`} data-review-report-link="">
                  {t.openReport}
                </a>
              </p>
            </section>
          ) : null}
        </>
      )}
    </main>
  );
}
