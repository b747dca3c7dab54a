import type { AdminRequest, AdminResult } from '../domain/ledger/admin';
import { addDays, checkEndDate, grantFromCommand, type LedgerCommand } from '../domain/ledger/commands';
import { decisionsCsv, grantsCsv } from '../domain/ledger/export';
import type { Decision, GrantRecord } from '../domain/ledger/records';
import { fail, type Outcome } from '../domain/problems';
import type { Settings } from '../domain/settings';
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
        ledgers: results.map(({ ledgerId, check }) =>
          check.ok
            ? { ledgerId, ours: ledgerId === ours, ok: true, length: check.length }
            : {
                ledgerId,
                ours: ledgerId === ours,
                ok: false,
                length: check.index,
                breakAt: check.decisionId,
                reason: check.reason,
              },
        ),
      });
    }
    case 'plan-import':
    case 'apply-import': {
      const bytes = new TextEncoder().encode(request.text).length;
      const check =
        request.type === 'apply-import'
          ? await s.applyImport(request.text, bytes)
          : await s.planImport(request.text, bytes);
      if (!check.ok) return check;
      const p = check.plan;
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
          addRuns: p.addRuns.length,
          identicalRuns: p.identicalRuns,
          conflictingRuns: p.conflictingRuns,
        },
      });
    }
    case 'delete-all':
      await s.deleteAll();
      return done({ type: 'delete-all' });
  }
}
