import { z } from 'zod';
import { sameAsset, type Baseline, type ListKind, type PrincipalFacts } from '../baseline';
import { assetKey } from '../principals';
import {
  ASSET_ID_MAX,
  ASSET_NAME_MAX,
  BUSINESS_ID_PATTERN,
  EMAIL_MAX,
  PRINCIPAL_NAME_MAX,
  URL_MAX,
  type AssetAccess,
  type PortfolioAccess,
} from '../snapshot';
import {
  assetAccessSchema,
  assetTypeSchema,
  pageKindSchema,
  portfolioAccessSchema,
  taskKeySchema,
} from '../snapshot-schema';

/**
 * An access review campaign (issue 14): one business, its scope frozen at the start from what Scopekeeper
 * has read (the baseline of issue 13), one item per access with a decision by a named reviewer, removals
 * verified by later reads, and a sign-off. Pure: the store keeps it, the background folds reads into it.
 *
 * Scope. Every principal of the baseline gives one `portfolio` item (its membership of the business, at
 * the portfolio access its list row showed), and every asset it is known to hold one `asset` item.
 * Principals and accesses first seen by a read during the campaign join it (`addedAt`): reading a list in
 * full is what makes the scope complete, so what that read shows cannot be left out.
 *
 * Completeness. People, Partners and System users must each be read in full at or after the start, and
 * each principal whose assets no detail pane had shown by the start must have its detail read: the
 * requirements say which, and when each was read (an auditor sees the evidence, not a claim).
 */

const at = z.string().datetime();
const subject = z.string().min(1).max(600);
const text = (max: number) => z.string().max(max);

export const reviewDecisionKinds = ['keep', 'reduce', 'revoke'] as const;
export type ReviewDecisionKind = (typeof reviewDecisionKinds)[number];

// Where a decision's follow-up stands and a campaign's counts: ./summary.ts, without zod (the panel shows
// them: issue 12, item 4).

export const reviewAssetSchema = z.object({
  type: assetTypeSchema,
  id: z.string().min(1).max(ASSET_ID_MAX).optional(),
  name: text(ASSET_NAME_MAX),
});
export type ReviewAsset = z.infer<typeof reviewAssetSchema>;

/** What one item is access to: the portfolio itself (membership), or one asset with its tasks. */
export const reviewAccessSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('portfolio'), level: portfolioAccessSchema, pending: z.boolean() }),
  z.object({
    kind: z.literal('asset'),
    asset: reviewAssetSchema,
    access: assetAccessSchema,
    tasks: z.array(taskKeySchema).max(20),
  }),
]);
export type ReviewAccess = z.infer<typeof reviewAccessSchema>;

/** What a reduce removes: tasks of an asset, assets of a principal, or a lower level to go down to. */
export const reductionSchema = z
  .object({
    tasks: z.array(taskKeySchema).max(20).optional(),
    assets: z.array(reviewAssetSchema).max(1000).optional(),
    lowerTo: z.union([portfolioAccessSchema, assetAccessSchema]).optional(),
  })
  .strict();
export type Reduction = z.infer<typeof reductionSchema>;

export const reviewDecisionSchema = z.object({
  kind: z.enum(reviewDecisionKinds),
  rationale: text(10_000),
  reviewer: z.string().min(1).max(200),
  at,
  reduce: reductionSchema.optional(),
  /** The ledger decision that records it. */
  decisionId: z.string().min(1).max(100).optional(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** "Removed, verified at <time> on <page>": the read that showed the access gone (or reduced). */
export const verificationSchema = z.object({ at, page: pageKindSchema, url: text(URL_MAX) });
export type Verification = z.infer<typeof verificationSchema>;

/** The ledger's facts beside an item, as they stood at the start. */
export const itemFactsSchema = z.object({
  grant: z
    .object({ id: z.string().min(1).max(100), case: text(2000), endsAt: z.string().optional() })
    .optional(),
  accepted: z.array(z.string().min(1).max(64)).max(100).default([]),
});
export type ItemFacts = z.infer<typeof itemFactsSchema>;

export const deltaKinds = ['new', 'changed', 'unchanged'] as const;

export const reviewItemSchema = z.object({
  /** Stable across campaigns: `<subject>|portfolio` or `<subject>|asset:<type>:<id or name>`. */
  id: z.string().min(1).max(1400),
  subject,
  principalKind: z.enum(['person', 'partner', 'system-user']),
  name: text(PRINCIPAL_NAME_MAX),
  /** A person's e-mail, a partner's Business ID, a system user's ID, as read. */
  email: z.string().min(1).max(EMAIL_MAX).optional(),
  access: reviewAccessSchema,
  /** When a read last showed this access, as of the start (or of the read that added it). */
  readAt: at,
  /** Against the last finished campaign of the business (everything is `new` in the first). */
  delta: z.enum(deltaKinds),
  facts: itemFactsSchema,
  /** Added by a read during the campaign, not at the start. */
  addedAt: at.optional(),
  decision: reviewDecisionSchema.optional(),
  verified: verificationSchema.optional(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const requirementSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('list'),
    list: z.enum(['people', 'partners', 'system-users']),
    /** The latest full read before the start (evidence, not enough by itself). */
    before: at.optional(),
    readAt: at.optional(),
  }),
  z.object({ kind: z.literal('detail'), subject, name: text(PRINCIPAL_NAME_MAX), readAt: at.optional() }),
]);
export type Requirement = z.infer<typeof requirementSchema>;

/** An access the previous finished campaign had and this one's scope has not. */
export const removedItemSchema = reviewItemSchema.pick({
  id: true,
  subject: true,
  principalKind: true,
  name: true,
  access: true,
});
export type RemovedItem = z.infer<typeof removedItemSchema>;

export const signOffSchema = z.object({
  reviewer: z.string().min(1).max(200),
  role: z.string().min(1).max(200),
  at,
  /** The ledger decision that records the campaign. */
  decisionId: z.string().min(1).max(100).optional(),
});

export const reviewCampaignSchema = z.object({
  id: z.string().min(1).max(100),
  businessId: z.string().regex(BUSINESS_ID_PATTERN),
  /** Shape version of this record. */
  version: z.literal(1),
  startedAt: at,
  startedBy: z.string().min(1).max(200),
  /** Where the scope came from: the baseline, or the latest snapshots when there was none. */
  source: z.enum(['baseline', 'snapshots']),
  /** The campaign compared against (the business's last finished one). */
  previousId: z.string().min(1).max(100).optional(),
  status: z.enum(['open', 'finished']),
  items: z.array(reviewItemSchema).max(200_000),
  removed: z.array(removedItemSchema).max(200_000),
  requirements: z.array(requirementSchema).max(50_000),
  signOff: signOffSchema.optional(),
  /** When the report (its data and hash) was last produced. */
  reportedAt: at.optional(),
  /** Bumped on every write: a command that read an older one is refused (no lost update). */
  revision: z.number().int().min(0),
});
export type ReviewCampaign = z.infer<typeof reviewCampaignSchema>;

const portfolioItemId = (s: string) => `${s}|portfolio`;
const assetItemId = (s: string, asset: ReviewAsset) => `${s}|asset:${assetKey(asset)}`;

const listOf: Record<PrincipalFacts['kind'], ListKind> = {
  person: 'people',
  partner: 'partners',
  'system-user': 'system-users',
};

const assetRef = (a: ReviewAsset): ReviewAsset => ({
  type: a.type,
  ...(a.id !== undefined ? { id: a.id } : {}),
  name: a.name,
});

/** The items one principal of the baseline gives: its membership, then each asset it is known to hold. */
function itemsOf(
  subjectKey: string,
  p: PrincipalFacts,
  facts: (subject: string) => ItemFacts,
): Omit<ReviewItem, 'delta'>[] {
  const base = {
    subject: subjectKey,
    principalKind: p.kind,
    name: p.name,
    ...(p.email !== undefined ? { email: p.email } : {}),
    facts: facts(subjectKey),
  };
  const items: Omit<ReviewItem, 'delta'>[] = [
    {
      ...base,
      id: portfolioItemId(subjectKey),
      access: { kind: 'portfolio', level: p.portfolioAccess ?? 'unknown', pending: p.pending },
      readAt: p.lastSeen,
    },
  ];
  for (const asset of Object.values(p.assets ?? {}))
    items.push({
      ...base,
      id: assetItemId(subjectKey, asset),
      access: { kind: 'asset', asset: assetRef(asset), access: asset.access, tasks: [...asset.tasks] },
      readAt: asset.seen,
    });
  return items;
}

/** What an access is, to tell a changed one from the same (level, access and tasks). */
const accessSignature = (access: ReviewAccess): string =>
  access.kind === 'portfolio'
    ? `portfolio ${access.level} ${access.pending}`
    : `asset ${access.access} ${[...access.tasks].sort().join(',')}`;

/** The delta first (new, then changed), then everything else; by name, then item id, within each. */
const deltaRank: Record<ReviewItem['delta'], number> = { new: 0, changed: 1, unchanged: 2 };
export function orderItems(items: readonly ReviewItem[]): ReviewItem[] {
  return [...items].sort(
    (a, b) =>
      deltaRank[a.delta] - deltaRank[b.delta] ||
      a.name.localeCompare(b.name) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface StartInput {
  id: string;
  businessId: string;
  now: Date;
  startedBy: string;
  baseline: Baseline;
  source: ReviewCampaign['source'];
  /** The business's last finished campaign, if any (the delta is drawn against it). */
  previous?: ReviewCampaign | undefined;
  /** The ledger's facts about a subject (grant, end date, accepted findings). */
  facts?: (subject: string) => ItemFacts;
}

/** A new campaign, its scope frozen from the baseline as it is now. */
export function startCampaign(input: StartInput): ReviewCampaign {
  const { baseline, previous } = input;
  const facts = input.facts ?? (() => ({ accepted: [] }));
  const before = new Map((previous?.items ?? []).map((item) => [item.id, item]));
  const items: ReviewItem[] = [];
  for (const [s, p] of Object.entries(baseline.principals))
    for (const item of itemsOf(s, p, facts)) {
      const was = before.get(item.id);
      const delta = !was
        ? 'new'
        : accessSignature(was.access) === accessSignature(item.access)
          ? 'unchanged'
          : 'changed';
      items.push({ ...item, delta });
    }
  const now = new Set(items.map((item) => item.id));
  const removed: RemovedItem[] = (previous?.items ?? [])
    .filter((item) => !now.has(item.id))
    .map(({ id, subject: s, principalKind, name, access }) => ({
      id,
      subject: s,
      principalKind,
      name,
      access,
    }));
  const requirements: Requirement[] = (['people', 'partners', 'system-users'] as const).map((list) => ({
    kind: 'list',
    list,
    ...(baseline.lists[list] !== undefined ? { before: baseline.lists[list] } : {}),
  }));
  for (const [s, p] of Object.entries(baseline.principals))
    if (p.assetsReadAt === undefined) requirements.push({ kind: 'detail', subject: s, name: p.name });
  return {
    id: input.id,
    businessId: input.businessId,
    version: 1,
    startedAt: input.now.toISOString(),
    startedBy: input.startedBy,
    source: input.source,
    ...(previous ? { previousId: previous.id } : {}),
    status: 'open',
    items: orderItems(items),
    removed,
    requirements,
    revision: 0,
  };
}

/** The read a fold comes from: when, which page kind, which address. */
export interface ReadMark {
  at: string;
  page: Verification['page'];
  url: string;
}

/** Whether an asset item's access is gone from what the baseline now knows, and proved so since `since`. */
function assetGone(
  baseline: Baseline,
  itemSubject: string,
  kind: PrincipalFacts['kind'],
  asset: ReviewAsset,
  since: string,
): boolean {
  const p = baseline.principals[itemSubject];
  if (!p) return principalGone(baseline, itemSubject, kind, since);
  const held = Object.values(p.assets ?? {}).find((a) => sameAsset(a, asset));
  if (held) return false;
  // Proved gone: its detail pane read in full since, or the asset's own page read in full since.
  if (p.assetsReadAt !== undefined && p.assetsReadAt >= since) return true;
  const page = Object.values(baseline.assetPages).find((a) => sameAsset(a, asset));
  return page !== undefined && page.at >= since;
}

/** Whether a principal is gone: absent from the baseline, its list read in full since `since`. */
function principalGone(
  baseline: Baseline,
  itemSubject: string,
  kind: PrincipalFacts['kind'],
  since: string,
): boolean {
  if (baseline.principals[itemSubject]) return false;
  const listAt = baseline.lists[listOf[kind]];
  return listAt !== undefined && listAt >= since;
}

const portfolioRank: Record<PortfolioAccess, number | undefined> = {
  basic: 0,
  finance: 1,
  'apps-integrations': 1,
  partial: 1,
  'full-control': 2,
  unknown: undefined,
};
const assetRank: Record<AssetAccess, number> = { partial: 0, 'full-except-sensitive': 1, full: 2 };

/** Whether the baseline now shows the item's decided removal carried out (proved by a read since the decision). */
export function removalDone(item: ReviewItem, baseline: Baseline): boolean {
  const decision = item.decision;
  if (!decision || decision.kind === 'keep') return false;
  const since = decision.at;
  const access = item.access;
  if (decision.kind === 'revoke')
    return access.kind === 'portfolio'
      ? principalGone(baseline, item.subject, item.principalKind, since)
      : assetGone(baseline, item.subject, item.principalKind, access.asset, since);
  const reduce = decision.reduce ?? {};
  const p = baseline.principals[item.subject];
  // A principal or an asset gone altogether is reduced too.
  if (access.kind === 'portfolio') {
    if (principalGone(baseline, item.subject, item.principalKind, since)) return true;
    if (!p) return false;
    if (reduce.lowerTo !== undefined) {
      const to = portfolioRank[reduce.lowerTo as PortfolioAccess];
      const now = p.portfolioAccess ? portfolioRank[p.portfolioAccess] : undefined;
      if (to === undefined || now === undefined || now > to || p.lastSeen < since) return false;
    }
    for (const asset of reduce.assets ?? [])
      if (!assetGone(baseline, item.subject, item.principalKind, asset, since)) return false;
    return reduce.lowerTo !== undefined || (reduce.assets?.length ?? 0) > 0;
  }
  if (assetGone(baseline, item.subject, item.principalKind, access.asset, since)) return true;
  const held = p && Object.values(p.assets ?? {}).find((a) => sameAsset(a, access.asset));
  if (!held || held.seen < since) return false;
  if (reduce.lowerTo !== undefined) {
    const to = assetRank[reduce.lowerTo as AssetAccess];
    if (to === undefined || assetRank[held.access] > to) return false;
  }
  if ((reduce.tasks ?? []).some((task) => held.tasks.includes(task))) return false;
  return reduce.lowerTo !== undefined || (reduce.tasks?.length ?? 0) > 0;
}

/**
 * Folds a read (already folded into the baseline) into a campaign: the requirements it meets, the
 * accesses it shows first (they join the scope, while open), and the removals it proves carried out.
 * Returns the same object when nothing changed.
 */
export function foldRead(campaign: ReviewCampaign, baseline: Baseline, read: ReadMark): ReviewCampaign {
  if (baseline.businessId !== campaign.businessId || read.at < campaign.startedAt) return campaign;
  let changed = false;
  const requirements = campaign.requirements.map((req): Requirement => {
    const readAt =
      req.kind === 'list'
        ? baseline.lists[req.list]
        : (baseline.principals[req.subject]?.assetsReadAt ??
          goneAt(baseline, req.subject, campaign.startedAt));
    if (readAt === undefined || readAt < campaign.startedAt || readAt === req.readAt) return req;
    changed = true;
    return { ...req, readAt };
  });
  const items = campaign.items.map((item) => {
    if (item.verified || !item.decision || item.decision.kind === 'keep') return item;
    if (!removalDone(item, baseline)) return item;
    changed = true;
    return { ...item, verified: { at: read.at, page: read.page, url: read.url } };
  });
  let added: ReviewItem[] = [];
  if (campaign.status === 'open') {
    const known = new Set(items.map((item) => item.id));
    const previous = new Set(campaign.removed.map((item) => item.id));
    // An asset the scope holds by its name, now known by its ID too (an asset page read since), or the other
    // way round, is the same access: matched as the baseline matches assets, never added twice.
    const inScope = (item: Omit<ReviewItem, 'delta'>) =>
      known.has(item.id) ||
      (item.access.kind === 'asset' &&
        items.some(
          (k) =>
            k.subject === item.subject &&
            k.access.kind === 'asset' &&
            item.access.kind === 'asset' &&
            sameAsset(k.access.asset, item.access.asset),
        ));
    for (const [s, p] of Object.entries(baseline.principals)) {
      if (p.lastSeen < campaign.startedAt) continue;
      for (const item of itemsOf(s, p, () => ({ accepted: [] })))
        if (!inScope(item) && item.readAt >= campaign.startedAt)
          added.push({ ...item, delta: previous.has(item.id) ? 'changed' : 'new', addedAt: read.at });
      const needsDetail =
        p.assetsReadAt === undefined &&
        !requirements.some((req) => req.kind === 'detail' && req.subject === s);
      if (needsDetail && !known.has(portfolioItemId(s))) {
        requirements.push({ kind: 'detail', subject: s, name: p.name });
        changed = true;
      }
    }
    if (campaign.previousId === undefined) added = added.map((item) => ({ ...item, delta: 'new' }));
  }
  if (!changed && added.length === 0) return campaign;
  return {
    ...campaign,
    requirements,
    items: added.length > 0 ? orderItems([...items, ...added]) : items,
    revision: campaign.revision + 1,
  };
}

/**
 * When a principal with no details to read any more was shown gone: absent from the baseline, its list read
 * in full since `since` (a detail requirement of someone removed is met by that read, not left open).
 */
function goneAt(baseline: Baseline, subject: string, since: string): string | undefined {
  if (baseline.principals[subject]) return undefined;
  const kind = subject.startsWith('partner')
    ? 'partner'
    : subject.startsWith('system-user')
      ? 'system-user'
      : 'person';
  const listAt = baseline.lists[listOf[kind]];
  return listAt !== undefined && listAt >= since ? listAt : undefined;
}

/** What a reviewer decides about one item (the panel's form, validated on receipt). */
export const decisionInputSchema = z.object({
  itemId: z.string().min(1).max(1400),
  kind: z.enum(reviewDecisionKinds),
  rationale: z.string().trim().max(10_000),
  reduce: reductionSchema.optional(),
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export type DecideProblem = 'campaign-finished' | 'unknown-item' | 'rationale-required' | 'reduce-empty';

/**
 * Records decisions on items (one, or a bulk keep of a selection). A reduce or revoke needs a rationale
 * and a reduce says what goes; a keep may have none (a bulk keep of own-domain basic access). A decision
 * made again replaces the earlier one (the ledger keeps both) and its verification starts over.
 */
export function decide(
  campaign: ReviewCampaign,
  inputs: readonly DecisionInput[],
  reviewer: string,
  now: Date,
): { ok: true; campaign: ReviewCampaign; decided: ReviewItem[] } | { ok: false; problem: DecideProblem } {
  if (campaign.status !== 'open') return { ok: false, problem: 'campaign-finished' };
  const byId = new Map(inputs.map((input) => [input.itemId, input]));
  const ids = new Set(campaign.items.map((item) => item.id));
  for (const input of inputs) {
    if (!ids.has(input.itemId)) return { ok: false, problem: 'unknown-item' };
    if (input.kind !== 'keep' && input.rationale.trim() === '')
      return { ok: false, problem: 'rationale-required' };
    if (input.kind === 'reduce') {
      const r = input.reduce ?? {};
      if (!r.lowerTo && !(r.tasks?.length ?? 0) && !(r.assets?.length ?? 0))
        return { ok: false, problem: 'reduce-empty' };
    }
  }
  const decided: ReviewItem[] = [];
  const items = campaign.items.map((item) => {
    const input = byId.get(item.id);
    if (!input) return item;
    const { verified: _verified, ...rest } = item;
    const next: ReviewItem = {
      ...rest,
      decision: {
        kind: input.kind,
        rationale: input.rationale.trim(),
        reviewer,
        at: now.toISOString(),
        ...(input.kind === 'reduce' && input.reduce ? { reduce: input.reduce } : {}),
      },
    };
    decided.push(next);
    return next;
  });
  return { ok: true, campaign: { ...campaign, items, revision: campaign.revision + 1 }, decided };
}

/** Records the ledger decision ids of decided items (after the ledger sealed them). */
export function withDecisionIds(campaign: ReviewCampaign, ids: ReadonlyMap<string, string>): ReviewCampaign {
  return {
    ...campaign,
    items: campaign.items.map((item) =>
      item.decision && ids.has(item.id)
        ? { ...item, decision: { ...item.decision, decisionId: ids.get(item.id)! } }
        : item,
    ),
  };
}

export const signOffInputSchema = z.object({
  reviewer: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200),
});

/** Finishes a campaign: the reviewer's name and role, the finish time. Undecided items block it. */
export function signOff(
  campaign: ReviewCampaign,
  input: z.infer<typeof signOffInputSchema>,
  now: Date,
): { ok: true; campaign: ReviewCampaign } | { ok: false; problem: 'campaign-finished' | 'undecided-items' } {
  if (campaign.status !== 'open') return { ok: false, problem: 'campaign-finished' };
  if (campaign.items.some((item) => !item.decision)) return { ok: false, problem: 'undecided-items' };
  return {
    ok: true,
    campaign: {
      ...campaign,
      status: 'finished',
      signOff: { reviewer: input.reviewer.trim(), role: input.role.trim(), at: now.toISOString() },
      revision: campaign.revision + 1,
    },
  };
}
