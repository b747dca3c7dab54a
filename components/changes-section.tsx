import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { changeSentence, verdictText } from '@/lib/domain/change-text';
import { catalogue } from '@/lib/domain/i18n/words';
import type { UiLocale } from '@/lib/domain/locales';
import { sinceVisit, type TimelineEntry } from '@/lib/domain/timeline';
import { getSubjectKey, type AssetGrant } from '@/lib/domain/snapshot';
import { useApi } from './api';
import { kindName } from './page-words';
import { usePanelStore } from './panel-store';
import { useRefusal } from './refusal';
import { SubjectLedger } from './subject-ledger';

/** At most this many changes in the panel; the changes page has them all. */
const SHOWN = 30;

/** A business's change timeline as the panel asks for it, asked again when its watch mark changes. */
export function useTimeline(businessId: string | undefined) {
  const { ask } = useApi();
  const { locale, watchMark } = usePanelStore((s) => s.state);
  const refusal = useRefusal(locale);
  const { check } = refusal;
  const [data, setData] = useState<{ entries: TimelineEntry[]; visitStart?: string } | undefined>();
  useEffect(() => {
    if (!businessId) return;
    let current = true;
    void ask('changeTimeline', { businessId }).then((reply) => {
      if (!current) return;
      check(reply);
      setData(reply.ok ? reply.value : undefined);
    });
    return () => {
      current = false;
    };
  }, [ask, check, businessId, watchMark]);
  return { data, refused: refusal.shown };
}

/** The assets a document record of an alert grants: the page's principal's, or the change's own asset. */
export function assetsOf(entry: TimelineEntry, onPage: readonly AssetGrant[] | undefined): AssetGrant[] {
  if (onPage && onPage.length > 0) return [...onPage];
  const { asset, to } = entry.change;
  if (!asset || (to !== 'full' && to !== 'full-except-sensitive' && to !== 'partial')) return [];
  return [{ ...asset, access: to, tasks: [] }];
}

/**
 * "Start incident response" (issue 13): starts the business's incident checklist, which names every
 * principal with an unrecorded change at that moment. Gone while one is open (it is in the checklists).
 */
export function StartIncident({ businessId, auto }: { businessId: string; auto?: number }) {
  const { ask } = useApi();
  const { runs, locale } = usePanelStore((s) => s.state);
  const refusal = useRefusal(locale);
  const { check } = refusal;
  const open = runs.some((r) => r.templateId === 'incident-response' && r.status === 'open');
  const start = useCallback(
    () =>
      void ask('checklistCommand', { type: 'start', businessId, templateId: 'incident-response' }).then(
        check,
      ),
    [ask, businessId, check],
  );
  // A notification's "Start incident response" starts it once per click (its time), not on every render.
  const started = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (auto === undefined || open || started.current === auto) return;
    started.current = auto;
    start();
  }, [auto, open, start]);
  return (
    <>
      {open ? null : (
        <button type="button" data-start-incident="" onClick={start}>
          {catalogue(locale).watch.startIncident}
        </button>
      )}
      {refusal.shown}
    </>
  );
}

/** What an alert's "This was approved" records: the case says what it approves and when it was seen. */
export function approvalCase(locale: UiLocale, entry: TimelineEntry): string {
  return catalogue(locale)
    .watch.approvalCase(changeSentence(locale, entry.change, entry.fullControl), entry.change.at.slice(0, 10))
    .slice(0, 2000);
}

/**
 * "Changes since your last visit" (issue 13, item 5), at the top of the panel when there are any: what the
 * reads of this visit showed, and every alert still open. Each alert offers "This was approved" (the
 * document form, filled in) and the section "Start incident response".
 */
export function ChangesSection() {
  const { snapshot, locale } = usePanelStore((s) => s.state);
  const businessId = snapshot?.businessId;
  const { data, refused } = useTimeline(businessId);
  const [approving, setApproving] = useState<TimelineEntry | undefined>();
  const t = catalogue(locale).watch;
  const shown = useMemo(() => (data ? sinceVisit(data.entries, data.visitStart) : []), [data]);
  // When, in the admin's language and time zone (as the changes page says it).
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  if (refused) return <section className="section changes">{refused}</section>;
  if (!businessId || shown.length === 0) return null;
  const open = shown.filter((e) => e.open);
  const today = new Date().toISOString().slice(0, 10);
  const principal = approving
    ? snapshot.principals.find((p) => getSubjectKey(p) === approving.change.subject)
    : undefined;
  return (
    <section className="section changes" aria-label={t.changesTitle} data-changes={shown.length}>
      <h2>{t.changesTitle}</h2>
      {open.length > 0 ? (
        <div className="changes-alert" role="alert">
          <p>{t.unrecordedCount(open.length)}</p>
          <StartIncident businessId={businessId} />
        </div>
      ) : null}
      <ul className="change-list">
        {shown.slice(0, SHOWN).map((entry, i) => (
          <li
            key={`${entry.change.subject}:${entry.change.kind}:${entry.change.at}:${i}`}
            className={entry.open ? 'change open' : 'change'}
            data-change-kind={entry.change.kind}
            data-change-subject={entry.change.subject}
            data-verdict={entry.verdict.status}
          >
            {/* Names are page text: React text, never markup. */}
            <div className="change-what">{changeSentence(locale, entry.change, entry.fullControl)}</div>
            <div className="change-meta">
              {t.firstSeen(when.format(new Date(entry.change.at)), kindName(locale, entry.change.page))}
              {' · '}
              {verdictText(locale, entry.verdict)}
            </div>
            {entry.open ? (
              <button type="button" data-approve={entry.change.subject} onClick={() => setApproving(entry)}>
                {t.approve}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {shown.length > SHOWN ? <p className="empty">{t.more(shown.length - SHOWN)}</p> : null}
      {approving ? (
        <div className="approve-form" data-approving={approving.change.subject}>
          <p>{t.approveHere}</p>
          <SubjectLedger
            key={`${approving.change.subject}:${approving.change.at}`}
            businessId={businessId}
            subject={approving.change.subject}
            name={approving.change.name}
            assets={assetsOf(approving, principal?.assets)}
            temporaryUntil={principal?.temporaryUntil}
            today={today}
            initialForm="document"
            caseText={approvalCase(locale, approving)}
          />
        </div>
      ) : null}
      <p>
        <a href={`/changes.html?business=${businessId}`} target="_blank" rel="noopener noreferrer">
          {t.allChanges}
        </a>
      </p>
    </section>
  );
}
