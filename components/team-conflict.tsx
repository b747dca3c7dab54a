import { useState } from 'react';
import { catalogue, type Catalogue } from '@/lib/domain/i18n/words';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import type { UiLocale } from '@/lib/domain/locales';
import { words as ruleWords } from '@/lib/domain/rules/words';
import type { TaskKey } from '@/lib/domain/snapshot';
import type { TeamAuthor, TeamConflictVersion } from '@/lib/domain/team-admin';
import { comparedFields, getGrantDifferences, type ComparedField } from '@/lib/domain/team-compare';
import { useApi } from './api';
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

/**
 * Every version of a grant in conflict side by side (issue 16, item 2): who wrote each, the fields that
 * differ marked (in words, not only by colour), and one "Keep this version" per version. Nothing is chosen
 * for the admin: the grant stays in conflict until they press one.
 */
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
  return (
    <div className="conflict-versions">
      <table className="conflict-table">
        <caption>{t.versionsOf(subject)}</caption>
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
          {comparedFields.map((field) => (
            <tr
              key={field}
              data-field={field}
              data-differs={String(differs.has(field))}
              className={differs.has(field) ? 'differs' : undefined}
            >
              <th scope="row">
                {t.field[field]}
                {differs.has(field) ? <mark className="differs-mark"> ({t.differs})</mark> : null}
              </th>
              {versions.map((v) => (
                <td key={v.rev}>{describeField(locale, v.grant, field)}</td>
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
      <p className="hint">{t.keepHint}</p>
    </div>
  );
}

/**
 * A grant's conflict marker with its versions on demand, and the admin's choice sent to the background
 * (`resolveTeamConflict`: a decision records it). `onResolved` tells the screen, which asks again which
 * grants are in conflict, so the marker goes.
 */
export function GrantConflict({
  locale,
  grantId,
  subject,
  onResolved,
}: {
  locale: UiLocale;
  grantId: string;
  subject: string;
  onResolved: (outcome: ConflictOutcome) => void;
}) {
  const { ask } = useApi();
  const t = catalogue(locale).teamAdmin.conflict;
  const refusal = useRefusal(locale);
  const { check } = refusal;
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<TeamConflictVersion[] | undefined>();
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    const reply = check(await ask('teamConflictVersions', { grantId }));
    if (!reply.ok) return;
    // Resolved meanwhile (here or by a colleague): said, and the screen asks again.
    if (reply.value.versions.length < 2) return onResolved({ ok: true, text: t.gone });
    setVersions(reply.value.versions);
  };

  const keep = async (keepRev: string) => {
    setBusy(true);
    const reply = check(await ask('resolveTeamConflict', { grantId, keepRev }));
    setBusy(false);
    if (!reply.ok) return;
    const { outcome } = reply.value;
    onResolved({ ok: outcome !== 'off', text: t[outcome] });
  };

  return (
    <div className="team-conflict" data-team-conflict={grantId}>
      <p className="conflict-marker" role="note">
        <strong aria-hidden="true">⚠ </strong>
        {t.marker}{' '}
        <button type="button" aria-expanded={open} onClick={() => void toggle()}>
          {open ? t.hide : t.compare}
        </button>
      </p>
      {refusal.shown}
      {open ? (
        versions ? (
          <ConflictVersions
            locale={locale}
            subject={subject}
            versions={versions}
            busy={busy}
            onKeep={(rev) => void keep(rev)}
          />
        ) : (
          <p className="empty">{t.loading}</p>
        )
      ) : null}
    </div>
  );
}
