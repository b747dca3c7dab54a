import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { changeSentence, verdictText } from '@/lib/domain/change-text';
import { catalogue } from '@/lib/domain/i18n';
import { describeSubject } from '@/lib/domain/reminder-text';
import type { UiLocale } from '@/lib/domain/locales';
import type { Reply } from '@/lib/domain/protocol';
import { timelineCsv, timelineJson, type TimelineEntry } from '@/lib/domain/timeline';
import { changeKey } from '@/lib/domain/watch';
import { useApi } from './api';
import { download } from './download';
import { kindName } from './page-words';
import { useRefusal } from './refusal';
import { VirtualList } from './virtual-list';

/** Which changes the list shows. */
export const changeFilters = ['all', 'unrecorded', 'hide-informational'] as const;
export type ChangeFilter = (typeof changeFilters)[number];

/** A row's height before it is measured (px): five lines of text. */
const ROW_ESTIMATE = 112;

type Watched = { businessId: string; updatedAt: string; name?: string | undefined }[];
type Loaded = { businessId: string; entries: TimelineEntry[] };

/**
 * Only Business Settings addresses are links: the page address a read recorded is the page's own text as
 * far as Scopekeeper knows, so any other is shown as text and never opened.
 */
function isBusinessSettings(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.host === 'business.facebook.com';
  } catch {
    return false;
  }
}

/** A subject's records, asked once per subject while the page is open (only for approved rows in view). */
type RecordCache = Map<string, Promise<Reply<'subjectRecord'>>>;

/** The approving record's case and ticket (a grant), or its action and who decided (a decision). */
function RecordDetail({
  entry,
  businessId,
  locale,
  records,
}: {
  entry: TimelineEntry;
  businessId: string;
  locale: UiLocale;
  records: RecordCache;
}) {
  const { ask } = useApi();
  const [text, setText] = useState<string | undefined>();
  const verdict = entry.verdict;
  const subject = entry.change.subject;
  useEffect(() => {
    if (verdict.status !== 'approved') return;
    let live = true;
    let asked = records.get(subject);
    if (!asked) {
      asked = ask('subjectRecord', { businessId, subject });
      records.set(subject, asked);
    }
    void asked.then((reply) => {
      // Without the record (refused, or gone since), the row still names the record's id.
      if (!live || !reply.ok) return;
      const t = catalogue(locale);
      const { id, kind } = verdict.record;
      if (kind === 'grant') {
        const grant = reply.value.grants.find((g) => g.id === id);
        if (grant) setText(t.changes.record.grantCase(grant.case, grant.ticket));
      } else {
        const decision = reply.value.decisions.find((d) => d.id === id);
        if (decision)
          setText(t.changes.record.decisionBy(t.ledger.actions[decision.action], decision.decidedBy));
      }
    });
    return () => {
      live = false;
    };
  }, [ask, businessId, subject, verdict, locale, records]);
  return text ? <div className="change-record">{text}</div> : null;
}

const ChangeRow = memo(function ChangeRow({
  entry,
  businessId,
  locale,
  when,
  records,
}: {
  entry: TimelineEntry;
  businessId: string;
  locale: UiLocale;
  when: Intl.DateTimeFormat;
  records: RecordCache;
}) {
  const words = catalogue(locale);
  const t = words.changes;
  const { change } = entry;
  return (
    <>
      <div className="change-head">
        <span className="change-when">
          {words.panel.label(t.firstSeen)}
          <time dateTime={change.at}>{when.format(new Date(change.at))}</time>
        </span>
        {entry.open ? <span className="tag tag-alert">{t.openAlert}</span> : null}
        {entry.fullControl ? <span className="tag tag-full">{t.fullControl}</span> : null}
      </div>
      {/* Names, subjects, asset names and addresses are page text: React text only. */}
      <div className="change-what">{changeSentence(locale, change, entry.fullControl)}</div>
      <div className="change-who">
        <span className="tag">{words.panel.kinds[change.principalKind]}</span>{' '}
        <span className="change-subject">{change.subject}</span>
        {change.replaced ? (
          <span className="change-replaced">
            {' · '}
            {t.replaced(describeSubject(locale, change.replaced))}
          </span>
        ) : null}
      </div>
      <div className="change-where">
        {words.panel.label(t.page)}
        {kindName(locale, change.page)}
        {' · '}
        {isBusinessSettings(change.url) ? (
          <a href={change.url} target="_blank" rel="noreferrer">
            {change.url}
          </a>
        ) : (
          <span className="change-url">{change.url}</span>
        )}
      </div>
      <div className={`change-verdict verdict-${entry.verdict.status}`}>
        {verdictText(locale, entry.verdict)}
      </div>
      <RecordDetail entry={entry} businessId={businessId} locale={locale} records={records} />
    </>
  );
});

export interface ChangesPageProps {
  /** The business the page's address names, if any. */
  businessId?: string | undefined;
  /** The admin chose another business: the entrypoint keeps the page's address in step. */
  onBusiness?: (businessId: string) => void;
  /** The time of an export (its file name and `exportedAt`). */
  now?: () => Date;
}

/**
 * The change timeline's own page (issue 13, item 5): one business's changes, newest first, each with when it
 * was first seen, who, what, on which page, and whether a record approves it; filtered, searched, and
 * exported as CSV or JSON built here from the entries received (nothing leaves the browser).
 */
export function ChangesPage({ businessId: given, onBusiness, now = () => new Date() }: ChangesPageProps) {
  const { ask, locale } = useApi();
  const t = catalogue(locale).changes;
  const [chosen, setChosen] = useState<string | undefined>(given);
  const [watched, setWatched] = useState<Watched | undefined>();
  const [timeline, setTimeline] = useState<Loaded | undefined>();
  const [filter, setFilter] = useState<ChangeFilter>('all');
  const [query, setQuery] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const listRefusal = useRefusal(locale);
  const timelineRefusal = useRefusal(locale);
  const checkList = listRefusal.check;
  const checkTimeline = timelineRefusal.check;
  const records = useRef<RecordCache>(new Map());

  useEffect(() => {
    let live = true;
    void ask('watchedBusinesses', {}).then((reply) => {
      if (!live) return;
      checkList(reply);
      if (reply.ok)
        setWatched([...reply.value.businesses].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)));
    });
    return () => {
      live = false;
    };
  }, [ask, checkList]);

  useEffect(() => {
    setTimeline(undefined);
    setSaved(undefined);
    records.current = new Map();
    checkTimeline({ ok: true });
    if (!chosen) return;
    let live = true;
    void ask('changeTimeline', { businessId: chosen }).then((reply) => {
      if (!live) return;
      checkTimeline(reply);
      if (reply.ok) setTimeline({ businessId: chosen, entries: reply.value.entries });
    });
    return () => {
      live = false;
    };
  }, [ask, chosen, checkTimeline]);

  const choose = (businessId: string) => {
    if (!businessId || businessId === chosen) return;
    setChosen(businessId);
    onBusiness?.(businessId);
  };

  const entries = timeline?.entries;
  // What the search looks in, once per timeline (not per keystroke of a thousands-row list).
  const haystacks = useMemo(
    () => entries?.map((e) => `${e.change.name}\n${e.change.subject}`.toLocaleLowerCase()) ?? [],
    [entries],
  );
  const shown = useMemo(() => {
    if (!entries) return [];
    const needle = query.trim().toLocaleLowerCase();
    return entries.filter(
      (e, i) =>
        (filter === 'all' ||
          (filter === 'unrecorded' && e.verdict.status === 'unrecorded') ||
          (filter === 'hide-informational' && e.verdict.status !== 'informational')) &&
        (needle === '' || haystacks[i]!.includes(needle)),
    );
  }, [entries, haystacks, filter, query]);
  const openCount = useMemo(() => entries?.filter((e) => e.open).length ?? 0, [entries]);
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const itemKey = useCallback((e: TimelineEntry) => changeKey(e.change), []);
  const itemAttributes = useCallback(
    (e: TimelineEntry) => ({
      className: 'change',
      'data-change-kind': e.change.kind,
      'data-status': e.verdict.status,
      'data-subject': e.change.subject,
      'data-open': e.open ? 'true' : undefined,
    }),
    [],
  );

  const exportAs = (kind: 'csv' | 'json') => {
    if (!timeline) return;
    const at = now();
    const file = `scopekeeper-changes-${timeline.businessId}-${at.toISOString().slice(0, 10)}.${kind}`;
    if (kind === 'csv') download(file, timelineCsv(timeline.businessId, timeline.entries), 'text/csv');
    else
      download(
        file,
        `${JSON.stringify(timelineJson(timeline.businessId, timeline.entries, at), null, 2)}\n`,
        'application/json',
      );
    setSaved(t.exported(file));
  };

  const options = watched ?? [];
  const listed = chosen === undefined || options.some((b) => b.businessId === chosen);
  return (
    <main className="changes-page" data-business={chosen ?? ''}>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <label className="business-picker">
        {t.business}{' '}
        <select value={chosen ?? ''} onChange={(e) => choose(e.target.value)} name="business">
          {chosen === undefined ? (
            <option value="" disabled>
              {t.chooseBusiness}
            </option>
          ) : null}
          {listed ? null : <option value={chosen}>{chosen}</option>}
          {options.map((b) => (
            <option key={b.businessId} value={b.businessId}>
              {b.name
                ? t.namedBusinessOption(b.name, b.businessId, day.format(new Date(b.updatedAt)))
                : t.businessOption(b.businessId, day.format(new Date(b.updatedAt)))}
            </option>
          ))}
        </select>
      </label>
      {listRefusal.shown}
      {watched && watched.length === 0 && chosen === undefined ? <p data-empty="">{t.noBusinesses}</p> : null}
      {chosen ? (
        <TimelineView
          t={t}
          refused={timelineRefusal.shown}
          timeline={timeline}
          shown={shown}
          openCount={openCount}
          filter={filter}
          setFilter={setFilter}
          query={query}
          setQuery={setQuery}
          saved={saved}
          exportAs={exportAs}
          renderList={() => (
            <VirtualList
              items={shown}
              itemKey={itemKey}
              estimateSize={ROW_ESTIMATE}
              label={t.listLabel}
              className="changes"
              itemAttributes={itemAttributes}
              renderItem={(entry) => (
                <ChangeRow
                  entry={entry}
                  businessId={chosen}
                  locale={locale}
                  when={when}
                  records={records.current}
                />
              )}
            />
          )}
        />
      ) : null}
    </main>
  );
}

function TimelineView({
  t,
  refused,
  timeline,
  shown,
  openCount,
  filter,
  setFilter,
  query,
  setQuery,
  saved,
  exportAs,
  renderList,
}: {
  t: ReturnType<typeof catalogue>['changes'];
  refused: React.ReactNode;
  timeline: Loaded | undefined;
  shown: readonly TimelineEntry[];
  openCount: number;
  filter: ChangeFilter;
  setFilter: (filter: ChangeFilter) => void;
  query: string;
  setQuery: (query: string) => void;
  saved: string | undefined;
  exportAs: (kind: 'csv' | 'json') => void;
  renderList: () => React.ReactNode;
}) {
  // A refused or failed request is said as such: never shown as "no change".
  if (refused) return <>{refused}</>;
  if (!timeline) return <p aria-busy="true">{t.loading}</p>;
  const all = timeline.entries.length;
  if (all === 0) return <p data-empty="">{t.none}</p>;
  return (
    <section className="timeline" aria-label={t.title}>
      <div className="toolbar">
        <label>
          {t.filter}{' '}
          <select name="filter" value={filter} onChange={(e) => setFilter(e.target.value as ChangeFilter)}>
            {changeFilters.map((f) => (
              <option key={f} value={f}>
                {t.filters[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.search}{' '}
          <input type="search" name="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="button" data-export="csv" onClick={() => exportAs('csv')}>
          {t.exportCsv}
        </button>
        <button type="button" data-export="json" onClick={() => exportAs('json')}>
          {t.exportJson}
        </button>
      </div>
      <p className="counts" data-counts="" aria-live="polite">
        {t.shown(shown.length, all)}
        {openCount > 0 ? ` · ${t.openCount(openCount)}` : ''}
      </p>
      {saved ? <p role="status">{saved}</p> : null}
      {shown.length === 0 ? <p data-no-match="">{t.noMatch}</p> : renderList()}
    </section>
  );
}

/** The link to the change timeline (popup, options page; the panel may use it too): none without the API's address. */
export function ChangesLink({ businessId }: { businessId?: string | undefined }) {
  const { changesPage, locale } = useApi();
  if (!changesPage) return null;
  return (
    <a
      className="changes-link"
      href={changesPage(businessId)}
      target="_blank"
      rel="noreferrer"
      data-changes-link=""
    >
      {catalogue(locale).changes.open}
    </a>
  );
}
