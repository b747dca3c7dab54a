import { observe, type Baseline } from '../domain/baseline';
import { keyFingerprint } from '../domain/ledger/signing';
import { resolveOwnDomains } from '../domain/principals';
import { fail, type Outcome, type ProblemCode } from '../domain/problems';
import {
  decide,
  foldRead,
  signOff,
  startCampaign,
  withDecisionIds,
  type DecideProblem,
  type DecisionInput,
  type ItemFacts,
  type ReadMark,
  type ReviewCampaign,
  type ReviewItem,
} from '../domain/review/campaign';
import { summarise } from '../domain/review/summary';
import { reviewTicks } from '../domain/review/checklist';
import { campaignReport, reportHash, rosterCsv, type CampaignReport } from '../domain/review/report';
import type { ReviewDecisionAfter } from '../domain/ledger/records';
import { CampaignChanged, type Commit, type NewDecision } from '../ledger/store';
import { commandContext } from './handlers/context';
import type { Hub } from './hub';

/**
 * Access reviews in the background (issue 14): a campaign is read, changed by the pure functions of
 * lib/domain/review/campaign.ts, and written in one commit with the ledger decisions it records and the
 * periodic-review steps it ticks. A campaign written meanwhile (another tab, a page read) makes the commit
 * fail (CampaignChanged) and the change is made again on what is stored now.
 */

const ATTEMPTS = 4;

/**
 * A review command's idempotency key (protocol.ts `keyedMessages`), remembered in the commit that carries it
 * out with the campaign it wrote: a retry of the message after its answer was lost finds it and writes
 * nothing again (no second decision in the chain, no second campaign).
 */
export interface ReviewCommandKey {
  key: string;
  name: 'reviewStart' | 'reviewDecide' | 'reviewSignOff';
  requestHash?: string;
}

/** The command's key came back (a retry raced the first delivery): its first answer's campaign. */
class Replayed extends Error {
  constructor(readonly campaignId: string | undefined) {
    super('This command was already carried out.');
  }
}

/** Runs a read-change-commit of one campaign again while another write came in between. */
async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof CampaignChanged) || attempt >= ATTEMPTS) throw e;
    }
  }
}

/** A keyed review command, retried likewise; a key carried out meanwhile answers with its campaign. */
async function keyedRetrying(
  hub: Hub,
  work: () => Promise<Outcome<{ campaign: ReviewCampaign }>>,
): Promise<Outcome<{ campaign: ReviewCampaign }>> {
  try {
    return await retrying(work);
  } catch (e) {
    if (e instanceof Replayed) return replayedCampaign(hub, e.campaignId);
    throw e;
  }
}

/** The answer of a review command carried out before: its campaign as stored now. */
async function replayedCampaign(
  hub: Hub,
  campaignId: string | undefined,
): Promise<Outcome<{ campaign: ReviewCampaign }>> {
  const campaign = campaignId ? await hub.store.campaign(campaignId) : undefined;
  return campaign ? { ok: true, campaign } : fail('review-missing');
}

/** A stored answer of a review command under this key: the campaign it wrote, as stored now. */
export async function replayReview(
  hub: Hub,
  command: ReviewCommandKey | undefined,
): Promise<Outcome<{ campaign: ReviewCampaign }> | 'reused' | undefined> {
  const done = await hub.store.commandResult(command?.key);
  if (!done || !command) return undefined;
  if (
    done.name !== command.name ||
    (done.requestHash && command.requestHash && done.requestHash !== command.requestHash)
  )
    return 'reused';
  const id = (done.result as { campaignId?: unknown } | null)?.campaignId;
  return replayedCampaign(hub, typeof id === 'string' ? id : undefined);
}

const problemOf: Record<DecideProblem | 'undecided-items', ProblemCode> = {
  'campaign-finished': 'review-finished',
  'unknown-item': 'review-unknown-item',
  'rationale-required': 'review-rationale-required',
  'reduce-empty': 'review-reduce-empty',
  'undecided-items': 'review-undecided-items',
};

/** What the scope is drawn from: the baseline, or (none yet) the latest snapshots folded in the order read. */
async function scopeOf(
  hub: Hub,
  businessId: string,
): Promise<{ baseline: Baseline; source: ReviewCampaign['source'] }> {
  const stored = await hub.store.baseline(businessId);
  if (stored) return { baseline: stored, source: 'baseline' };
  const settings = await hub.currentSettings();
  const you = hub.cache.view(businessId)?.currentUser;
  const own = resolveOwnDomains(settings.ownDomains, you?.email);
  const rows = (await hub.store.latestSnapshots(businessId)).sort((a, b) => (a.seenAt < b.seenAt ? -1 : 1));
  let baseline: Baseline | undefined;
  for (const row of rows) baseline = observe(baseline, row.snapshot, row.seenAt, own).baseline;
  return {
    baseline: baseline ?? { businessId, principals: {}, lists: {}, assetPages: {} },
    source: 'snapshots',
  };
}

/** The ledger's facts beside each subject: its grant (the latest end date), its accepted findings. */
async function factsOf(hub: Hub, businessId: string): Promise<(subject: string) => ItemFacts> {
  const [grants, ledger] = await Promise.all([
    hub.store.grants({ businessId }),
    hub.store.ledgerFacts(businessId),
  ]);
  return (subject) => {
    const own = grants
      .filter((g) => g.subject === subject)
      .sort((a, b) => ((a.endsAt ?? '9999') < (b.endsAt ?? '9999') ? 1 : -1));
    const grant = own[0];
    const accepted = [...(ledger.accepted?.keys() ?? [])]
      .filter((key) => key.startsWith(`${subject} `))
      .map((key) => key.slice(subject.length + 1))
      .slice(0, 100);
    return {
      ...(grant
        ? {
            grant: {
              id: grant.id,
              case: grant.case.slice(0, 2000),
              ...(grant.endsAt ? { endsAt: grant.endsAt } : {}),
            },
          }
        : {}),
      accepted,
    };
  };
}

/** The periodic-review runs the campaign ticks, as the commit's conditional updates. */
async function runTicks(hub: Hub, campaign: ReviewCampaign, now: Date): Promise<Commit['runUpdates']> {
  const runs = await hub.store.runs({ businessId: campaign.businessId });
  return runs
    .filter((run) => run.status === 'open' && run.templateId === 'periodic-review')
    .map((before) => ({ before, after: reviewTicks(before, campaign, now) }))
    .filter(({ before, after }) => before !== after);
}

/** Writes a campaign (and what comes with it), if it is still stored at the revision read. */
async function save(
  hub: Hub,
  read: ReviewCampaign | undefined,
  next: ReviewCampaign,
  now: Date,
  decisions: readonly NewDecision[] = [],
  command?: ReviewCommandKey,
) {
  const runUpdates = await runTicks(hub, next, now);
  const done = await hub.store.commit({
    campaigns: [next],
    expectCampaigns: new Map([[next.id, read?.revision ?? -1]]),
    decisions,
    ...(runUpdates?.length ? { runUpdates } : {}),
    ...(command
      ? {
          command: {
            key: command.key,
            name: command.name,
            at: now.toISOString(),
            ...(command.requestHash ? { requestHash: command.requestHash } : {}),
            // The campaign's id, not the campaign (which can hold 200,000 items): a replay reads it again.
            result: () => ({ campaignId: next.id }),
          },
        }
      : {}),
  });
  if (done.replayed) {
    const id = (done.result as { campaignId?: unknown } | null)?.campaignId;
    throw new Replayed(typeof id === 'string' ? id : undefined);
  }
  // The business's panels are published again (their watch mark moved): a review section asks again.
  hub.publisher.invalidateBusiness(next.businessId);
  return done.decisions;
}

export async function startReview(
  hub: Hub,
  businessId: string,
  command?: ReviewCommandKey,
): Promise<Outcome<{ campaign: ReviewCampaign }>> {
  // The scope is frozen from what the ledger keeps: a read the admin has just seen, still waiting for its
  // quiet time to be recorded, is recorded first (a person just removed on the page is not in the scope).
  await hub.recording.flush();
  return keyedRetrying(hub, async () => {
    const campaigns = await hub.store.campaigns(businessId);
    if (campaigns.some((c) => c.status === 'open')) return fail('review-open-exists');
    const previous = campaigns.find((c) => c.status === 'finished');
    const context = await commandContext(hub, businessId);
    const { baseline, source } = await scopeOf(hub, businessId);
    const campaign = startCampaign({
      id: crypto.randomUUID(),
      businessId,
      now: context.now,
      startedBy: context.decidedBy,
      baseline,
      source,
      previous,
      facts: await factsOf(hub, businessId),
    });
    await save(hub, undefined, campaign, context.now, [], command);
    return { ok: true, campaign };
  });
}

/** What a ledger decision of a review item holds (records.ts `reviewDecisionAfterSchema`). */
function afterOf(campaignId: string, item: ReviewItem): ReviewDecisionAfter {
  const reduce = item.decision?.reduce;
  return {
    campaign: campaignId,
    item: item.id,
    ...(item.access.kind === 'asset' ? { asset: item.access.asset } : {}),
    ...(reduce?.tasks?.length ? { tasks: reduce.tasks } : {}),
    ...(reduce?.assets?.length ? { assets: reduce.assets.map((a) => `${a.type}:${a.id ?? a.name}`) } : {}),
    ...(reduce?.lowerTo ? { lowerTo: reduce.lowerTo } : {}),
  };
}

export async function decideReview(
  hub: Hub,
  campaignId: string,
  inputs: readonly DecisionInput[],
  command?: ReviewCommandKey,
): Promise<Outcome<{ campaign: ReviewCampaign }>> {
  return keyedRetrying(hub, async () => {
    const read = await hub.store.campaign(campaignId);
    if (!read) return fail('review-missing');
    const context = await commandContext(hub, read.businessId);
    const decided = decide(read, inputs, context.decidedBy, context.now);
    if (!decided.ok) return fail(problemOf[decided.problem]);
    // Each decision's id is made here, so the campaign names it in the same commit.
    const ids = new Map(decided.decided.map((item) => [item.id, crypto.randomUUID()]));
    const campaign = withDecisionIds(decided.campaign, ids);
    const decisions: NewDecision[] = decided.decided.map((item) => ({
      id: ids.get(item.id)!,
      at: context.now.toISOString(),
      businessId: read.businessId,
      subject: item.subject,
      action: item.decision!.kind,
      rationale: item.decision!.rationale,
      decidedBy: context.decidedBy,
      after: afterOf(read.id, item),
    }));
    await save(hub, read, campaign, context.now, decisions, command);
    return { ok: true, campaign };
  });
}

export async function signOffReview(
  hub: Hub,
  campaignId: string,
  input: { reviewer: string; role: string },
  command?: ReviewCommandKey,
): Promise<Outcome<{ campaign: ReviewCampaign }>> {
  return keyedRetrying(hub, async () => {
    const read = await hub.store.campaign(campaignId);
    if (!read) return fail('review-missing');
    const context = await commandContext(hub, read.businessId);
    const signed = signOff(read, input, context.now);
    if (!signed.ok)
      return signed.problem === 'undecided-items'
        ? fail('review-undecided-items', { count: read.items.filter((i) => !i.decision).length })
        : fail(problemOf[signed.problem]);
    const s = summarise(read, context.now);
    const note: NewDecision = {
      id: crypto.randomUUID(),
      at: context.now.toISOString(),
      businessId: read.businessId,
      subject: `business:${read.businessId}`,
      action: 'note',
      rationale: `Access review signed off by ${signed.campaign.signOff!.reviewer} (${signed.campaign.signOff!.role}).`,
      decidedBy: context.decidedBy,
      after: {
        review: {
          campaign: read.id,
          role: signed.campaign.signOff!.role,
          startedAt: read.startedAt,
          principals: s.principals,
          items: s.items,
          keep: s.keep,
          reduce: s.reduce,
          revoke: s.revoke,
          unverified: s.unverified,
          requirements: s.requirements,
          requirementsMet: s.requirementsMet,
        },
      },
    };
    const campaign = { ...signed.campaign, signOff: { ...signed.campaign.signOff!, decisionId: note.id! } };
    await save(hub, read, campaign, context.now, [note], command);
    // The next review period counts from the sign-off (the periodic-review reminder).
    await hub.store
      .updateReminderState((state) => ({
        ...state,
        reviewSince: { ...state.reviewSince, [read.businessId]: context.now.toISOString() },
      }))
      .catch(() => undefined);
    return { ok: true, campaign };
  });
}

/** The report of a campaign: its data, SHA-256 and CSV roster; producing it is recorded on the campaign. */
export async function reviewReport(
  hub: Hub,
  campaignId: string,
): Promise<Outcome<{ campaign: ReviewCampaign; report: CampaignReport; hash: string; csv: string }>> {
  return retrying(async () => {
    const read = await hub.store.campaign(campaignId);
    if (!read) return fail('review-missing');
    const now = hub.clock();
    const campaign = { ...read, reportedAt: now.toISOString(), revision: read.revision + 1 };
    await save(hub, read, campaign, now);
    const report = campaignReport(
      campaign,
      {
        chainHead: await hub.store.chainHead(),
        keyFingerprint: await keyFingerprint(await hub.store.publicKey()),
      },
      now,
      // As Business Settings last showed it (issue 15); unknown: the report names the business by its ID.
      await hub.store.businessName(campaign.businessId).catch(() => undefined),
    );
    return { ok: true, campaign, report, hash: await reportHash(report), csv: rosterCsv(campaign) };
  });
}

/**
 * A read of the business was folded into its baseline: the campaigns of the business learn from it
 * (requirements met, accesses first seen, removals verified). Open campaigns, and finished ones with a
 * removal still unverified.
 */
export async function foldReadIntoReviews(hub: Hub, businessId: string, read: ReadMark): Promise<void> {
  const waiting = (c: ReviewCampaign) =>
    c.status === 'open' || c.items.some((i) => i.decision && i.decision.kind !== 'keep' && !i.verified);
  const ids = (await hub.store.campaigns(businessId)).filter(waiting).map((c) => c.id);
  if (ids.length === 0) return;
  const baseline = await hub.store.baseline(businessId);
  if (!baseline) return;
  for (const id of ids)
    await retrying(async () => {
      const stored = await hub.store.campaign(id);
      if (!stored) return;
      const next = foldRead(stored, baseline, read);
      if (next !== stored) await save(hub, stored, next, new Date(read.at));
    });
}
