import type { ChecklistRun } from '../checklists/runs';
import { canonicalJson } from './canonical';
import { chainsByLedger, verifyChain } from './chain';
import { exportFileSchema, type Decision, type ExportFile, type GrantRecord } from './records';
import { fail, type Outcome, type Problem } from '../problems';

// 100 MB: a ledger Scopekeeper holds must come back through its own import. 100,000 realistic decisions
// export (compact) to ~62 MB (test/lib/ledger/export-scale.test.ts); this leaves room for ~160,000. Files
// over one message's 64 MiB travel in parts (lib/domain/transfer.ts). The screens' words say 100 MB.
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

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

export type ImportCheck = Outcome<{ plan: ImportPlan }>;

function firstRepeatedId(records: readonly { id: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { id } of records) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

const recordLists = ['grants', 'decisions', 'checklistRuns'] as const;

/** The first thing wrong in a file, as the record (list, number, id) and field it is in. */
function describeIssue(
  error: { issues: readonly { path: PropertyKey[]; code: string }[] },
  file: unknown,
): ImportFailure {
  const issue = error.issues[0]!;
  const [list, index, ...rest] = issue.path;
  const field = rest.map(String).join('.') || '-';
  if (typeof list === 'string' && recordLists.includes(list as never) && typeof index === 'number') {
    const record = (file as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
    return fail('import-invalid-record', {
      list,
      number: index + 1,
      id: typeof record?.id === 'string' ? record.id.slice(0, 60) : '-',
      field,
      issue: issue.code,
    });
  }
  return fail('import-invalid-file', { field: issue.path.map(String).join('.') || '-', issue: issue.code });
}
type ImportFailure = { ok: false; error: Problem };

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
    return fail('import-too-large', {
      megabytes: (byteLength / 1024 / 1024).toFixed(1),
      limit: MAX_IMPORT_BYTES / 1024 / 1024,
    });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('import-not-json');
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== 'scopekeeper-ledger'
  ) {
    return fail('import-not-export');
  }
  if ((raw as { version?: unknown }).version !== 1) {
    return fail('import-version', { version: String((raw as { version?: unknown }).version).slice(0, 40) });
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) return describeIssue(parsed.error, raw);
  const file = parsed.data;

  for (const list of recordLists) {
    const twice = firstRepeatedId(file[list]);
    if (twice !== undefined) return fail('import-repeated-id', { list, id: twice });
  }

  const chains = chainsByLedger(file.decisions);
  // A file lists each ledger's chain as one run: interleaved chains are not in the documented shape.
  let runs = 0;
  for (let i = 0; i < file.decisions.length; i++)
    if (i === 0 || file.decisions[i]!.ledgerId !== file.decisions[i - 1]!.ledgerId) runs++;
  if (runs !== chains.size) return fail('import-chains-interleaved');

  const heldIds = new Set<string>();
  for (const chain of current.chains.values()) for (const d of chain) heldIds.add(d.id);
  const addDecisions: Decision[] = [];
  const ledgers: ImportPlan['ledgers'] = [];
  let knownDecisions = 0;
  for (const [ledgerId, chain] of chains) {
    const check = await verifyChain(chain);
    if (!check.ok) {
      return fail('import-chain-broken', {
        ledgerId,
        id: check.decisionId,
        number: check.index + 1,
        reason: check.reason,
      });
    }
    if (ledgerId === file.ledgerId && (check.head ?? null) !== file.chainHead) {
      return fail('import-chain-head-wrong');
    }
    const held = current.chains.get(ledgerId) ?? [];
    const shared = Math.min(held.length, chain.length);
    for (let i = 0; i < shared; i++) {
      if (held[i]!.hash !== chain[i]!.hash) {
        return fail('import-chain-conflict', {
          number: i + 1,
          ledgerId,
          id: chain[i]!.id,
          held: held[i]!.id,
        });
      }
    }
    knownDecisions += shared;
    const extra = chain.slice(shared);
    for (const decision of extra) {
      if (heldIds.has(decision.id)) return fail('import-decision-elsewhere', { id: decision.id });
    }
    // One by one: spreading 100,000 arguments overflows a service worker's stack.
    for (const decision of extra) addDecisions.push(decision);
    ledgers.push({ ledgerId, ours: ledgerId === current.ledgerId, adding: extra.length });
  }
  if (!file.chainHead && chains.has(file.ledgerId)) return fail('import-chain-head-missing');

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
