import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkEndDate } from '@/lib/domain/ledger/commands';
import { defaultSettings } from '@/lib/domain/settings';
import {
  ledgerStore,
  runLedgerCommand,
  subjectRecord,
  type CommandContext,
} from '@/lib/platform/ledger-handlers';

const context = (now = '2026-11-28T12:00:00Z'): CommandContext => ({
  now: new Date(now),
  decidedBy: 'anna@sjobod.se',
  settings: defaultSettings,
  isThirdParty: (_b, subject) => subject !== 'person:maja@sjobod.se',
});
const B = '1203456789012345';

describe('ledger commands', () => {
  it('checks end dates: required for third parties, not before the start, within the maximum duration', () => {
    expect(checkEndDate('2026-11-28', undefined, true, 90)).toBe(
      'An end date is required for a third party.',
    );
    expect(checkEndDate('2026-11-28', undefined, false, 90)).toBeUndefined();
    expect(checkEndDate('2026-11-28', '2026-11-01', false, 90)).toBe(
      'The end date is before the start date.',
    );
    expect(checkEndDate('2026-11-28', '2027-02-26', true, 90)).toBeUndefined();
    expect(checkEndDate('2026-11-28', '2027-02-27', true, 90)).toBe(
      'The end date may be at most 90 days after the start (2027-02-26).',
    );
  });

  it('documents, extends within the cap, revokes and accepts, each appending a decision to one chain', async () => {
    const subject = 'partner:3228568050780001';
    const doc = await runLedgerCommand(
      {
        type: 'document',
        businessId: B,
        subject,
        assets: [],
        case: 'Spring campaign',
        startsAt: '2026-11-28',
        endsAt: '2026-12-31',
      },
      context(),
    );
    expect(doc).toMatchObject({
      ok: true,
      decision: { action: 'grant', rationale: 'Spring campaign', decidedBy: 'anna@sjobod.se' },
    });
    const { grants } = await subjectRecord({ businessId: B, subject });
    const grantId = grants[0]!.id;
    expect(
      await runLedgerCommand(
        { type: 'extend', grantId, endsAt: '2027-06-01', rationale: 'More work' },
        context(),
      ),
    ).toEqual({
      ok: false,
      error: 'An extension may reach at most 90 days from today (2027-02-26).',
    });
    expect(
      await runLedgerCommand({ type: 'extend', grantId, endsAt: '2026-12-01', rationale: 'x' }, context()),
    ).toMatchObject({ ok: false });
    expect(
      await runLedgerCommand(
        { type: 'extend', grantId, endsAt: '2027-01-31', rationale: 'Campaign extended' },
        context(),
      ),
    ).toMatchObject({
      ok: true,
      decision: { action: 'extend', before: { endsAt: '2026-12-31' }, after: { endsAt: '2027-01-31' } },
    });
    expect(
      await runLedgerCommand(
        { type: 'revoke', businessId: B, subject, rationale: 'Work ended' },
        context('2026-12-15T09:00:00Z'),
      ),
    ).toMatchObject({
      ok: true,
      decision: { action: 'revoke', after: { endsAt: '2026-12-15' } },
    });
    expect(
      await runLedgerCommand(
        {
          type: 'accept-finding',
          businessId: B,
          subject,
          ruleId: 'broad-partner-scope',
          rationale: 'Agency of record',
          reviewAt: '2027-01-15',
        },
        context(),
      ),
    ).toMatchObject({ ok: true });
    const record = await subjectRecord({ businessId: B, subject });
    expect(record.grants[0]!.endsAt).toBe('2026-12-15');
    expect(record.decisions.map((d) => d.action)).toEqual(['grant', 'extend', 'revoke', 'accept-finding']);
    const facts = await ledgerStore().ledgerFacts(B);
    expect(facts.accepted?.get(`${subject} broad-partner-scope`)).toBe('2027-01-15');
    expect((await ledgerStore().verify()).every((v) => v.check.ok)).toBe(true);
  });

  it('refuses a malformed command with the field that is wrong', async () => {
    expect(
      await runLedgerCommand(
        { type: 'document', businessId: B, subject: 's', assets: [], case: ' ', startsAt: '2026-11-28' },
        context(),
      ),
    ).toEqual({
      ok: false,
      error: 'case: the case or purpose is required',
    });
    expect(await runLedgerCommand({ type: 'drop-table' }, context())).toMatchObject({ ok: false });
    expect(await subjectRecord({ businessId: 1, subject: {} })).toEqual({ grants: [], decisions: [] });
  });
});
