import { useCallback, useEffect, useRef, useState } from 'react';
import { catalogue, describeProblem } from '@/lib/domain/i18n';
import type { UiLocale } from '@/lib/domain/locales';
import { templates } from '@/lib/domain/checklists/templates';
import type { QuarantinedItem, TeamConflict, TeamRecordConflict } from '@/lib/domain/team-admin';
import { useApi } from './api';
import { useRefusal } from './refusal';
import { GrantConflict, RecordConflict, runWho, type ConflictOutcome } from './team-conflict';

const POLL_MS = 5000;

/** A refused document in the admin's words: what, when, why, and what the import's check found. */
export function describeQuarantined(locale: UiLocale, item: QuarantinedItem): string[] {
  const t = catalogue(locale).teamAdmin.quarantine;
  const lines = [
    t.document(item.id),
    item.at ? t.when(new Date(item.at).toLocaleString(locale)) : t.whenUnknown,
    t.reason[item.reason],
  ];
  if (item.problem) lines.push(t.problem(describeProblem(locale, item.problem)));
  return lines;
}

/** A run or campaign in conflict, as the options page's list names it. */
export function describeRecordConflict(locale: UiLocale, c: TeamRecordConflict): string {
  const t = catalogue(locale).teamAdmin.recordConflicts;
  if (c.kind === 'checklist')
    return t.runRow(templates[c.templateId].title[locale], runWho(c), c.businessId, c.versions);
  const started = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(c.startedAt));
  return t.campaignRow(started, c.businessId, c.versions);
}

/**
 * The options page's team ledger section for an admin (issue 16, items 2–4): the grants edited in two
 * places, each with its versions to compare and keep (a decision records the choice), and the documents
 * refused from the server. Nothing while the team ledger is off; asked again while open, when the
 * replication's counts change.
 */
export function TeamAdminSection() {
  const { ask, locale } = useApi();
  const words = catalogue(locale).teamAdmin;
  const refusal = useRefusal(locale);
  const { check } = refusal;
  const [on, setOn] = useState(false);
  const [conflicts, setConflicts] = useState<TeamConflict[]>([]);
  const [records, setRecords] = useState<TeamRecordConflict[]>([]);
  const [quarantine, setQuarantine] = useState<{ items: QuarantinedItem[]; total: number }>({
    items: [],
    total: 0,
  });
  const [outcome, setOutcome] = useState<ConflictOutcome | undefined>();
  const seen = useRef<string | undefined>(undefined);

  const loadLists = useCallback(async () => {
    const [c, r, q] = await Promise.all([
      ask('teamConflicts', {}),
      ask('teamRecordConflicts', {}),
      ask('teamQuarantine', {}),
    ]);
    // A refusal of any is said; a list that came is shown.
    if (c.ok) setConflicts(c.value.conflicts);
    if (r.ok) setRecords(r.value.conflicts);
    if (q.ok) setQuarantine(q.value);
    check(!c.ok ? c : !r.ok ? r : q);
  }, [ask, check]);

  useEffect(() => {
    let live = true;
    const poll = async () => {
      const status = await ask('teamStatus', {});
      if (!live || !status.ok) return;
      setOn(status.value.kind === 'on');
      if (status.value.kind !== 'on') return;
      // The lists are asked again only when the replication's counts moved (or the first time).
      const mark = `${status.value.conflicts}|${status.value.quarantined}`;
      if (mark === seen.current) return;
      seen.current = mark;
      await loadLists();
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ask, loadLists]);

  if (!on) return null;
  const shown = quarantine.items.length;
  return (
    <section className="team-admin" aria-label={words.conflicts.title}>
      {refusal.shown}
      <h3>{words.conflicts.title}</h3>
      <p className="hint">{words.conflicts.intro}</p>
      {conflicts.length === 0 ? (
        <p data-team-conflicts="0">{words.conflicts.none}</p>
      ) : (
        <ul data-team-conflicts={conflicts.length}>
          {conflicts.map((c) => (
            <li key={c.grantId} data-grant-id={c.grantId}>
              {words.conflicts.row(c.subject, c.businessId, c.versions)}
              <GrantConflict
                locale={locale}
                grantId={c.grantId}
                subject={c.subject}
                onResolved={(result) => {
                  setOutcome(result);
                  void loadLists();
                }}
              />
            </li>
          ))}
        </ul>
      )}

      <h3>{words.recordConflicts.title}</h3>
      <p className="hint">{words.recordConflicts.intro}</p>
      {records.length === 0 ? (
        <p data-team-record-conflicts="0">{words.recordConflicts.none}</p>
      ) : (
        <ul data-team-record-conflicts={records.length}>
          {records.map((c) => (
            <li key={`${c.kind}:${c.id}`} data-record={`${c.kind}:${c.id}`}>
              {describeRecordConflict(locale, c)}
              <RecordConflict
                locale={locale}
                kind={c.kind}
                id={c.id}
                onResolved={(result) => {
                  setOutcome(result);
                  void loadLists();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}

      <h3>{words.quarantine.title}</h3>
      <p className="hint">{words.quarantine.intro}</p>
      {shown === 0 ? (
        <p data-team-quarantined="0">{words.quarantine.none}</p>
      ) : (
        <>
          <ul data-team-quarantined={quarantine.total} aria-label={words.quarantine.title}>
            {quarantine.items.map((item, i) => (
              <li
                key={`${item.id}|${item.rev ?? ''}|${item.reason}|${i}`}
                data-quarantined-reason={item.reason}
              >
                {describeQuarantined(locale, item).map((line, n) => (
                  <span key={n} className={n === 0 ? 'quarantined-id' : undefined}>
                    {n > 0 ? ' · ' : null}
                    {line}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          {quarantine.total > shown ? (
            <p className="hint">{words.quarantine.more(shown, quarantine.total)}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
