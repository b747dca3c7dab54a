import { z } from 'zod';
import {
  addDays,
  checkEndDate,
  grantFromCommand,
  ledgerCommandSchema,
  type LedgerCommand,
} from '../domain/ledger/commands';
import { decisionsCsv, grantsCsv } from '../domain/ledger/export';
import type { Decision, GrantRecord } from '../domain/ledger/records';
import type { Settings } from '../domain/settings';
import { LedgerStore } from '../ledger/store';

/** The background's one ledger store (the only writer), opened on first use. */
let store: LedgerStore | undefined;
export function ledgerStore(): LedgerStore {
  store ??= new LedgerStore();
  return store;
}

export interface SubjectRecord {
  grants: GrantRecord[];
  decisions: Decision[];
}

export type CommandResult = { ok: true; decision: Decision } | { ok: false; error: string };

export interface CommandContext {
  now: Date;
  decidedBy: string;
  settings: Settings;
  /** Whether the subject is a third party as the rules see it. */
  isThirdParty: (businessId: string, subject: string) => boolean;
}

/**
 * Carries out a ledger command from the panel or the options page. The command was sent by an extension
 * page; it is parsed all the same, and every rule of the ledger (end date required for third parties,
 * maximum duration) is checked here, where it cannot be skipped.
 */
export async function runLedgerCommand(input: unknown, context: CommandContext): Promise<CommandResult> {
  const parsed = ledgerCommandSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: issue ? `${issue.path.join('.') || 'command'}: ${issue.message}` : 'Invalid command.',
    };
  }
  const command: LedgerCommand = parsed.data;
  const s = ledgerStore();
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
      if (!grant) return { ok: false, error: 'That grant record no longer exists.' };
      if (grant.endsAt && command.endsAt <= grant.endsAt)
        return { ok: false, error: `The new end date must be after ${grant.endsAt}.` };
      const cap = addDays(today, context.settings.maxGrantDays);
      if (command.endsAt > cap)
        return {
          ok: false,
          error: `An extension may reach at most ${context.settings.maxGrantDays} days from today (${cap}).`,
        };
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
      if (command.reviewAt <= today) return { ok: false, error: 'The review date must be in the future.' };
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

export async function subjectRecord(input: unknown): Promise<SubjectRecord> {
  const q = input as { businessId?: unknown; subject?: unknown };
  if (typeof q?.businessId !== 'string' || typeof q.subject !== 'string' || q.subject.length > 600)
    return { grants: [], decisions: [] };
  const s = ledgerStore();
  const [grants, decisions] = await Promise.all([
    s.grants({ businessId: q.businessId, subject: q.subject }),
    s.decisionsAbout(q.businessId, q.subject),
  ]);
  return { grants, decisions };
}

const adminRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export') }),
  z.object({ type: z.literal('export-csv') }),
  z.object({ type: z.literal('verify') }),
  // The text's own size is checked by planImport (50 MB); this only bounds the message.
  z.object({ type: z.literal('plan-import'), text: z.string().max(60 * 1024 * 1024) }),
  z.object({ type: z.literal('apply-import'), text: z.string().max(60 * 1024 * 1024) }),
  z.object({ type: z.literal('delete-all') }),
]);
export type AdminRequest = z.infer<typeof adminRequestSchema>;

export type AdminResult =
  | { ok: true; type: 'export'; json: string; fileName: string }
  | { ok: true; type: 'export-csv'; grants: string; decisions: string }
  | {
      ok: true;
      type: 'verify';
      ledgers: {
        ledgerId: string;
        ours: boolean;
        ok: boolean;
        length: number;
        breakAt?: string;
        reason?: string;
      }[];
    }
  | { ok: true; type: 'import'; applied: boolean; summary: ImportSummary }
  | { ok: true; type: 'delete-all' }
  | { ok: false; error: string };

export interface ImportSummary {
  addGrants: number;
  identicalGrants: number;
  conflictingGrants: { id: string; subject: string }[];
  addDecisions: number;
  knownDecisions: number;
  ledgers: { ledgerId: string; ours: boolean; adding: number }[];
  addRuns: number;
  identicalRuns: number;
  conflictingRuns: { id: string; subject: string; reason: 'differs' | 'open-here' }[];
}

/** The options page's ledger tasks: export, verify, import (plan, then apply), delete. */
export async function ledgerAdmin(input: unknown, now: Date): Promise<AdminResult> {
  const parsed = adminRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Unknown request.' };
  const request = parsed.data;
  const s = ledgerStore();
  switch (request.type) {
    case 'export': {
      const file = await s.exportFile(now);
      await s.db.meta.put({ key: 'lastExportAt', value: now.toISOString() });
      return {
        ok: true,
        type: 'export',
        json: JSON.stringify(file, null, 2),
        fileName: `scopekeeper-ledger-${now.toISOString().slice(0, 10)}.json`,
      };
    }
    case 'export-csv': {
      const file = await s.exportFile(now);
      return {
        ok: true,
        type: 'export-csv',
        grants: grantsCsv(file.grants),
        decisions: decisionsCsv(file.decisions),
      };
    }
    case 'verify': {
      const ours = await s.getLedgerId();
      const results = await s.verify();
      return {
        ok: true,
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
      };
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
      return {
        ok: true,
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
      };
    }
    case 'delete-all':
      await s.deleteAll();
      return { ok: true, type: 'delete-all' };
  }
}
