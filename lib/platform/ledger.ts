import { MAX_LISTED_CHANGES, type AdminRequest, type AdminResult } from '../domain/ledger/admin';
import { addDays, checkEndDate, grantFromCommand, type LedgerCommand } from '../domain/ledger/commands';
import { decisionsCsv, grantsCsv } from '../domain/ledger/export';
import type { Decision, GrantRecord } from '../domain/ledger/records';
import { fail, type Outcome } from '../domain/problems';
import { defaultSettings, type Settings } from '../domain/settings';
import { keyFingerprint } from '../domain/ledger/signing';
import { getSubjectKey } from '../domain/snapshot';
import type { LedgerStore } from '../ledger/store';

export interface SubjectRecord {
  grants: GrantRecord[];
  decisions: Decision[];
}

export type CommandResult = Outcome<{ decision: Decision }>;

export interface CommandContext {
  now: Date;
  decidedBy: string;
  settings: Settings;
  /** Whether the subject is a third party as the rules see it. */
  isThirdParty: (businessId: string, subject: string) => boolean;
}

/**
 * Carries out a ledger command from the panel or the options page (parsed by the router). Every rule of
 * the ledger (end date required for third parties, maximum duration) is checked here, where it cannot be
 * skipped.
 */
export async function runLedgerCommand(
  s: LedgerStore,
  command: LedgerCommand,
  context: CommandContext,
): Promise<CommandResult> {
  const today = context.now.toISOString().slice(0, 10);
  const base = { at: context.now.toISOString(), decidedBy: context.decidedBy };
  switch (command.type) {
    case 'document': {
      const problem = checkEndDate(
        command.startsAt,
        command.endsAt,
        context.isThirdParty(command.businessId, command.subject),
        context.settings.maxGrantDays,
      );
      if (problem) return { ok: false, error: problem };
      const grant = grantFromCommand(command, crypto.randomUUID(), context.now);
      const { decision } = await s.saveGrant(grant, {
        ...base,
        businessId: command.businessId,
        subject: command.subject,
        action: 'grant',
        rationale: command.case,
        after: { assets: grant.assets, startsAt: grant.startsAt, endsAt: grant.endsAt ?? null },
      });
      return { ok: true, decision };
    }
    case 'extend': {
      const grant = await s.grant(command.grantId);
      if (!grant) return fail('grant-missing');
      if (grant.endsAt && command.endsAt <= grant.endsAt)
        return fail('extend-not-later', { date: grant.endsAt });
      const cap = addDays(today, context.settings.maxGrantDays);
      if (command.endsAt > cap)
        return fail('extend-beyond-max', { days: context.settings.maxGrantDays, date: cap });
      const updated = { ...grant, endsAt: command.endsAt, updatedAt: context.now.toISOString() };
      const { decision } = await s.saveGrant(updated, {
        ...base,
        businessId: grant.businessId,
        subject: grant.subject,
        action: 'extend',
        rationale: command.rationale,
        before: { endsAt: grant.endsAt ?? null },
        after: { endsAt: command.endsAt },
      });
      return { ok: true, decision };
    }
    case 'revoke': {
      const grants = await s.grants({ businessId: command.businessId, subject: command.subject });
      let last: Decision | undefined;
      for (const grant of grants) {
        if (grant.endsAt && grant.endsAt <= today) continue;
        ({ decision: last } = await s.saveGrant(
          { ...grant, endsAt: today, updatedAt: context.now.toISOString() },
          {
            ...base,
            businessId: command.businessId,
            subject: command.subject,
            action: 'revoke',
            rationale: command.rationale,
            before: { endsAt: grant.endsAt ?? null },
            after: { endsAt: today },
          },
        ));
      }
      last ??= await s.appendDecision({
        ...base,
        businessId: command.businessId,
        subject: command.subject,
        action: 'revoke',
        rationale: command.rationale,
      });
      return { ok: true, decision: last };
    }
    case 'accept-finding': {
      if (command.reviewAt <= today) return fail('review-date-past');
      // A finding is muted at most as long as a grant may run; an import holds other admins to the same.
      const reviewCap = addDays(today, context.settings.maxGrantDays);
      if (command.reviewAt > reviewCap)
        return fail('review-beyond-max', { days: context.settings.maxGrantDays, date: reviewCap });
      const decision = await s.appendDecision({
        ...base,
        businessId: command.businessId,
        subject: command.subject,
        action: 'accept-finding',
        rationale: command.rationale,
        after: {
          ruleId: command.ruleId,
          reviewAt: command.reviewAt,
          ...(command.assetName ? { assetName: command.assetName } : {}),
        },
      });
      return { ok: true, decision };
    }
  }
}

export async function subjectRecord(
  s: LedgerStore,
  query: { businessId: string; subject: string },
): Promise<SubjectRecord> {
  const [grants, decisions] = await Promise.all([
    s.grants(query),
    s.decisionsAbout(query.businessId, query.subject),
  ]);
  return { grants, decisions };
}

/** The options page's ledger tasks: export, verify, import (plan, then apply), delete. */
export async function ledgerAdmin(
  s: LedgerStore,
  request: AdminRequest,
  now: Date,
  settings: Settings = defaultSettings,
): Promise<Outcome<{ result: AdminResult }>> {
  const done = (result: AdminResult) => ({ ok: true as const, result });
  switch (request.type) {
    case 'export': {
      const file = await s.exportFile(now);
      await s.setTime('lastExportAt', now);
      return done({
        type: 'export',
        json: JSON.stringify(file, null, 2),
        fileName: `scopekeeper-ledger-${now.toISOString().slice(0, 10)}.json`,
      });
    }
    case 'export-csv': {
      const file = await s.exportFile(now);
      return done({
        type: 'export-csv',
        grants: grantsCsv(file.grants),
        decisions: decisionsCsv(file.decisions),
      });
    }
    case 'verify': {
      const ours = await s.getLedgerId();
      const results = await s.verify();
      return done({
        type: 'verify',
        ledgers: results.map(({ ledgerId, check, authorship }) =>
          check.ok
            ? { ledgerId, ours: ledgerId === ours, ok: true, length: check.length, authorship }
            : {
                ledgerId,
                ours: ledgerId === ours,
                ok: false,
                length: check.index,
                breakAt: check.decisionId,
                reason: check.reason,
                authorship,
              },
        ),
      });
    }
    case 'plan-import':
    case 'apply-import': {
      const bytes = new TextEncoder().encode(request.text).length;
      const options = { now, maxGrantDays: settings.maxGrantDays };
      const check =
        request.type === 'apply-import'
          ? await s.applyImport(request.text, bytes, options, {
              trust: request.trust,
              acceptKeys: request.acceptKeys,
            })
          : await s.planImport(request.text, bytes, options);
      if (!check.ok) return check;
      const p = check.plan;
      const changes = p.changes.slice(0, MAX_LISTED_CHANGES);
      return done({
        type: 'import',
        applied: request.type === 'apply-import',
        summary: {
          addGrants: p.addGrants.length,
          identicalGrants: p.identicalGrants,
          conflictingGrants: p.conflictingGrants,
          addDecisions: p.addDecisions.length,
          knownDecisions: p.knownDecisions,
          ledgers: p.ledgers,
          changes,
          moreChanges: p.changes.length - changes.length,
          cappedGrants: p.cappedGrants,
          maxGrantDays: settings.maxGrantDays,
          names: await namesFor(s, changes),
          addRuns: p.addRuns.length,
          identicalRuns: p.identicalRuns,
          conflictingRuns: p.conflictingRuns,
        },
      });
    }
    case 'colleagues':
      return done({
        type: 'colleagues',
        fingerprint: await keyFingerprint(await s.publicKey()),
        colleagues: await s.colleagues(),
      });
    case 'trust':
    case 'untrust':
      await s.setTrusted(request.ledgerId, request.type === 'trust', now);
      return done({
        type: 'colleagues',
        fingerprint: await keyFingerprint(await s.publicKey()),
        colleagues: await s.colleagues(),
      });
    case 'delete-all':
      await s.deleteAll();
      return done({ type: 'delete-all' });
  }
}

/** Names read from the page for the subjects an import's preview lists (keyed `businessId subject`). */
async function namesFor(
  s: LedgerStore,
  changes: readonly { businessId: string; subject: string }[],
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  const wanted = new Set(changes.map((c) => `${c.businessId} ${c.subject}`));
  for (const businessId of new Set(changes.map((c) => c.businessId))) {
    for (const row of await s.latestSnapshots(businessId))
      for (const p of row.snapshot.principals) {
        const key = `${businessId} ${getSubjectKey(p)}`;
        if (wanted.has(key) && p.name) names[key] = p.name.slice(0, 600);
      }
  }
  return names;
}
