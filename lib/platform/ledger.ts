import {
  listedChanges,
  adminResultSchema,
  type StoreAdminRequest,
  type AdminResult,
} from '../domain/ledger/admin';
import { MAX_IMPORT_BYTES, utf8Length, type ImportPlan, type ImportProgress } from '../domain/ledger/import';
import { addDays, checkEndDate, grantFromCommand, type LedgerCommand } from '../domain/ledger/commands';
import { decisionsCsv, exportText, grantsCsv } from '../domain/ledger/export';
import { decisionSchema, type Decision, type GrantRecord } from '../domain/ledger/records';
import { fail, type Outcome } from '../domain/problems';
import { defaultSettings, type Settings } from '../domain/settings';
import { keyFingerprint } from '../domain/ledger/signing';
import { getSubjectKey } from '../domain/snapshot';
import { z } from 'zod';
import {
  CommandKeyReused,
  type CommandMark,
  type Commit,
  type LedgerStore,
  type NewDecision,
} from '../ledger/store';

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
  /** The idempotency key the screen made for this action (a retry brings the same one). */
  commandKey?: string;
  /** SHA-256 of the request (handlers/context.ts requestHashOf): stored with the key, checked on reuse. */
  requestHash?: string;
}

const commandReplySchema = z.object({ decision: decisionSchema });

/**
 * Writes what a ledger command decided in one transaction, with its idempotency key; a key already carried
 * out writes nothing and answers as the first time did.
 */
async function write(
  s: LedgerStore,
  change: Omit<Commit, 'command'>,
  context: CommandContext,
): Promise<CommandResult> {
  const done = await s
    .commit({
      ...change,
      ...(context.commandKey
        ? {
            command: {
              key: context.commandKey,
              name: 'ledgerCommand',
              at: context.now.toISOString(),
              ...(context.requestHash ? { requestHash: context.requestHash } : {}),
              result: (written: Decision[]) => ({ decision: written.at(-1) }),
            },
          }
        : {}),
    })
    .catch((error: unknown) => {
      if (error instanceof CommandKeyReused) return undefined;
      throw error;
    });
  // The key was carried out for another request meanwhile: refused, not answered with its answer.
  if (!done) return fail('invalid-request', { field: 'commandKey', issue: 'reused' });
  if (done.replayed) {
    const reply = commandReplySchema.safeParse(done.result);
    return reply.success
      ? { ok: true, ...reply.data }
      : fail('internal', { message: 'the stored answer of this command cannot be read' });
  }
  const decision = done.decisions.at(-1);
  return decision
    ? { ok: true, decision }
    : fail('internal', { message: 'the stored answer of this command cannot be read' });
}

/**
 * What revoking a subject writes: each of its grants that is still running ends today, each with its own
 * revocation; a subject without one gets one revocation. Nothing is written here (one transaction does it).
 */
export async function planRevoke(
  s: LedgerStore,
  revoke: { businessId: string; subject: string; rationale: string },
  context: CommandContext,
): Promise<{ grants: GrantRecord[]; decisions: NewDecision[] }> {
  const today = context.now.toISOString().slice(0, 10);
  const base = { at: context.now.toISOString(), decidedBy: context.decidedBy };
  const what = {
    ...base,
    businessId: revoke.businessId,
    subject: revoke.subject,
    action: 'revoke' as const,
    rationale: revoke.rationale,
  };
  const running = (await s.grants({ businessId: revoke.businessId, subject: revoke.subject })).filter(
    (grant) => !grant.endsAt || grant.endsAt > today,
  );
  if (running.length === 0) return { grants: [], decisions: [what] };
  return {
    grants: running.map((grant) => ({ ...grant, endsAt: today, updatedAt: context.now.toISOString() })),
    decisions: running.map((grant) => ({
      ...what,
      grantId: grant.id,
      before: { endsAt: grant.endsAt ?? null },
      after: { endsAt: today },
    })),
  };
}

/**
 * Carries out a ledger command from the panel or the options page (parsed by the router). Every rule of
 * the ledger (end date required for third parties, maximum duration) is checked here, where it cannot be
 * skipped. Whatever one command writes is one transaction.
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
      return write(
        s,
        {
          grants: [grant],
          decisions: [
            {
              ...base,
              businessId: command.businessId,
              subject: command.subject,
              action: 'grant',
              rationale: command.case,
              grantId: grant.id,
              after: { assets: grant.assets, startsAt: grant.startsAt, endsAt: grant.endsAt ?? null },
            },
          ],
        },
        context,
      );
    }
    case 'extend': {
      const grant = await s.grant(command.grantId);
      if (!grant) return fail('grant-missing');
      if (grant.endsAt && command.endsAt <= grant.endsAt)
        return fail('extend-not-later', { date: grant.endsAt });
      const cap = addDays(today, context.settings.maxGrantDays);
      if (command.endsAt > cap)
        return fail('extend-beyond-max', { days: context.settings.maxGrantDays, date: cap });
      return write(
        s,
        {
          grants: [{ ...grant, endsAt: command.endsAt, updatedAt: context.now.toISOString() }],
          decisions: [
            {
              ...base,
              businessId: grant.businessId,
              subject: grant.subject,
              action: 'extend',
              rationale: command.rationale,
              grantId: grant.id,
              before: { endsAt: grant.endsAt ?? null },
              after: { endsAt: command.endsAt },
            },
          ],
        },
        context,
      );
    }
    case 'revoke':
      // Every grant of the subject at once: a revocation is never recorded half.
      return write(s, await planRevoke(s, command, context), context);
    case 'accept-finding': {
      if (command.reviewAt <= today) return fail('review-date-past');
      // A finding is muted at most as long as a grant may run; an import holds other admins to the same.
      const reviewCap = addDays(today, context.settings.maxGrantDays);
      if (command.reviewAt > reviewCap)
        return fail('review-beyond-max', { days: context.settings.maxGrantDays, date: reviewCap });
      return write(
        s,
        {
          decisions: [
            {
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
            },
          ],
        },
        context,
      );
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
  request: StoreAdminRequest,
  now: Date,
  settings: Settings = defaultSettings,
  commandKey?: string,
  /** Told how far an import's checks and writes are (the options page's progress bar). */
  onProgress?: (progress: ImportProgress) => void,
  /** An import's file size in bytes when the caller knows it (a stored file's own size); else counted. */
  byteLength?: number,
): Promise<Outcome<{ result: AdminResult }>> {
  const done = (result: AdminResult) => ({ ok: true as const, result });
  const replayed = (stored: unknown) => {
    const result = adminResultSchema.safeParse(stored);
    return result.success
      ? done(result.data)
      : fail('internal', { message: 'the stored answer of this command cannot be read' });
  };
  const mark = <T>(result: (written: T) => AdminResult): CommandMark<T> | undefined =>
    commandKey ? { key: commandKey, name: 'ledgerAdmin', at: now.toISOString(), result } : undefined;
  switch (request.type) {
    case 'export': {
      const file = await s.exportFile(now);
      // Compact, and in ASCII where the ledger is mostly in Latin letters (export.ts `exportText`): the file
      // is for Scopekeeper's import first (a ledger of 100,000 decisions stays well under the import limit);
      // the last export's time is set only once the file is written ('export-saved', sent by the page
      // after the save).
      return done({
        type: 'export',
        json: exportText(file, MAX_IMPORT_BYTES),
        fileName: `scopekeeper-ledger-${now.toISOString().slice(0, 10)}.json`,
      });
    }
    case 'export-saved':
      await s.setTime('lastExportAt', now);
      return done({ type: 'export-saved', at: now.toISOString() });
    case 'export-csv': {
      const file = await s.exportFile(now, { watch: false });
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
      const bytes = byteLength ?? utf8Length(request.text);
      const applied = request.type === 'apply-import';
      const options = {
        now,
        maxGrantDays: settings.maxGrantDays,
        retentionDays: settings.changeRetentionDays,
        ...(onProgress ? { onProgress } : {}),
      };
      // The names are read from the page's snapshots for the screen; a replayed answer goes without them.
      const summary = (p: ImportPlan, names: Record<string, string> = {}): AdminResult => {
        // The preview lists every change that silences something, for the admin to agree to; once
        // imported, the page says what was added in counts only, so the answer (kept with the command for
        // a retry, inside the import's transaction) lists none: 35,000 listed changes of a 100,000-decision
        // file made it 6 MB, written with the decisions and parsed again by the page.
        const changes = applied ? [] : listedChanges(p.changes);
        return {
          type: 'import',
          applied,
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
            names,
            addRuns: p.addRuns.length,
            identicalRuns: p.identicalRuns,
            conflictingRuns: p.conflictingRuns,
            ...(p.watch ? { watch: p.watch } : {}),
          },
        };
      };
      const check = applied
        ? await s.applyImport(
            request.text,
            bytes,
            options,
            { trust: request.trust, acceptKeys: request.acceptKeys },
            mark((p: ImportPlan) => summary(p)),
          )
        : await s.planImport(request.text, bytes, options);
      if (!check.ok) return check;
      if ('replayed' in check) return replayed(check.replayed);
      const listed = applied ? [] : listedChanges(check.plan.changes);
      return done(
        summary(
          check.plan,
          await namesFor(
            s,
            listed.filter((c) => 'subject' in c),
          ),
        ),
      );
    }
    case 'delete-all': {
      const result: AdminResult = { type: 'delete-all' };
      const deleted = await s.deleteAll(mark(() => result));
      return 'replayed' in deleted ? replayed(deleted.replayed) : done(result);
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
