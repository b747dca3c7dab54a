import { problemSchema } from '../../domain/problems';
import type { QuarantinedItem, TeamAuthor } from '../../domain/team-admin';
import type { Hub } from '../hub';
import { ok } from '../router';
import type { TeamAdminEngine } from '../team-runner';
import { commandContext } from './context';

/** What these messages need of the replication: its engine while the team ledger is on. */
export interface TeamEngineSource {
  activeEngine(): Promise<TeamAdminEngine | undefined>;
}

/**
 * What the team ledger leaves for an admin (issue 16, items 2–4): grants edited in two places, shown with
 * every version and resolved only by the admin's choice (recorded as a decision), and the documents refused
 * from the server. All of it is read from the local mirror: nothing here contacts the server.
 */
export function registerTeamAdminHandlers(hub: Hub, runner?: TeamEngineSource): void {
  const { router, store, publisher } = hub;
  const engine = async () => (runner ? await runner.activeEngine() : undefined);

  router.handle('teamConflicts', async () =>
    ok<'teamConflicts'>({ conflicts: (await (await engine())?.conflictList()) ?? [] }),
  );

  router.handle('teamConflictsOf', async ({ businessId, subject }) => {
    const list = (await (await engine())?.conflictList()) ?? [];
    return ok<'teamConflictsOf'>({
      grantIds: list
        .filter((c) => c.businessId === businessId && c.subject === subject)
        .map((c) => c.grantId),
    });
  });

  // Who wrote each version: "you", or the colleague as the trust list knows them (their key's fingerprint).
  const authors = async (): Promise<(ledgerId: string) => TeamAuthor> => {
    const ours = await store.getLedgerId();
    const colleagues = new Map((await store.colleagues()).map((c) => [c.ledgerId, c]));
    return (ledgerId) => {
      if (ledgerId === ours) return { kind: 'you', ledgerId };
      const known = colleagues.get(ledgerId);
      return {
        kind: 'colleague',
        ledgerId,
        trusted: known?.trusted ?? false,
        ...(known?.fingerprint ? { fingerprint: known.fingerprint } : {}),
      };
    };
  };

  router.handle('teamConflictVersions', async ({ grantId }) => {
    const sync = await engine();
    const versions = (await sync?.conflictVersions(grantId)) ?? [];
    if (versions.length === 0) return ok<'teamConflictVersions'>({ versions: [] });
    const authorOf = await authors();
    return ok<'teamConflictVersions'>({
      versions: versions.map((v) => ({ rev: v.rev, author: authorOf(v.author), grant: v.grant })),
    });
  });

  router.handle('resolveTeamConflict', ({ grantId, keepRev }) =>
    publisher.during(async () => {
      const sync = await engine();
      if (!sync) return ok<'resolveTeamConflict'>({ outcome: 'off' });
      const kept = (await sync.conflictVersions(grantId)).find((v) => v.rev === keepRev);
      if (!kept) return ok<'resolveTeamConflict'>({ outcome: 'gone' });
      // The admin who decides is the one signed in to that business, as for any ledger command.
      const { decidedBy } = await commandContext(hub, kept.grant.businessId);
      const resolved = await sync.resolveConflict(grantId, keepRev, decidedBy);
      if (resolved) publisher.invalidateBusiness(kept.grant.businessId);
      return ok<'resolveTeamConflict'>({ outcome: resolved ? 'resolved' : 'gone' });
    }),
  );

  // Checklist runs and review campaigns edited in two places: listed, compared and resolved as grants are.
  router.handle('teamRecordConflicts', async () =>
    ok<'teamRecordConflicts'>({ conflicts: (await (await engine())?.recordConflictList()) ?? [] }),
  );

  router.handle('teamRecordConflictsOf', async ({ businessId }) => {
    const list = (await (await engine())?.recordConflictList()) ?? [];
    return ok<'teamRecordConflictsOf'>({ conflicts: list.filter((c) => c.businessId === businessId) });
  });

  router.handle('teamRecordConflictVersions', async ({ kind, id }) => {
    const versions = (await (await engine())?.recordConflictVersions(kind, id)) ?? [];
    if (versions.length === 0) return ok<'teamRecordConflictVersions'>({ versions: [] });
    const authorOf = await authors();
    return ok<'teamRecordConflictVersions'>({
      versions: versions.map((v) => ({ rev: v.rev, author: authorOf(v.author), record: v.record })),
    });
  });

  router.handle('resolveTeamRecordConflict', ({ kind, id, keepRev }) =>
    publisher.during(async () => {
      const sync = await engine();
      if (!sync) return ok<'resolveTeamRecordConflict'>({ outcome: 'off' });
      const kept = (await sync.recordConflictVersions(kind, id)).find((v) => v.rev === keepRev);
      if (!kept) return ok<'resolveTeamRecordConflict'>({ outcome: 'gone' });
      const businessId =
        kept.record.kind === 'checklist' ? kept.record.run.businessId : kept.record.campaign.businessId;
      const { decidedBy } = await commandContext(hub, businessId);
      const resolved = await sync.resolveRecordConflict(kind, id, keepRev, decidedBy);
      if (resolved) publisher.invalidateBusiness(businessId);
      return ok<'resolveTeamRecordConflict'>({ outcome: resolved ? 'resolved' : 'gone' });
    }),
  );

  router.handle('teamQuarantine', async () => {
    const held = await (await engine())?.quarantinedDocs();
    if (!held) return ok<'teamQuarantine'>({ items: [], total: 0 });
    const items = held.items.map((q): QuarantinedItem => {
      // A problem kept by an earlier version, or unreadable, is left out rather than shown wrong.
      const problem = q.problem
        ? problemSchema.safeParse({ code: q.problem, ...(q.facts ? { facts: q.facts } : {}) })
        : undefined;
      return {
        id: q.id,
        reason: q.reason,
        ...(q.rev ? { rev: q.rev } : {}),
        ...(q.at ? { at: q.at } : {}),
        ...(problem?.success ? { problem: problem.data } : {}),
      };
    });
    return ok<'teamQuarantine'>({ items: items.slice(0, 1000), total: held.total });
  });
}
