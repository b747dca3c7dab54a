import { assetKey } from '../principals';
import { getSubjectKey, type AssetGrant, type Principal } from '../snapshot';
import { evidenceSeen, type EvidenceSeen } from './evidence-seen';
import type { ChecklistRun } from './runs';
import { templates, type EvidenceKind } from './templates';

/** One list page as last read: who it showed, and whether it was read in full (only then is absence proof). */
export interface ListRead {
  seenAt: string;
  complete: boolean;
  principals: readonly Principal[];
}

/** A grant record as the checks need it (lib/domain/ledger/records.ts GrantRecord fits). */
export interface RecordedGrant {
  subject: string;
  endsAt?: string;
  assets: readonly AssetGrant[];
}

/** What is known about one business when a snapshot arrives: the page reads and the ledger's records. */
export interface BusinessEvidence {
  now: Date;
  lists: Partial<Record<'people' | 'partners' | 'system-users', ListRead>>;
  /** The latest asset page read (who holds that asset). */
  assetPage?: ListRead;
  /** Principals as known across pages, with the assets read on detail panes and asset pages. */
  known: readonly Principal[];
  /** The business's grant records. */
  grants: readonly RecordedGrant[];
  lastExportAt?: string;
  /** The latest decision recorded for the business. */
  lastDecisionAt?: string;
  /** The notes recorded about the business itself (`business:<id>`): when, and the run each names. */
  notes?: readonly { at: string; runId?: string }[];
}

const DAY = 86_400_000;
const accessRank: Record<AssetGrant['access'], number> = { partial: 0, 'full-except-sensitive': 1, full: 2 };

function find(evidence: BusinessEvidence, subject: string): Principal | undefined {
  const known = evidence.known.find((p) => getSubjectKey(p) === subject);
  if (known) return known;
  for (const list of Object.values(evidence.lists)) {
    const seen = list?.principals.find((p) => getSubjectKey(p) === subject);
    if (seen) return seen;
  }
  return undefined;
}

/** The access on the page is within what the record says was granted (asset by asset, task by task). */
function covered(asset: AssetGrant, recorded: readonly AssetGrant[]): boolean {
  const match = recorded.find((r) =>
    r.id && asset.id ? r.id === asset.id : assetKey(r) === assetKey(asset) || r.name === asset.name,
  );
  if (!match) return false;
  if (accessRank[asset.access] > accessRank[match.access]) return false;
  if (asset.access !== 'partial' || match.access !== 'partial') return true;
  return asset.tasks.every((task) => match.tasks.includes(task));
}

const today = (now: Date) => now.toISOString().slice(0, 10);

function currentGrants(evidence: BusinessEvidence, subject: string): RecordedGrant[] {
  const day = today(evidence.now);
  return evidence.grants.filter((g) => g.subject === subject && (!g.endsAt || g.endsAt >= day));
}

const kindOfKey = (key: string): Principal['kind'] | undefined =>
  key.startsWith('person')
    ? 'person'
    : key.startsWith('partner')
      ? 'partner'
      : key.startsWith('system-user')
        ? 'system-user'
        : undefined;
/** A principal's kind and name, as two rows showing the same one by name compare. */
const nameKey = (kind: string | undefined, name: string) => `${kind ?? ''}\n${name.trim().toLowerCase()}`;

/**
 * Whether a list read in full after `since` lists none of the subjects (false: no proof either way). With
 * `names` (the subjects' names as read when the run started), one of them shown under another key (a row
 * by name where the run knows the address) still counts as listed: absence is proven only where it is.
 */
function absentFrom(
  list: ListRead | undefined,
  subjects: readonly string[],
  since: string,
  names?: Readonly<Record<string, string>>,
): boolean {
  if (!list || !list.complete || list.seenAt < since) return false;
  const listed = new Set(list.principals.map(getSubjectKey));
  const named = names ? new Set(list.principals.map((p) => nameKey(p.kind, p.name))) : undefined;
  return subjects.every((s) => {
    if (listed.has(s)) return false;
    const name = names?.[s];
    return !name || !named?.has(nameKey(kindOfKey(s), name));
  });
}

const relatedOf = (run: ChecklistRun, prefix: string) => run.related.filter((s) => s.startsWith(prefix));

const listOfKind = { person: 'people', partner: 'partners', 'system-user': 'system-users' } as const;

/**
 * The unknown principals of an incident, each absent from its list, and every list (People, Partners,
 * System users) read in full after the start: an intruder of a kind the run does not know of yet is only
 * found by reading its list (and then joins the run), so a list left unread proves nothing clean.
 */
function unknownAbsent(run: ChecklistRun, evidence: BusinessEvidence): boolean {
  if (run.related.length === 0 || run.related.some((s) => kindOfKey(s) === undefined)) return false;
  // One pass over each list, for the unknown ones of its kind.
  return (Object.keys(listOfKind) as (keyof typeof listOfKind)[]).every((kind) => {
    const ofKind = run.related.filter((s) => kindOfKey(s) === kind);
    return absentFrom(evidence.lists[listOfKind[kind]], ofKind, run.createdAt, run.names);
  });
}

/** The removal of an offboarding, as shown by lists read in full after `since`. */
function removalShown(run: ChecklistRun, evidence: BusinessEvidence, since: string): boolean {
  const people = relatedOf(run, 'person');
  const systemUsers = relatedOf(run, 'system-user');
  return (
    absentFrom(evidence.lists.partners, [run.subject], since) &&
    (people.length === 0 || absentFrom(evidence.lists.people, people, since)) &&
    (systemUsers.length === 0 || absentFrom(evidence.lists['system-users'], systemUsers, since))
  );
}

/** Checks one kind of evidence; returns what was seen, as a code with facts, or undefined. */
function check(
  kind: EvidenceKind,
  stepId: string,
  run: ChecklistRun,
  evidence: BusinessEvidence,
  doneAt: (stepId: string) => string | undefined,
): EvidenceSeen | undefined {
  const principal = () => find(evidence, run.subject);
  switch (kind) {
    case 'case-recorded':
      return run.case ? evidenceSeen('case-recorded') : undefined;
    case 'business-id-known':
      return /^partner:\d{5,20}$/.test(run.subject)
        ? evidenceSeen('business-id-known', { businessId: run.subject.slice(8) })
        : undefined;
    case 'listed-pending': {
      const p = principal();
      if (!p) return undefined;
      return evidenceSeen(p.pending ? 'listed-pending' : 'listed-accepted-already');
    }
    case 'listed-accepted': {
      const list = evidence.lists.people?.principals.find((p) => getSubjectKey(p) === run.subject);
      return list && !list.pending ? evidenceSeen('listed-accepted') : undefined;
    }
    case 'least-role': {
      const p = principal();
      if (!p || p.portfolioAccess === 'full-control' || p.assets.some((a) => a.access === 'full'))
        return undefined;
      if (p.kind === 'person' && !p.portfolioAccess) return undefined;
      if (p.kind !== 'person' && p.assets.length === 0) return undefined;
      return p.assets.length > 0
        ? evidenceSeen('least-role-assets', { count: p.assets.length })
        : evidenceSeen('least-role-business');
    }
    case 'holds-assets': {
      const p = principal();
      return p && p.assets.length > 0
        ? evidenceSeen('holds-assets', { assets: p.assets.map((a) => a.name).join(', ') })
        : undefined;
    }
    case 'matches-record': {
      const p = principal();
      const recorded = currentGrants(evidence, run.subject).flatMap((g) => g.assets);
      if (!p || p.assets.length === 0 || recorded.length === 0) return undefined;
      return p.assets.every((a) => covered(a, recorded))
        ? evidenceSeen('matches-record', { count: p.assets.length })
        : undefined;
    }
    case 'record-with-end-date': {
      const grant = currentGrants(evidence, run.subject).find((g) => g.endsAt);
      return grant?.endsAt ? evidenceSeen('record-with-end-date', { date: grant.endsAt }) : undefined;
    }
    case 'partner-absent':
      return absentFrom(evidence.lists.partners, [run.subject], run.createdAt)
        ? evidenceSeen('partner-absent')
        : undefined;
    case 'people-absent': {
      const people = relatedOf(run, 'person');
      return people.length > 0 && absentFrom(evidence.lists.people, people, run.createdAt, run.names)
        ? evidenceSeen('people-absent', { count: people.length })
        : undefined;
    }
    case 'system-users-absent': {
      const users = relatedOf(run, 'system-user');
      return users.length > 0 && absentFrom(evidence.lists['system-users'], users, run.createdAt, run.names)
        ? evidenceSeen('system-users-absent', { count: users.length })
        : undefined;
    }
    case 'unknown-listed':
      return run.related.length > 0
        ? evidenceSeen('unknown-listed', { count: run.related.length })
        : undefined;
    case 'partners-absent': {
      const partners = relatedOf(run, 'partner');
      return partners.length > 0 && absentFrom(evidence.lists.partners, partners, run.createdAt, run.names)
        ? evidenceSeen('partners-absent', { count: partners.length })
        : undefined;
    }
    case 'unknown-absent':
      return unknownAbsent(run, evidence)
        ? evidenceSeen('unknown-absent', { count: run.related.length })
        : undefined;
    case 'incident-documented': {
      const note = evidence.notes?.find((n) => n.runId === run.id && n.at > run.createdAt);
      return note ? evidenceSeen('incident-documented', { date: note.at.slice(0, 10) }) : undefined;
    }
    case 'asset-roles-absent': {
      if (!removalShown(run, evidence, run.createdAt)) return undefined;
      const everyone = [run.subject, ...run.related];
      const holds = evidence.known.some((p) => everyone.includes(getSubjectKey(p)) && p.assets.length > 0);
      const page = evidence.assetPage;
      const onAssetPage =
        page?.complete && page.seenAt >= run.createdAt
          ? page.principals.some((p) => everyone.includes(getSubjectKey(p)))
          : false;
      return holds || onAssetPage ? undefined : evidenceSeen('asset-roles-absent');
    }
    case 'removal-verified':
      return removalShown(run, evidence, run.createdAt) ? evidenceSeen('removal-verified') : undefined;
    case 'removal-verified-again': {
      // The template's follow-up says which step this one waits for, and how long.
      const followUp = templates[run.templateId].followUps?.find((f) => f.step === stepId);
      const verified = followUp && doneAt(followUp.after);
      if (!followUp || !verified) return undefined;
      const weekLater = new Date(Date.parse(verified) + followUp.days * DAY).toISOString();
      return evidence.now.toISOString() >= weekLater && removalShown(run, evidence, weekLater)
        ? evidenceSeen('removal-verified-again')
        : undefined;
    }
    case 'export-since-start':
      return evidence.lastExportAt && evidence.lastExportAt >= run.createdAt
        ? evidenceSeen('export-since-start', { date: evidence.lastExportAt.slice(0, 10) })
        : undefined;
    case 'end-dates-set':
      return evidence.grants.length > 0 && evidence.grants.every((g) => g.endsAt)
        ? evidenceSeen('end-dates-set', { count: evidence.grants.length })
        : undefined;
    case 'decision-since-start':
      return evidence.lastDecisionAt && evidence.lastDecisionAt > run.createdAt
        ? evidenceSeen('decision-since-start')
        : undefined;
  }
}

/**
 * Ticks every open step of a run whose evidence is shown (in template order, so a later step may rely on an
 * earlier one ticked in the same pass). Ticks are never taken back by evidence: only the admin unticks.
 * Returns the run unchanged (the same object) when nothing was ticked.
 */
export function applyEvidence(run: ChecklistRun, evidence: BusinessEvidence): ChecklistRun {
  if (run.status !== 'open') return run;
  const template = templates[run.templateId];
  const steps = run.steps.map((s) => ({ ...s }));
  const doneAt = (id: string) => steps.find((s) => s.id === id && s.done)?.at;
  let changed = false;
  for (const state of steps) {
    const kind = template.steps.find((s) => s.id === state.id)?.evidence;
    if (state.done || !kind) continue;
    const seen = check(kind, state.id, run, evidence, doneAt);
    if (!seen) continue;
    Object.assign(state, { done: true, at: evidence.now.toISOString(), how: 'evidence', evidence: seen });
    changed = true;
  }
  return changed ? { ...run, steps } : run;
}

/** A partner's likely people, to offer when offboarding: e-mail domains that spell the partner's name. */
export function suggestRelated(partnerName: string, known: readonly Principal[]): string[] {
  const flat = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const name = flat(partnerName);
  if (name.length < 3) return [];
  return known
    .filter((p) => {
      if (p.kind !== 'person' || !p.email) return false;
      const label = flat(p.email.split('@')[1]?.split('.')[0] ?? '');
      return label.length >= 3 && (name.includes(label) || label.includes(name));
    })
    .map(getSubjectKey);
}
