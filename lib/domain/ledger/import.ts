import type { Baseline } from '../baseline';
import type { ChecklistRun } from '../checklists/runs';
import { canonicalJson } from './canonical';
import { isPlainValidDecision } from './fast-records';
import { chainsByLedger, verifyChain, type ChainCheck } from './chain';
import { addDays } from './commands';
import { interchangeFileSchema, type InterchangeFile as ExportFile } from './export-file';
import { GENESIS_HASH, type Decision, type GrantRecord, type PublicKey } from './records';
import {
  type Authorship,
  chainSigningText,
  checkRunSignatures,
  importPublicKey,
  keyFingerprint,
  sameKey,
  verifyText,
} from './signing';
import { fail, type Outcome, type Problem } from '../problems';
import {
  checkWatchSize,
  checkWatchTimes,
  mergeBaseline,
  newChangeRows,
  watchAuthor,
  type WatchStatus,
} from './watch-transfer';

// 100 MB: a ledger Scopekeeper holds must come back through its own import. 100,000 realistic decisions
// export (compact) to ~62 MB (test/lib/ledger/export-scale.test.ts); this leaves room for ~160,000. Files
// over one message's 64 MiB travel in parts (lib/domain/transfer.ts). The screens' words say 100 MB.
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * The UTF-8 size of a text, without encoding it: `TextEncoder` made a copy of a 75 MB file for its length
 * alone, and took seconds on a busy machine (issue 12, item 5). Lone surrogates count as U+FFFD (3 bytes),
 * as the encoder writes them.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else {
      // 3 bytes for one unit; a surrogate pair is 4 bytes for its 2 units.
      bytes += 2;
      const next = c >= 0xd800 && c <= 0xdbff ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return bytes;
}

/** What the store holds now, as the import needs to see it. */
export interface LedgerContents {
  ledgerId: string;
  grants: ReadonlyMap<string, GrantRecord>;
  /** Every held chain, in order: or, read only where the file needs them, `held`. */
  chains?: ReadonlyMap<string, readonly Decision[]>;
  held?: HeldChains;
  runs?: ReadonlyMap<string, ChecklistRun>;
  /**
   * Our own signing key, and the head of our chain when the key was made (the unsigned decisions up to it
   * are ours from before signing). Without it nothing may be added to our chain.
   */
  own?: { key: PublicKey; legacyHead: string | null };
  /** Colleagues' keys, as first seen (lib/ledger/store.ts meta `colleagueKey.<ledgerId>`). */
  pinnedKeys?: ReadonlyMap<string, { key: PublicKey; firstSeenAt: string }>;
  /** Ledgers whose acceptances and revocations take effect here (meta `trustedLedger.<ledgerId>`). */
  trusted?: ReadonlySet<string>;
  /** Trusted ledgers whose trust this file lets lapse: it brings their first key (`withoutLapsedTrust`). */
  trustLapsed?: ReadonlySet<string>;
  /**
   * The baselines held, by business, and the change rows held (`changeRowKey`): issue 13. Asked only for
   * a file that carries watch data (reading them costs a parse of every baseline held).
   */
  watch?: () => Promise<HeldWatch>;
}

/**
 * The held chains as the import reads them: a file that continues a chain from a decision we hold needs
 * only that chain's end (the decisions held were verified when they came in), a whole chain needs it all.
 */
export interface HeldChains {
  /** A ledger's held decisions from chain position `from` to its end (none when it holds fewer). */
  from(ledgerId: string, from: number): Promise<readonly Decision[]>;
  /** The chain position of that ledger's held decision with this hash, if it holds one. */
  positionOf(ledgerId: string, hash: string): Promise<number | undefined>;
  /** Every held decision's id, of every ledger. */
  ids(): Promise<ReadonlySet<string>>;
  /** Whether any decision of that ledger is held. */
  holdsAny(ledgerId: string): Promise<boolean>;
}

/** `HeldChains` over chains held in memory (the tests', and any caller that has them all). */
export function heldChainsOf(chains: ReadonlyMap<string, readonly Decision[]>): HeldChains {
  let ids: Set<string> | undefined;
  return {
    from: async (ledgerId, from) => (chains.get(ledgerId) ?? []).slice(from),
    positionOf: async (ledgerId, hash) => {
      const at = (chains.get(ledgerId) ?? []).findIndex((d) => d.hash === hash);
      return at >= 0 ? at : undefined;
    },
    ids: async () => {
      if (!ids) {
        ids = new Set();
        for (const chain of chains.values()) for (const d of chain) ids.add(d.id);
      }
      return ids;
    },
    holdsAny: async (ledgerId) => (chains.get(ledgerId)?.length ?? 0) > 0,
  };
}

export interface HeldWatch {
  baselines: ReadonlyMap<string, Baseline>;
  changeKeys: ReadonlySet<string>;
}

export interface ImportOptions {
  now?: Date;
  /** The maximum grant duration (settings.maxGrantDays). */
  maxGrantDays?: number;
  /** Told how far the checks are (decisions hashed, signatures verified), for the options page's bar. */
  onProgress?: (progress: ImportProgress) => void;
  /** What the file's text alone decides, kept from its preview so the import does not do it again. */
  memo?: ImportMemo;
  /** How long changes are kept (settings.changeRetentionDays): older rows of a file are not added. */
  retentionDays?: number;
  /**
   * The team ledger's rule for a colleague's later edit (issue 16): a grant or a checklist run held here in
   * another form is replaced by the file's when the file's ledger is one the admin trusts and the file's
   * version is the newer (`newerGrant`, `newerRun`). A file the admin picks never replaces anything.
   */
  replaceNewer?: boolean;
  /**
   * The file holds only a part of its own ledger's chain, the head it names (and its key signed) lies
   * further on: the team ledger applies a colleague's long chain in parts (lib/platform/team-sync.ts),
   * each continuing the last. Taken only for a file of that one ledger whose part adds decisions and ends
   * with a decision signed by the file's key: that signature, verified (the last of its run), vouches for
   * the part as the head's does for a whole chain. Never set for a file the admin chose.
   */
  partial?: boolean;
  /**
   * The team ledger (issue 16): the file's own grants and checklist runs are taken only when its ledger is
   * ours or one the admin trusts (or trusts in this import); otherwise they wait (`ImportPlan.waiting`), as
   * its decisions' mutes and its review campaigns do. A file the admin picks shows them in its preview and
   * is taken as agreed there.
   */
  recordsNeedTrust?: boolean;
}

/** Where an import is: the page reads the file, the background checks it, then writes it. */
export const importStages = ['reading', 'checking', 'writing'] as const;
export type ImportStage = (typeof importStages)[number];
export interface ImportProgress {
  stage: ImportStage;
  done: number;
  total: number;
}

/**
 * The parsed file, its chains' hash checks and its signature checks, by the file's text: the first two
 * depend on nothing else, and a signature check is kept under the key it was checked with and where the
 * chain's new part starts, so the import that follows a preview takes them as they are (everything else
 * that depends on the store, the clock, the settings or the keys is checked again). One file at a time,
 * forgotten after fifteen minutes (as long as the background keeps a previewed file).
 */
export class ImportMemo {
  private entry: MemoEntry | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  get(text: string): Omit<MemoEntry, 'text'> | undefined {
    return this.entry && this.entry.text === text ? this.entry : undefined;
  }

  set(
    text: string,
    file: ExportFile,
    chains: Map<string, ChainCheck>,
    signatures: Map<string, SignatureCheck> = new Map(),
    byLedger?: Map<string, Decision[]>,
  ): void {
    this.entry = { text, file, chains, signatures, ...(byLedger ? { byLedger } : {}) };
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), 15 * 60_000);
  }

  clear(): void {
    this.entry = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

interface MemoEntry {
  text: string;
  file: ExportFile;
  chains: Map<string, ChainCheck>;
  /** Signature checks that passed, by `signatureMemoKey`. */
  signatures: Map<string, SignatureCheck>;
  /**
   * The file's decisions by ledger (`chainsByLedger`), kept once the file passed the checks its text alone
   * decides (no id twice in a list, no business twice among the baselines, chains not interleaved): its
   * import takes them as they are (a second pass over 100,000 ids took over a second on a busy machine).
   */
  byLedger?: Map<string, Decision[]>;
}
/** A ledger's new decisions' signatures, checked and found good (or, without a key, counted). */
type SignatureCheck = Pick<Authorship, 'signed' | 'unsigned'>;

/** What a signature check depends on besides the file: the ledger, where its new part starts, the key. */
function signatureMemoKey(ledgerId: string, shared: number, key: PublicKey | undefined, extra = ''): string {
  return `${ledgerId} ${shared} ${key ? `${key.x} ${key.y}` : '-'} ${extra}`;
}

/** How far ahead of our clock a recorded time may be (clocks differ a little). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** How far ahead a recorded date may be at all. */
export const MAX_YEARS_AHEAD = 10;

/** Whose key a ledger in the file is signed with, compared with what we hold. */
export type KeyStatus = 'ours' | 'new' | 'known' | 'changed' | 'none';

/** One record of the file that would change what the admin sees: in the preview, in plain words. */
export type ImportChange =
  | {
      kind: 'accept';
      ledgerId: string;
      businessId: string;
      subject: string;
      ruleId: string;
      assetName?: string;
      until: string;
      by: string;
    }
  | {
      kind: 'revoke';
      ledgerId: string;
      businessId: string;
      subject: string;
      on: string;
      by: string;
      grants: number;
    }
  | { kind: 'extend'; ledgerId: string; businessId: string; subject: string; endsAt: string; by: string }
  | {
      kind: 'add-grant';
      businessId: string;
      subject: string;
      assets: string[];
      endsAt?: string;
      /** The end date in the file, when it ran longer than the maximum and was capped. */
      cappedFrom?: string;
      /** The findings the grant stops for its subject (lib/domain/rules: a grant documents the access; an end date is one). */
      silences: string[];
    }
  | {
      /**
       * The file's baseline of a business would be merged into ours (issue 13): what it holds counts as
       * known at the next read, so a principal in it is never reported as new.
       */
      kind: 'baseline';
      /** The ledger whose key vouches for the file's watch data (the file's own). */
      ledgerId: string;
      businessId: string;
      /** Whether a baseline is held here for the business (merged), or not (the file's is taken). */
      replaces: boolean;
      /** Principals whose facts would come from the file, and of those, how many are not known here. */
      taken: number;
      added: number;
    };

export interface PlannedLedger {
  ledgerId: string;
  ours: boolean;
  adding: number;
  /** Our own ledger, or a colleague the admin trusts: their acceptances and revocations take effect. */
  trusted: boolean;
  /** Trusted while no key was known for it; the file brings its first key, so it is trusted again or not. */
  trustLapsed?: true;
  key: KeyStatus;
  fingerprint?: string;
  /** The key first seen for this ledger, when the file's is another. */
  pinnedFingerprint?: string;
  signed: number;
  unsigned: number;
  /** Decisions that mute a finding or end a grant: they wait for the admin to trust the ledger. */
  silencing: number;
  /** Set when applied: the key changed and the admin did not accept it, so nothing of it was added. */
  heldBack?: boolean;
}

export interface ImportPlan {
  file: ExportFile;
  addGrants: GrantRecord[];
  identicalGrants: number;
  /** Grants with an id we already hold and other content: reported, never overwritten. */
  conflictingGrants: { id: string; subject: string }[];
  /** With `replaceNewer`: a trusted colleague's later versions of grants and runs held here, to replace ours. */
  replaceGrants?: GrantRecord[];
  replaceRuns?: ChecklistRun[];
  /** New decisions per ledger, each the continuation of what we hold of that chain. */
  addDecisions: Decision[];
  knownDecisions: number;
  ledgers: PlannedLedger[];
  /**
   * Every added record that would change a finding, a reminder or a grant's end: mutes and revocations
   * first (per ledger, in chain order), then new grants, then extensions.
   */
  changes: ImportChange[];
  /** Grants whose end ran past the maximum duration: added with their end capped (also in changes). */
  cappedGrants: number;
  addRuns: ChecklistRun[];
  identicalRuns: number;
  /**
   * Runs with an id we already hold and other content, or open for a subject that already has an open
   * run of the same checklist here: reported, never overwritten (ours is the one being worked on).
   */
  conflictingRuns: { id: string; subject: string; reason: 'differs' | 'open-here' }[];
  /** The file's baselines and change log (issue 13); absent for a file without them. */
  watch?: WatchPlan;
  /** Set when applied with `recordsNeedTrust`: the grants and runs left out until the admin trusts the file's ledger. */
  waiting?: { grants: number; runs: number };
}

/** What an import would do with a file's baselines and change log (issue 13). */
export interface WatchPlan {
  /** The file's ledger: its key signed the watch data. */
  ledgerId: string;
  status: WatchStatus;
  /** Baselines (businesses) and change rows in the file. */
  businesses: number;
  changes: number;
  /** Change rows not held here (identical rows are one), within the retention. */
  newChanges: number;
  /** Set when applied: whether the baselines and changes were merged. */
  applied?: boolean;
  /** The file's access review campaigns (issue 14): taken with the baselines, when held at an older revision or not at all. */
  campaigns?: ImportedCampaign[];
}

/** An access review campaign of a file, as its import preview lists it. */
export interface ImportedCampaign {
  id: string;
  businessId: string;
  status: 'open' | 'finished';
  startedAt: string;
  items: number;
  decided: number;
  reviewer?: string;
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
const watchLists = ['baselines', 'changes'] as const;

/** The first thing wrong in a file, as the record (list, number, id) and field it is in. */
function describeIssue(
  error: { issues: readonly { path: PropertyKey[]; code: string }[] },
  file: unknown,
): ImportFailure {
  const issue = error.issues[0]!;
  const [list, index, ...rest] = issue.path;
  const field = rest.map(String).join('.') || '-';
  if (typeof list === 'string' && watchLists.includes(list as never) && typeof index === 'number') {
    const record = (file as Record<string, unknown[]>)[list]?.[index] as { businessId?: unknown } | undefined;
    return fail('import-invalid-watch', {
      list,
      number: index + 1,
      business: typeof record?.businessId === 'string' ? record.businessId.slice(0, 20) : '-',
      field: field.slice(0, 200),
      issue: issue.code,
    });
  }
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
 * `interchangeFileSchema.safeParse`, with the decisions checked by the fast path (fast-records.ts) when every
 * one of them passes it: the rest of the file still goes through the schema. Anything the fast path does
 * not vouch for is parsed by the schema whole, as before (so the verdict and the first issue are its own).
 */
export function parseExportFile(raw: unknown): ReturnType<typeof interchangeFileSchema.safeParse> {
  const decisions = (raw as { decisions?: unknown }).decisions;
  if (Array.isArray(decisions) && Object.getPrototypeOf(decisions) === Array.prototype) {
    let plain = true;
    for (let i = 0; i < decisions.length && plain; i++) plain = isPlainValidDecision(decisions[i]);
    if (plain) {
      const rest = interchangeFileSchema.safeParse({ ...(raw as object), decisions: [] });
      if (rest.success)
        return { success: true, data: { ...rest.data, decisions: decisions.slice() as Decision[] } };
    }
  }
  return interchangeFileSchema.safeParse(raw);
}

/** A performance mark where the import's time goes (read by `npm run bench -- --only import` with BENCH_DEBUG). */
const mark = (name: string) => globalThis.performance?.mark?.(name);

/** JSON, the format and version, and every record in its shape (before anything about the store). */
function readFile(text: string): { ok: true; file: ExportFile } | ImportFailure {
  let raw: unknown;
  mark('import:parse');
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('import-not-json');
  }
  mark('import:validate');
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
  const tooLarge = checkWatchSize(raw);
  if (tooLarge) return tooLarge;
  const parsed = parseExportFile(raw);
  mark('import:validated');
  if (!parsed.success) return describeIssue(parsed.error, raw);
  return { ok: true, file: parsed.data };
}

/**
 * What the store holds, with the trust of every ledger that the file brings a first key for taken out. A
 * colleague trusted while we held their decisions and no key for them (a file written before signatures)
 * was trusted for what that file showed, not for whichever key signs their ledger first: anyone can make
 * a key. Such a ledger counts as untrusted in this plan (its records wait, its acceptances and
 * revocations do not count, its watch data is not taken), and the import that pins the key lets the trust
 * lapse (lib/ledger/store.ts), unless the admin trusts it again in this preview, where the new key's
 * fingerprint is shown (`trustLapsed`).
 */
export async function withoutLapsedTrust(file: ExportFile, current: LedgerContents): Promise<LedgerContents> {
  // A file brings a key for its own ledger only (`fileKeyFor`): that ledger is the one whose trust can lapse.
  const id = file.ledgerId;
  const trusted = current.trusted;
  if (!trusted?.has(id) || id === current.ledgerId || current.pinnedKeys?.has(id)) return current;
  if (fileKeyFor(file, id) === undefined) return current;
  // Rare (a trusted ledger without a key): whether we hold any of its chain.
  const held = current.held ?? heldChainsOf(current.chains ?? new Map());
  if (!(await held.holdsAny(id))) return current;
  return {
    ...current,
    trusted: new Set([...trusted].filter((other) => other !== id)),
    trustLapsed: new Set([id]),
  };
}

/** A planned ledger's trust: ours, or trusted here (and not lapsing with this file's key). */
function trustOf(
  current: LedgerContents,
  ledgerId: string,
  ours: boolean,
): { trusted: boolean; trustLapsed?: true } {
  return {
    trusted: ours || (current.trusted?.has(ledgerId) ?? false),
    ...(current.trustLapsed?.has(ledgerId) ? { trustLapsed: true as const } : {}),
  };
}

/**
 * Checks a whole import file against what the store holds, before anything is written: size, JSON,
 * format, every record, unique ids, every chain, and how each chain continues ours. Returns the plan of
 * what would be added (the preview), or a plain-words error naming the record that is wrong.
 */
export async function planImport(
  text: string,
  byteLength: number,
  stored: LedgerContents,
  options: ImportOptions = {},
): Promise<ImportCheck> {
  const now = options.now ?? new Date();
  const maxGrantDays = options.maxGrantDays ?? 90;
  if (byteLength > MAX_IMPORT_BYTES)
    return fail('import-too-large', {
      megabytes: (byteLength / 1024 / 1024).toFixed(1),
      limit: MAX_IMPORT_BYTES / 1024 / 1024,
    });
  const memoed = options.memo?.get(text);
  let file: ExportFile;
  if (memoed) file = memoed.file;
  else {
    const read = readFile(text);
    if (!read.ok) return read;
    file = read.file;
  }
  const current = await withoutLapsedTrust(file, stored);

  // What the file's text alone decides was checked by its preview when the memo kept its chains.
  const shaped = memoed?.byLedger;
  if (!shaped) {
    for (const list of recordLists) {
      const twice = firstRepeatedId(file[list]);
      if (twice !== undefined) return fail('import-repeated-id', { list, id: twice });
    }
    const repeatedBusiness = firstRepeatedId((file.baselines ?? []).map((b) => ({ id: b.businessId })));
    if (repeatedBusiness !== undefined)
      return fail('import-repeated-id', { list: 'baselines', id: repeatedBusiness });
  }
  const outOfRange = checkTimes(file, now);
  if (outOfRange) return outOfRange;
  // The rules treat a grant as running from today whatever its start, and its end is capped from its
  // start: a grant starting years ahead would silence its findings all that time. One may start at most
  // the maximum duration from today.
  const latestStart = addDays(now.toISOString().slice(0, 10), maxGrantDays);
  const lateStart = file.grants.find((g) => g.startsAt > latestStart);
  if (lateStart)
    return fail('import-date-far', {
      list: 'grants',
      id: lateStart.id.slice(0, 60),
      field: 'startsAt',
      value: lateStart.startsAt,
      limit: latestStart,
    });

  const chains = shaped ?? chainsByLedger(file.decisions);
  if (!shaped) {
    // A file lists each ledger's chain as one run: interleaved chains are not in the documented shape.
    let runs = 0;
    for (let i = 0; i < file.decisions.length; i++)
      if (i === 0 || file.decisions[i]!.ledgerId !== file.decisions[i - 1]!.ledgerId) runs++;
    if (runs !== chains.size) return fail('import-chains-interleaved');
  }
  if (options.partial && (chains.size !== 1 || !chains.has(file.ledgerId) || !file.publicKey))
    return fail('import-chain-head-wrong');

  const heldChains = current.held ?? heldChainsOf(current.chains ?? new Map());
  let heldIds: ReadonlySet<string> | undefined;
  const addDecisions: Decision[] = [];
  const ledgers: ImportPlan['ledgers'] = [];
  let knownDecisions = 0;
  // Progress: every decision is hashed, and every signature that counts is verified.
  const total = file.decisions.length + file.decisions.filter((d) => d.sig !== undefined).length;
  let done = 0;
  const tell = (more: number) => {
    done += more;
    options.onProgress?.({ stage: 'checking', done: Math.min(done, total), total });
  };
  tell(0);
  const checks = memoed?.chains ?? new Map<string, ChainCheck>();
  const signatures = memoed?.signatures ?? new Map<string, SignatureCheck>();
  for (const [ledgerId, fileChain] of chains) {
    // Where the file's part of the chain starts: at the chain's start, or right after a decision of that
    // ledger we hold (a continuation; what we hold was verified when it came in). Anything else is a gap.
    const startHash = fileChain[0]!.prevHash;
    let offset = 0;
    if (startHash !== GENESIS_HASH) {
      const before = await heldChains.positionOf(ledgerId, startHash);
      if (before === undefined) return fail('import-chain-gap', { ledgerId, id: fileChain[0]!.id });
      offset = before + 1;
    }
    // What we hold from the decision before the file's part (the rules below look at it) to our end.
    const base = Math.max(0, offset - 1);
    const heldPart = await heldChains.from(ledgerId, base);
    const shared = Math.max(0, Math.min(base + heldPart.length - offset, fileChain.length));
    // The hashes and the signatures are checked side by side (Web Crypto works on a thread of its own
    // while this one writes the next batch's canonical JSON); what is wrong is said in the same order.
    // Every decision of the file is hashed and linked, from the hash it starts on; the chain as the
    // authorship checks see it runs from position `base`: what we hold up to the file's new part, then that.
    const kept = offset - base + shared;
    const chain = heldPart.slice(0, kept);
    const extra = fileChain.slice(shared);
    for (const decision of extra) chain.push(decision);
    const checkKey = `${ledgerId} ${offset}`;
    const cached = checks.get(checkKey);
    if (cached) tell(fileChain.length);
    const [check, authorship] = await Promise.all([
      cached ?? verifyChain(fileChain, tell, { prevHash: startHash, index: offset }),
      checkAuthorship(file, ledgerId, chain, kept, current, tell, signatures, base),
    ]);
    checks.set(checkKey, check);
    if (!check.ok) {
      return fail('import-chain-broken', {
        ledgerId,
        id: check.decisionId,
        number: check.index + 1,
        reason: check.reason,
      });
    }
    const partEnd = options.partial && extra.length > 0 && extra.at(-1)!.sig !== undefined;
    if (ledgerId === file.ledgerId && (check.head ?? null) !== file.chainHead && !partEnd) {
      return fail('import-chain-head-wrong');
    }
    // A decision we hold comes back the same or the file is refused (a chain may only be extended).
    for (let i = 0; i < shared; i++) {
      const mine = heldPart[offset - base + i]!;
      if (mine.hash !== fileChain[i]!.hash) {
        return fail('import-chain-conflict', {
          number: offset + i + 1,
          ledgerId,
          id: fileChain[i]!.id,
          held: mine.id,
        });
      }
    }
    knownDecisions += shared;
    if (extra.length > 0) heldIds ??= await heldChains.ids();
    for (const decision of extra) {
      if (heldIds!.has(decision.id)) return fail('import-decision-elsewhere', { id: decision.id });
      if (decision.action === 'accept-finding') {
        const reviewAt = (decision.after as { reviewAt?: string } | undefined)?.reviewAt;
        const cap = addDays(decision.at.slice(0, 10), maxGrantDays);
        if (reviewAt && reviewAt > cap)
          return fail('import-review-beyond-max', {
            id: decision.id,
            date: reviewAt,
            days: maxGrantDays,
            cap,
          });
      }
    }
    const ours = ledgerId === current.ledgerId;
    if (!authorship.ok) return authorship;
    // One by one: spreading 100,000 arguments overflows a service worker's stack.
    for (const decision of extra) addDecisions.push(decision);
    ledgers.push({
      ledgerId,
      ours,
      adding: extra.length,
      ...trustOf(current, ledgerId, ours),
      ...authorship.ledger,
      silencing: extra.filter(isSilencing).length,
    });
  }
  mark('import:checked');
  if (!memoed) options.memo?.set(text, file, checks, signatures, chains);
  tell(total - done);
  if (!file.chainHead && chains.has(file.ledgerId)) return fail('import-chain-head-missing');
  const headCheck = await checkChainHeadSignature(file);
  if (headCheck) return headCheck;
  const watched = await planWatch(file, current, ledgers, options);
  if (!watched.ok) return watched;
  // The team ledger's colleague whose grants and runs wait for the admin's trust: listed (and so pinned),
  // so that the admin finds them among the colleagues to trust, decisions or none.
  if (options.recordsNeedTrust && (file.grants.length > 0 || file.checklistRuns.length > 0))
    await listFileLedger(file, current, ledgers);

  const addGrants: GrantRecord[] = [];
  const conflictingGrants: ImportPlan['conflictingGrants'] = [];
  const replaceGrants: GrantRecord[] = [];
  const replaceRuns: ChecklistRun[] = [];
  const replacing = !!options.replaceNewer && !!current.trusted?.has(file.ledgerId);
  let identicalGrants = 0;
  const changes: ImportChange[] = [];
  let cappedGrants = 0;
  for (const original of file.grants) {
    // A grant may run at most the maximum duration: a longer one comes in with its end capped (the
    // preview says so), so its reminders fall due when this installation's own policy says they do.
    const cap = addDays(original.startsAt, maxGrantDays);
    const grant = original.endsAt && original.endsAt > cap ? { ...original, endsAt: cap } : original;
    const held = current.grants.get(grant.id);
    if (!held) {
      addGrants.push(grant);
      if (grant !== original) cappedGrants++;
      changes.push({
        kind: 'add-grant',
        businessId: grant.businessId,
        subject: grant.subject,
        assets: grant.assets.map((a) => a.name).slice(0, 20),
        ...(grant.endsAt ? { endsAt: grant.endsAt } : {}),
        ...(grant !== original && original.endsAt ? { cappedFrom: original.endsAt } : {}),
        silences: grantSilences(grant),
      });
    } else if (
      canonicalJson(held) === canonicalJson(grant) ||
      canonicalJson(held) === canonicalJson(original)
    )
      identicalGrants++;
    else if (replacing && newerGrant(grant, held)) replaceGrants.push(grant);
    else conflictingGrants.push({ id: grant.id, subject: grant.subject });
  }
  const allGrants = [...current.grants.values(), ...addGrants];
  for (const decision of addDecisions) {
    const change = describeDecision(decision, allGrants);
    if (change) changes.push(change);
  }
  // Mutes and revocations first (per ledger, in chain order), then new grants, then the rest: what
  // silences a finding or a reminder leads the preview, whatever the file's order.
  for (const change of watched.changes) changes.push(change);
  const rank = (c: ImportChange) =>
    c.kind === 'accept' || c.kind === 'revoke' || c.kind === 'baseline' ? 0 : c.kind === 'add-grant' ? 1 : 2;
  changes.sort((a, b) => rank(a) - rank(b));
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
      else if (replacing && newerRun(run, mine)) replaceRuns.push(run);
      else conflictingRuns.push({ id: run.id, subject: run.subject, reason: 'differs' });
    } else if (run.status === 'open' && openHere.has(openKey(run))) {
      conflictingRuns.push({ id: run.id, subject: run.subject, reason: 'open-here' });
    } else {
      addRuns.push(run);
      if (run.status === 'open') openHere.add(openKey(run));
    }
  }
  mark('import:planned');
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
      changes,
      cappedGrants,
      addRuns,
      identicalRuns,
      conflictingRuns,
      ...(replaceGrants.length > 0 ? { replaceGrants } : {}),
      ...(replaceRuns.length > 0 ? { replaceRuns } : {}),
      ...(watched.watch ? { watch: watched.watch } : {}),
    },
  };
}

/**
 * The file's own ledger among the ledgers, adding no decision, when it is not there already: so that the
 * preview can say whose data the file's other records are and offer to trust it, and the import pins the
 * key that signed the file's chain head (a colleague whose chain is empty has records all the same).
 */
async function listFileLedger(
  file: ExportFile,
  current: LedgerContents,
  ledgers: PlannedLedger[],
): Promise<void> {
  const ledgerId = file.ledgerId;
  const ours = ledgerId === current.ledgerId;
  if (!ledgers.some((l) => l.ledgerId === ledgerId)) {
    const inFile = file.publicKey;
    const pinned = ours ? current.own?.key : current.pinnedKeys?.get(ledgerId)?.key;
    // Our ledger id under another key than ours is not ours to show as such: its data cannot be attributed.
    const key: KeyStatus = ours
      ? inFile && !sameKey(inFile, pinned)
        ? 'none'
        : 'ours'
      : !inFile
        ? pinned
          ? 'known'
          : 'none'
        : !pinned
          ? 'new'
          : sameKey(inFile, pinned)
            ? 'known'
            : 'changed';
    const shown = key === 'none' ? undefined : ours ? pinned : (inFile ?? pinned);
    ledgers.push({
      ledgerId,
      ours,
      adding: 0,
      ...trustOf(current, ledgerId, ours),
      key,
      ...(shown ? { fingerprint: await keyFingerprint(shown) } : {}),
      ...(key === 'changed' && pinned ? { pinnedFingerprint: await keyFingerprint(pinned) } : {}),
      signed: 0,
      unsigned: 0,
      silencing: 0,
    });
  }
}

/**
 * The file's baselines and change log, against what is held: who vouches for them (watch-transfer.ts
 * `watchAuthor`), what each business's merge would take from the file (one `baseline` change each, listed
 * in the preview like every record that can silence something), and how many change rows are new. When
 * the file's own ledger adds no decision, it is listed among the ledgers all the same, so the preview can
 * say whose data it is and offer to trust it.
 */
async function planWatch(
  file: ExportFile,
  current: LedgerContents,
  ledgers: PlannedLedger[],
  options: ImportOptions,
): Promise<{ ok: true; watch?: WatchPlan; changes: ImportChange[] } | ImportFailure> {
  const baselines = file.baselines ?? [];
  const rows = file.changes ?? [];
  if (baselines.length === 0 && rows.length === 0 && !file.reviewCampaigns?.length)
    return { ok: true, changes: [] };
  const author = await watchAuthor(file, current);
  if (!author.ok) return author;
  const ledgerId = file.ledgerId;
  await listFileLedger(file, current, ledgers);
  const held = (await current.watch?.()) ?? { baselines: new Map(), changeKeys: new Set<string>() };
  const changes: ImportChange[] = [];
  for (const theirs of baselines) {
    const ours = held.baselines.get(theirs.businessId);
    const { taken, added } = mergeBaseline(ours, theirs);
    if (ours && taken === 0) continue;
    changes.push({
      kind: 'baseline',
      ledgerId,
      businessId: theirs.businessId,
      replaces: ours !== undefined,
      taken,
      added,
    });
  }
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.retentionDays ?? 400) * 86_400_000).toISOString();
  const fresh = newChangeRows(rows, held.changeKeys, cutoff);
  return {
    ok: true,
    watch: {
      ledgerId,
      status: author.status,
      businesses: baselines.length,
      changes: rows.length,
      newChanges: fresh.length,
      ...(file.reviewCampaigns?.length
        ? {
            campaigns: file.reviewCampaigns.map((c) => ({
              id: c.id,
              businessId: c.businessId,
              status: c.status,
              startedAt: c.startedAt,
              items: c.items.length,
              decided: c.items.filter((i) => i.decision).length,
              ...(c.signOff ? { reviewer: c.signOff.reviewer } : {}),
            })),
          }
        : {}),
    },
    changes,
  };
}

/** Whether a version of a grant is later than another: written later (`updatedAt`). */
export function newerGrant(theirs: GrantRecord, ours: GrantRecord): boolean {
  return Date.parse(theirs.updatedAt) > Date.parse(ours.updatedAt);
}

/** When a run last changed (ms): its start, its finish, or its latest tick or untick. */
export function runChangedAt(run: ChecklistRun): number {
  let last = Date.parse(run.createdAt);
  for (const at of [run.finishedAt, ...run.steps.map((s) => s.at)])
    if (at !== undefined && Date.parse(at) > last) last = Date.parse(at);
  return last;
}

/** Whether a version of a run is later than another (`runChangedAt`). */
export function newerRun(theirs: ChecklistRun, ours: ChecklistRun): boolean {
  return runChangedAt(theirs) > runChangedAt(ours);
}

/**
 * The findings a grant stops for its subject, whatever its start: undocumented-third-party, or
 * undocumented-system-user for a system user (any grant), and no-expiry (one with an end date).
 */
export function grantSilences(grant: GrantRecord): string[] {
  const always = grant.subject.startsWith('system-user:')
    ? 'undocumented-system-user'
    : 'undocumented-third-party';
  return grant.endsAt ? [always, 'no-expiry'] : [always];
}

/** Whether a decision mutes a finding or ends a grant (stops its reminders). */
export function isSilencing(decision: Decision): boolean {
  return decision.action === 'accept-finding' || decision.action === 'revoke';
}

function describeDecision(decision: Decision, grants: readonly GrantRecord[]): ImportChange | undefined {
  const { ledgerId, businessId, subject, decidedBy: by } = decision;
  switch (decision.action) {
    case 'accept-finding': {
      const after = decision.after as { ruleId: string; reviewAt: string; assetName?: string } | undefined;
      if (!after) return undefined;
      return {
        kind: 'accept',
        ledgerId,
        businessId,
        subject,
        ruleId: after.ruleId,
        ...(after.assetName ? { assetName: after.assetName } : {}),
        until: after.reviewAt,
        by,
      };
    }
    case 'revoke': {
      // The reminders of the subject's grants last changed at or before the revocation stop (reminders.ts).
      const ended = grants.filter(
        (g) => g.businessId === businessId && g.subject === subject && g.updatedAt <= decision.at,
      );
      return {
        kind: 'revoke',
        ledgerId,
        businessId,
        subject,
        on: decision.at.slice(0, 10),
        by,
        grants: ended.length,
      };
    }
    case 'extend': {
      const endsAt = (decision.after as { endsAt?: string } | undefined)?.endsAt;
      return endsAt ? { kind: 'extend', ledgerId, businessId, subject, endsAt, by } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Times no later than our clock (plus a little skew) and dates no more than ten years ahead, in every
 * record of the file: a file cannot hold a decision made tomorrow or a grant that runs until 2150.
 */
function checkTimes(file: ExportFile, now: Date): ImportFailure | undefined {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const farthest = new Date(now.getTime());
  farthest.setUTCFullYear(farthest.getUTCFullYear() + MAX_YEARS_AHEAD);
  const lastDate = farthest.toISOString().slice(0, 10);
  const future = (list: string, id: string, field: string, value: string) =>
    fail('import-time-future', { list, id: id.slice(0, 60), field, value });
  const far = (list: string, id: string, field: string, value: string) =>
    fail('import-date-far', { list, id: id.slice(0, 60), field, value, limit: lastDate });
  if (Date.parse(file.exportedAt) > latest) return future('file', '-', 'exportedAt', file.exportedAt);
  const watchTime = checkWatchTimes(file.baselines ?? [], file.changes ?? [], latest);
  if (watchTime) return future(watchTime.list, watchTime.id, watchTime.field, watchTime.value);
  for (const d of file.decisions) {
    if (Date.parse(d.at) > latest) return future('decisions', d.id, 'at', d.at);
    const after = d.after as { reviewAt?: unknown; endsAt?: unknown; startsAt?: unknown } | undefined;
    for (const field of ['reviewAt', 'endsAt', 'startsAt'] as const) {
      const value = after?.[field];
      if (typeof value === 'string' && value > lastDate)
        return far('decisions', d.id, `after.${field}`, value);
    }
  }
  for (const g of file.grants) {
    for (const field of ['createdAt', 'updatedAt'] as const)
      if (Date.parse(g[field]) > latest) return future('grants', g.id, field, g[field]);
    for (const field of ['startsAt', 'endsAt'] as const) {
      const value = g[field];
      if (value && value > lastDate) return far('grants', g.id, field, value);
    }
  }
  return undefined;
}

/**
 * The key a file vouches for: only its own ledger's, the one that signed its chain head. The keys it lists
 * for other ledgers (`ledgerKeys`) are what its author pinned, information only: anyone can write them,
 * so they are never pinned here and never make another ledger's decisions count as signed by a known key.
 */
export function fileKeyFor(file: ExportFile, ledgerId: string): PublicKey | undefined {
  return ledgerId === file.ledgerId ? file.publicKey : undefined;
}

/**
 * Who wrote a ledger's new decisions. Our own chain grows only from decisions our key signed (or the
 * unsigned ones it held before the key was made, up to the head recorded then); a colleague's is checked
 * against the key first seen for it (a changed key is reported; the store holds that ledger back unless
 * the admin accepts the new key). In every chain, once a decision is signed, every later one must be.
 */
async function checkAuthorship(
  file: ExportFile,
  ledgerId: string,
  chain: readonly Decision[],
  shared: number,
  current: LedgerContents,
  tell: (verified: number) => void = () => undefined,
  /** Checks already passed for this file (its preview's), by `signatureMemoKey`; passed ones are added. */
  memo: Map<string, SignatureCheck> = new Map(),
  /**
   * The chain position of `chain`'s first decision: a continuation's checks see the chain from the last
   * decision held before its new part (every held chain keeps "once signed, always signed", so that one
   * says whether the new part must be signed).
   */
  base = 0,
): Promise<
  | {
      ok: true;
      ledger: Pick<PlannedLedger, 'key' | 'fingerprint' | 'pinnedFingerprint' | 'signed' | 'unsigned'>;
    }
  | ImportFailure
> {
  const extra = chain.slice(shared);
  if (ledgerId === current.ledgerId) {
    const own = current.own;
    const legacyEnd = own?.legacyHead ? chain.findIndex((d) => d.hash === own.legacyHead) : -1;
    const memoKey = signatureMemoKey(
      ledgerId,
      base + shared,
      own?.key,
      String(legacyEnd < 0 ? -1 : base + legacyEnd),
    );
    const key = own ? await importPublicKey(own.key) : undefined;
    const known = memo.get(memoKey);
    if (known) tell(known.signed);
    else {
      // An unsigned decision is ours only up to the head recorded when our key was made.
      const forged = extra.findIndex((d, i) => d.sig === undefined && shared + i > legacyEnd);
      // Signed ones by our key: the last of each run verified, the rest attested by it (checkRunSignatures).
      const runs = await checkRunSignatures(forged >= 0 ? extra.slice(0, forged) : extra, key, tell);
      if (runs.badAt !== undefined || (runs.signed > 0 && !key)) {
        const at =
          runs.badAt !== undefined
            ? extra.findIndex((d) => d.id === runs.badAt)
            : extra.findIndex((d) => d.sig !== undefined);
        return fail('import-own-chain-forged', { id: extra[at]!.id, number: base + shared + at + 1 });
      }
      if (forged >= 0)
        return fail('import-own-chain-forged', {
          id: extra[forged]!.id,
          number: base + shared + forged + 1,
        });
    }
    if (file.ledgerId === ledgerId && file.publicKey && own && !sameKey(file.publicKey, own.key))
      return fail('import-own-chain-forged', { id: '-', number: 0 });
    const signed = extra.filter((d) => d.sig !== undefined).length;
    memo.set(memoKey, { signed, unsigned: extra.length - signed });
    return {
      ok: true,
      ledger: {
        key: 'ours',
        ...(own ? { fingerprint: await keyFingerprint(own.key) } : {}),
        signed,
        unsigned: extra.length - signed,
      },
    };
  }
  const firstSigned = chain.findIndex((d) => d.sig !== undefined);
  if (firstSigned >= 0) {
    const gap = chain.findIndex((d, i) => i > firstSigned && d.sig === undefined);
    if (gap >= shared) return fail('import-signature-missing', { ledgerId, id: chain[gap]!.id });
  }
  const inFile = fileKeyFor(file, ledgerId);
  const pinned = current.pinnedKeys?.get(ledgerId)?.key;
  // Once a colleague's key is pinned here (from a file of their own), nothing unsigned is added to their
  // chain and every new decision must verify against that key (or the file's own key, which the admin
  // must then accept as changed). Without a pinned key nothing can be attributed: a file may carry
  // anything for that ledger, its decisions count as key 'none' and mute nothing unless the admin trusts
  // that ledger. A key another file lists for it (`ledgerKeys`) changes none of this (fileKeyFor).
  const unsigned = pinned ? extra.find((d) => d.sig === undefined) : undefined;
  if (unsigned) return fail('import-signature-missing', { ledgerId, id: unsigned.id });
  const status: KeyStatus = !inFile
    ? pinned
      ? 'known'
      : 'none'
    : !pinned
      ? 'new'
      : sameKey(inFile, pinned)
        ? 'known'
        : 'changed';
  const key = inFile ?? pinned;
  const memoKey = signatureMemoKey(ledgerId, base + shared, key);
  let check: (SignatureCheck & { badAt?: string }) | undefined = memo.get(memoKey);
  if (check) tell(check.signed);
  else check = await checkRunSignatures(extra, key ? await importPublicKey(key) : undefined, tell);
  // Without any key for the ledger its signatures cannot be checked: counted, not refused.
  if (key && check.badAt) return fail('import-signature-bad', { ledgerId, id: check.badAt });
  if (key || check.signed === 0) memo.set(memoKey, { signed: check.signed, unsigned: check.unsigned });
  return {
    ok: true,
    ledger: {
      key: status,
      ...(key ? { fingerprint: await keyFingerprint(key) } : {}),
      ...(status === 'changed' && pinned ? { pinnedFingerprint: await keyFingerprint(pinned) } : {}),
      signed: check.signed,
      unsigned: check.unsigned,
    },
  };
}

/** The file's chain head is signed by the key it carries (both or neither). */
async function checkChainHeadSignature(file: ExportFile): Promise<ImportFailure | undefined> {
  if (!file.publicKey && !file.chainHeadSignature) return undefined;
  const valid =
    !!file.publicKey &&
    !!file.chainHeadSignature &&
    (await verifyText(
      await importPublicKey(file.publicKey),
      file.chainHeadSignature,
      chainSigningText(file.ledgerId, file.chainHead),
    ));
  return valid ? undefined : fail('import-chain-head-signature');
}
