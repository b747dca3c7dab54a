import type { ChecklistRun } from '../checklists/runs';
import { canonicalJson } from './canonical';
import { chainsByLedger, verifyChain } from './chain';
import { exportFileSchema, type Decision, type ExportFile, type GrantRecord } from './records';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What the store holds now, as the import needs to see it. */
export interface LedgerContents {
  ledgerId: string;
  grants: ReadonlyMap<string, GrantRecord>;
  chains: ReadonlyMap<string, readonly Decision[]>;
  runs?: ReadonlyMap<string, ChecklistRun>;
}

export interface ImportPlan {
  file: ExportFile;
  addGrants: GrantRecord[];
  identicalGrants: number;
  /** Grants with an id we already hold and other content: reported, never overwritten. */
  conflictingGrants: { id: string; subject: string }[];
  /** New decisions per ledger, each the continuation of what we hold of that chain. */
  addDecisions: Decision[];
  knownDecisions: number;
  ledgers: { ledgerId: string; ours: boolean; adding: number }[];
  addRuns: ChecklistRun[];
  identicalRuns: number;
  /**
   * Runs with an id we already hold and other content, or open for a subject that already has an open
   * run of the same checklist here: reported, never overwritten (ours is the one being worked on).
   */
  conflictingRuns: { id: string; subject: string; reason: 'differs' | 'open-here' }[];
}

export type ImportCheck = { ok: true; plan: ImportPlan } | { ok: false; error: string };

function firstRepeatedId(records: readonly { id: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { id } of records) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }, file: unknown): string {
  const issue = error.issues[0]!;
  const [list, index, ...rest] = issue.path;
  const names: Record<string, string> = {
    grants: 'Grant',
    decisions: 'Decision',
    checklistRuns: 'Checklist run',
  };
  if (typeof list === 'string' && names[list] && typeof index === 'number') {
    const record = (file as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
    const which = typeof record?.id === 'string' ? ` ${record.id.slice(0, 60)}` : '';
    return `${names[list]} #${index + 1}${which}: ${rest.join('.') || 'record'} ${issue.message}`;
  }
  return `${issue.path.join('.') || 'The file'}: ${issue.message}`;
}

/**
 * Checks a whole import file against what the store holds, before anything is written: size, JSON,
 * format, every record, unique ids, every chain, and how each chain continues ours. Returns the plan of
 * what would be added (the preview), or a plain-words error naming the record that is wrong.
 */
export async function planImport(
  text: string,
  byteLength: number,
  current: LedgerContents,
): Promise<ImportCheck> {
  if (byteLength > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: `The file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB.`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'The file is not complete JSON (it may be truncated or not a Scopekeeper export).',
    };
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== 'scopekeeper-ledger'
  ) {
    return {
      ok: false,
      error: 'This is not a Scopekeeper ledger export (its "format" is not "scopekeeper-ledger").',
    };
  }
  if ((raw as { version?: unknown }).version !== 1) {
    return {
      ok: false,
      error: `This export has version ${String((raw as { version?: unknown }).version)}; this Scopekeeper reads version 1.`,
    };
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error, raw) };
  const file = parsed.data;

  for (const [list, name] of [
    [file.grants, 'Grant'],
    [file.decisions, 'Decision'],
    [file.checklistRuns, 'Checklist run'],
  ] as const) {
    const twice = firstRepeatedId(list);
    if (twice !== undefined) return { ok: false, error: `${name} ${twice} appears twice in the file.` };
  }

  const chains = chainsByLedger(file.decisions);
  // A file lists each ledger's chain as one run: interleaved chains are not in the documented shape.
  let runs = 0;
  for (let i = 0; i < file.decisions.length; i++)
    if (i === 0 || file.decisions[i]!.ledgerId !== file.decisions[i - 1]!.ledgerId) runs++;
  if (runs !== chains.size)
    return { ok: false, error: 'The decisions of one ledger are not listed together, in order.' };

  const heldIds = new Set<string>();
  for (const chain of current.chains.values()) for (const d of chain) heldIds.add(d.id);
  const addDecisions: Decision[] = [];
  const ledgers: ImportPlan['ledgers'] = [];
  let knownDecisions = 0;
  for (const [ledgerId, chain] of chains) {
    const check = await verifyChain(chain);
    if (!check.ok) {
      return {
        ok: false,
        error: `The chain of ledger ${ledgerId} breaks at decision ${check.decisionId} (#${check.index + 1} of that ledger): ${check.reason}. Nothing was imported.`,
      };
    }
    if (ledgerId === file.ledgerId && (check.head ?? null) !== file.chainHead) {
      return { ok: false, error: 'The file’s chainHead is not the hash of its own ledger’s last decision.' };
    }
    const held = current.chains.get(ledgerId) ?? [];
    const shared = Math.min(held.length, chain.length);
    for (let i = 0; i < shared; i++) {
      if (held[i]!.hash !== chain[i]!.hash) {
        return {
          ok: false,
          error: `Conflict: decision #${i + 1} of ledger ${ledgerId} (${chain[i]!.id}) differs from the one already held (${held[i]!.id}). A chain may only be extended, so nothing was imported.`,
        };
      }
    }
    knownDecisions += shared;
    const extra = chain.slice(shared);
    for (const decision of extra) {
      if (heldIds.has(decision.id))
        return { ok: false, error: `Decision ${decision.id} is already held in another chain.` };
    }
    addDecisions.push(...extra);
    ledgers.push({ ledgerId, ours: ledgerId === current.ledgerId, adding: extra.length });
  }
  if (!file.chainHead && chains.has(file.ledgerId))
    return { ok: false, error: 'The file’s chainHead is missing.' };

  const addGrants: GrantRecord[] = [];
  const conflictingGrants: ImportPlan['conflictingGrants'] = [];
  let identicalGrants = 0;
  for (const grant of file.grants) {
    const held = current.grants.get(grant.id);
    if (!held) addGrants.push(grant);
    else if (canonicalJson(held) === canonicalJson(grant)) identicalGrants++;
    else conflictingGrants.push({ id: grant.id, subject: grant.subject });
  }
  const addRuns: ChecklistRun[] = [];
  const conflictingRuns: ImportPlan['conflictingRuns'] = [];
  let identicalRuns = 0;
  const held = current.runs ?? new Map<string, ChecklistRun>();
  const openHere = new Set<string>();
  const openKey = (r: ChecklistRun) => `${r.businessId} ${r.templateId} ${r.subject}`;
  for (const run of held.values()) if (run.status === 'open') openHere.add(openKey(run));
  for (const run of file.checklistRuns) {
    const mine = held.get(run.id);
    if (mine) {
      if (canonicalJson(mine) === canonicalJson(run)) identicalRuns++;
      else conflictingRuns.push({ id: run.id, subject: run.subject, reason: 'differs' });
    } else if (run.status === 'open' && openHere.has(openKey(run))) {
      conflictingRuns.push({ id: run.id, subject: run.subject, reason: 'open-here' });
    } else {
      addRuns.push(run);
      if (run.status === 'open') openHere.add(openKey(run));
    }
  }
  return {
    ok: true,
    plan: {
      file,
      addGrants,
      identicalGrants,
      conflictingGrants,
      addDecisions,
      knownDecisions,
      ledgers,
      addRuns,
      identicalRuns,
      conflictingRuns,
    },
  };
}
