import { useState, type ReactNode } from 'react';
import { catalogue, type Catalogue } from '@/lib/domain/i18n/words';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import type { UiLocale } from '@/lib/domain/locales';
import { words as ruleWords } from '@/lib/domain/rules/words';
import type { TaskKey } from '@/lib/domain/snapshot';
import type { ChecklistRun } from '@/lib/domain/checklists/runs';
import { templates } from '@/lib/domain/checklists/templates';
import type { ReviewCampaign } from '@/lib/domain/review/campaign';
import type { Problem } from '@/lib/domain/problems';
import type {
  ResolveOutcome,
  TeamAuthor,
  TeamConflictVersion,
  TeamRecordKind,
  TeamRecordVersion,
} from '@/lib/domain/team-admin';
import {
  comparedFields,
  getCampaignAnswers,
  getCampaignComparison,
  getGrantDifferences,
  getRunComparison,
  type ComparedField,
} from '@/lib/domain/team-compare';
import { useApi, type Api } from './api';
import './team-conflict.css';
import { useRefusal } from './refusal';

type Words = Catalogue['teamAdmin']['conflict'];

/** Who wrote a version, in the admin's words: "you", or the colleague as the trust list knows them. */
export function describeAuthor(t: Words, author: TeamAuthor): string {
  return author.kind === 'you' ? t.you : t.colleague(author.fingerprint, author.ledgerId, author.trusted);
}

/** One field of a version as shown: assets with their access and tasks, dates and texts as written. */
export function describeField(locale: UiLocale, grant: GrantRecord, field: ComparedField): string {
  const all = catalogue(locale);
  const t = all.teamAdmin.conflict;
  if (field === 'assets') {
    if (grant.assets.length === 0) return t.none;
    return grant.assets
      .map((a) => {
        const tasks = a.tasks.map((k) => ruleWords[locale].tasks[k as TaskKey] ?? k).join(', ');
        return `${a.name}: ${all.review.access[a.access] ?? a.access} (${tasks || t.noTasks})`;
      })
      .join('; ');
  }
  return grant[field] ?? t.none;
}

/** How the admin's choice ended, for the screen that shows the conflict to say. */
export interface ConflictOutcome {
  ok: boolean;
  text: string;
}

/** One row of a comparison: what it is, whether the versions differ there, each version's value in words. */
interface VersionRow {
  key: string;
  label: string;
  differs: boolean;
  cells: string[];
}

/**
 * Versions side by side (issue 16, item 2): who wrote each, the rows that differ marked (in words, not only
 * by colour), and one "Keep this version" per version. Nothing is chosen for the admin.
 */
function VersionsTable({
  locale,
  caption,
  versions,
  rows,
  hint,
  onKeep,
  busy,
}: {
  locale: UiLocale;
  caption: string;
  versions: readonly { rev: string; author: TeamAuthor }[];
  rows: readonly VersionRow[];
  hint: string;
  onKeep: (rev: string) => void;
  busy: boolean;
}) {
  const t = catalogue(locale).teamAdmin.conflict;
  return (
    <div className="conflict-versions">
      <table className="conflict-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {versions.map((v, i) => (
              <th key={v.rev} scope="col" data-version-rev={v.rev} data-author={v.author.kind}>
                {t.version(i + 1)}
                <br />
                <span className="conflict-author">{describeAuthor(t, v.author)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              data-field={row.key}
              data-differs={String(row.differs)}
              className={row.differs ? 'differs' : undefined}
            >
              <th scope="row">
                {row.label}
                {row.differs ? <mark className="differs-mark"> ({t.differs})</mark> : null}
              </th>
              {row.cells.map((cell, i) => (
                <td key={versions[i]?.rev ?? i}>{cell}</td>
              ))}
            </tr>
          ))}
          <tr>
            <td />
            {versions.map((v) => (
              <td key={v.rev}>
                <button type="button" data-keep-rev={v.rev} disabled={busy} onClick={() => onKeep(v.rev)}>
                  {t.keep}
                </button>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="hint">{hint}</p>
    </div>
  );
}

/** Every version of a grant in conflict side by side: assets, dates and texts. */
export function ConflictVersions({
  locale,
  subject,
  versions,
  onKeep,
  busy,
}: {
  locale: UiLocale;
  subject: string;
  versions: TeamConflictVersion[];
  onKeep: (rev: string) => void;
  busy: boolean;
}) {
  const t = catalogue(locale).teamAdmin.conflict;
  const differs = getGrantDifferences(versions.map((v) => v.grant));
  const rows = comparedFields.map((field) => ({
    key: field,
    label: t.field[field],
    differs: differs.has(field),
    cells: versions.map((v) => describeField(locale, v.grant, field)),
  }));
  return (
    <VersionsTable
      locale={locale}
      caption={t.versionsOf(subject)}
      versions={versions}
      rows={rows}
      hint={t.keepHint}
      onKeep={onKeep}
      busy={busy}
    />
  );
}

/** A date and time in the admin's words. */
const formatWhen = (locale: UiLocale, at: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

/** Whom a run is about, as its panel card says it. */
export function runWho(run: Pick<ChecklistRun, 'subject' | 'subjectName'>): string {
  return run.subjectName && !run.subject.endsWith(run.subjectName)
    ? run.subjectName
    : run.subject.replace(/^\w+(-\w+)?:/, '');
}

/** The rows of a checklist run's versions: status (who finished is the version's author), case, each step. */
export function runRows(locale: UiLocale, runs: readonly ChecklistRun[]): VersionRow[] {
  const all = catalogue(locale);
  const t = all.teamAdmin.records;
  const template = templates[runs[0]!.templateId];
  return getRunComparison(runs).map((row): VersionRow => {
    if (row.kind === 'status')
      return {
        key: 'status',
        label: t.status,
        differs: row.differs,
        cells: runs.map((r) =>
          r.status === 'finished' && r.finishedAt ? t.finished(formatWhen(locale, r.finishedAt)) : t.open,
        ),
      };
    if (row.kind === 'case')
      return {
        key: 'case',
        label: t.case,
        differs: row.differs,
        cells: runs.map((r) => r.case ?? all.teamAdmin.conflict.none),
      };
    const step = template.steps.find((s) => s.id === row.stepId);
    return {
      key: `step:${row.stepId}`,
      label: step ? step.text[locale].title : row.stepId,
      differs: row.differs,
      cells: runs.map((r) => {
        const state = r.steps.find((s) => s.id === row.stepId);
        if (!state) return t.notInVersion;
        if (!state.done) return t.notTicked;
        const how = state.how === 'evidence' ? all.checklists.byEvidence : all.checklists.byHand;
        return state.at ? t.ticked(formatWhen(locale, state.at), how) : how;
      }),
    };
  });
}

/** The rows of a campaign's versions: status and sign-off, the answers' counts, each access answered otherwise. */
export function campaignRows(
  locale: UiLocale,
  campaigns: readonly ReviewCampaign[],
): { rows: VersionRow[]; notes: string[] } {
  const all = catalogue(locale);
  const t = all.teamAdmin.records;
  const r = all.review;
  const compared = getCampaignComparison(campaigns);
  const byId = campaigns.map((c) => new Map(c.items.map((item) => [item.id, item])));
  const rows: VersionRow[] = [
    {
      key: 'status',
      label: t.status,
      differs: compared.statusDiffers,
      cells: campaigns.map((c) =>
        c.signOff
          ? t.signedOff(c.signOff.reviewer, c.signOff.role, formatWhen(locale, c.signOff.at))
          : c.status === 'finished'
            ? t.closed
            : t.open,
      ),
    },
    {
      key: 'answers',
      label: t.answers,
      differs: compared.answersDiffer,
      cells: campaigns.map((c) => {
        const n = getCampaignAnswers(c);
        return t.answerCounts(n.keep, n.reduce, n.revoke, n.undecided);
      }),
    },
    ...compared.items.map((item): VersionRow => {
      const what =
        item.access.kind === 'portfolio'
          ? `${r.portfolio} (${r.level[item.access.level] ?? item.access.level})`
          : `${item.access.asset.name} (${r.access[item.access.access] ?? item.access.access})`;
      return {
        key: `item:${item.id}`,
        label: `${item.name} · ${what}`,
        differs: true,
        cells: byId.map((items) => {
          const held = items.get(item.id);
          if (!held) return t.notInVersion;
          const d = held.decision;
          const answer = d ? t.answered(r[d.kind], d.rationale, d.reviewer) : t.undecided;
          return held.verified ? `${answer} · ${t.verified(formatWhen(locale, held.verified.at))}` : answer;
        }),
      };
    }),
  ];
  const notes = [
    ...(compared.moreItems > 0 ? [t.moreItems(compared.moreItems)] : []),
    ...(compared.sameItems > 0 ? [t.sameItems(compared.sameItems)] : []),
  ];
  return { rows, notes };
}

/** Every version of a run or campaign in conflict side by side, in the admin's words. */
export function RecordVersions({
  locale,
  versions,
  onKeep,
  busy,
}: {
  locale: UiLocale;
  versions: TeamRecordVersion[];
  onKeep: (rev: string) => void;
  busy: boolean;
}) {
  const t = catalogue(locale).teamAdmin.records;
  const runs = versions.flatMap((v) => (v.record.kind === 'checklist' ? [v.record.run] : []));
  const campaigns = versions.flatMap((v) => (v.record.kind === 'review' ? [v.record.campaign] : []));
  if (runs.length === versions.length && runs[0]) {
    const title = templates[runs[0].templateId].title[locale];
    return (
      <VersionsTable
        locale={locale}
        caption={t.runVersionsOf(title, runWho(runs[0]))}
        versions={versions}
        rows={runRows(locale, runs)}
        hint={t.keepHint}
        onKeep={onKeep}
        busy={busy}
      />
    );
  }
  if (campaigns.length === versions.length && campaigns[0]) {
    const { rows, notes } = campaignRows(locale, campaigns);
    return (
      <>
        <VersionsTable
          locale={locale}
          caption={t.campaignVersionsOf(formatWhen(locale, campaigns[0].startedAt))}
          versions={versions}
          rows={rows}
          hint={t.keepHint}
          onKeep={onKeep}
          busy={busy}
        />
        {notes.map((note) => (
          <p key={note} className="hint">
            {note}
          </p>
        ))}
      </>
    );
  }
  return null;
}

/** What every conflict marker is given by the screen that shows it: the language, and how to say the end. */
interface MarkerScreen {
  locale: UiLocale;
  onResolved: (outcome: ConflictOutcome) => void;
}

/** What the background answers when asked for a conflict's versions or told the admin's choice. */
type Answer<T> = { ok: true; value: T } | { ok: false; error: Problem };

/**
 * A conflict's marker with its versions on demand, for a grant, a run or a campaign: opened, it asks for the
 * versions (fewer than two: resolved meanwhile, here or by a colleague, said with `gone`, and the screen asks
 * again); a "Keep this version" sends the admin's choice, and `onResolved` tells the screen how it ended.
 */
function ConflictMarker<V>({
  locale,
  attributes,
  marker,
  gone,
  askVersions,
  askKeep,
  onResolved,
  children,
}: {
  locale: UiLocale;
  /** The data attribute that names the conflict on the page (tests and screens find it by that). */
  attributes: Record<`data-${string}`, string>;
  marker: string;
  gone: string;
  /** The question for the versions, asked through the panel's or options page's API. */
  askVersions: (ask: Api['ask']) => Promise<Answer<{ versions: V[] }>>;
  askKeep: (ask: Api['ask'], keepRev: string) => Promise<Answer<{ outcome: ResolveOutcome }>>;
  onResolved: (outcome: ConflictOutcome) => void;
  children: (versions: V[], busy: boolean, onKeep: (rev: string) => void) => ReactNode;
}) {
  const { ask } = useApi();
  const t = catalogue(locale).teamAdmin.conflict;
  const refusal = useRefusal(locale);
  const { check } = refusal;
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<V[] | undefined>();
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    const reply = check(await askVersions(ask));
    if (!reply.ok) return;
    if (reply.value.versions.length < 2) return onResolved({ ok: true, text: gone });
    setVersions(reply.value.versions);
  };

  const keep = async (keepRev: string) => {
    setBusy(true);
    const reply = check(await askKeep(ask, keepRev));
    setBusy(false);
    if (!reply.ok) return;
    const { outcome } = reply.value;
    onResolved({ ok: outcome !== 'off', text: outcome === 'gone' ? gone : t[outcome] });
  };

  return (
    <div className="team-conflict" {...attributes}>
      <p className="conflict-marker" role="note">
        <strong aria-hidden="true">⚠ </strong>
        {marker}{' '}
        <button type="button" aria-expanded={open} onClick={() => void toggle()}>
          {open ? t.hide : t.compare}
        </button>
      </p>
      {refusal.shown}
      {open ? (
        versions ? (
          children(versions, busy, (rev) => void keep(rev))
        ) : (
          <p className="empty">{t.loading}</p>
        )
      ) : null}
    </div>
  );
}

/**
 * A run's or campaign's conflict marker with its versions on demand, and the admin's choice sent to the
 * background (`resolveTeamRecordConflict`: a decision records it, the kept version is saved here and
 * pushed). `onResolved` tells the screen, which asks again which records are in conflict.
 */
export function RecordConflict({ kind, id, ...screen }: MarkerScreen & { kind: TeamRecordKind; id: string }) {
  const { locale } = screen;
  const t = catalogue(locale).teamAdmin.records;
  return (
    <ConflictMarker<TeamRecordVersion>
      {...screen}
      attributes={{ 'data-team-record-conflict': `${kind}:${id}` }}
      marker={kind === 'checklist' ? t.runMarker : t.campaignMarker}
      gone={t.gone}
      askVersions={(ask) => ask('teamRecordConflictVersions', { kind, id })}
      askKeep={(ask, keepRev) => ask('resolveTeamRecordConflict', { kind, id, keepRev })}
    >
      {(versions, busy, onKeep) => (
        <RecordVersions locale={locale} versions={versions} busy={busy} onKeep={onKeep} />
      )}
    </ConflictMarker>
  );
}

/**
 * A grant's conflict marker with its versions on demand, and the admin's choice sent to the background
 * (`resolveTeamConflict`: a decision records it). `onResolved` tells the screen, which asks again which
 * grants are in conflict, so the marker goes.
 */
export function GrantConflict({
  grantId,
  subject,
  ...screen
}: MarkerScreen & { grantId: string; subject: string }) {
  const { locale } = screen;
  const t = catalogue(locale).teamAdmin.conflict;
  return (
    <ConflictMarker<TeamConflictVersion>
      {...screen}
      attributes={{ 'data-team-conflict': grantId }}
      marker={t.marker}
      gone={t.gone}
      askVersions={(ask) => ask('teamConflictVersions', { grantId })}
      askKeep={(ask, keepRev) => ask('resolveTeamConflict', { grantId, keepRev })}
    >
      {(versions, busy, onKeep) => (
        <ConflictVersions locale={locale} subject={subject} versions={versions} busy={busy} onKeep={onKeep} />
      )}
    </ConflictMarker>
  );
}
