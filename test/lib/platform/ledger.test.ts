import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeProblem } from '@/lib/domain/i18n';
import { checkEndDate } from '@/lib/domain/ledger/commands';
import { runLedgerCommand, subjectRecord } from '@/lib/platform/ledger';
import { B, contextAt, refusal, testHub, type TestHub } from './test-hub';

const context = (now = '2026-11-28T12:00:00Z') =>
  contextAt(now, (_b, subject) => subject !== 'person:maja@sjobod.se');

describe('ledger commands', () => {
  let t: TestHub;
  beforeEach(() => {
    fakeBrowser.reset();
    t = testHub({ now: '2026-11-28T12:00:00Z' });
  });
  afterEach(() => t.close());

  it('checks end dates: required for third parties, not before the start, within the maximum duration', () => {
    const endDate = (...args: Parameters<typeof checkEndDate>) => {
      const problem = checkEndDate(...args);
      return problem && describeProblem('en', problem);
    };
    expect(endDate('2026-11-28', undefined, true, 90)).toBe('An end date is required for a third party.');
    expect(endDate('2026-11-28', undefined, false, 90)).toBeUndefined();
    expect(endDate('2026-11-28', '2026-11-01', false, 90)).toBe('The end date is before the start date.');
    expect(endDate('2026-11-28', '2027-02-26', true, 90)).toBeUndefined();
    expect(endDate('2026-11-28', '2027-02-27', true, 90)).toBe(
      'The end date may be at most 90 days after the start (2027-02-26).',
    );
  });

  it('documents, extends within the cap, revokes and accepts, each appending a decision to one chain', async () => {
    const { store } = t;
    const subject = 'partner:3228568050780001';
    const doc = await runLedgerCommand(
      store,
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
    const { grants } = await subjectRecord(store, { businessId: B, subject });
    const grantId = grants[0]!.id;
    expect(
      refusal(
        await runLedgerCommand(
          store,
          { type: 'extend', grantId, endsAt: '2027-06-01', rationale: 'More work' },
          context(),
        ),
      ),
    ).toBe('An extension may reach at most 90 days from today (2027-02-26).');
    expect(
      await runLedgerCommand(
        store,
        { type: 'extend', grantId, endsAt: '2026-12-01', rationale: 'x' },
        context(),
      ),
    ).toMatchObject({ ok: false });
    expect(
      await runLedgerCommand(
        store,
        { type: 'extend', grantId, endsAt: '2027-01-31', rationale: 'Campaign extended' },
        context(),
      ),
    ).toMatchObject({
      ok: true,
      decision: { action: 'extend', before: { endsAt: '2026-12-31' }, after: { endsAt: '2027-01-31' } },
    });
    expect(
      await runLedgerCommand(
        store,
        { type: 'revoke', businessId: B, subject, rationale: 'Work ended' },
        context('2026-12-15T09:00:00Z'),
      ),
    ).toMatchObject({
      ok: true,
      decision: { action: 'revoke', after: { endsAt: '2026-12-15' } },
    });
    expect(
      await runLedgerCommand(
        store,
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
    const record = await subjectRecord(store, { businessId: B, subject });
    expect(record.grants[0]!.endsAt).toBe('2026-12-15');
    expect(record.decisions.map((d) => d.action)).toEqual(['grant', 'extend', 'revoke', 'accept-finding']);
    const facts = await store.ledgerFacts(B);
    expect(facts.accepted?.get(`${subject} broad-partner-scope`)).toBe('2027-01-15');
    expect((await store.verify()).every((v) => v.check.ok)).toBe(true);
  });

  it('refuses a malformed command with the field that is wrong', async () => {
    expect(
      await t.ask('ledgerCommand', {
        type: 'document',
        businessId: B,
        subject: 's',
        assets: [],
        case: ' ',
        startsAt: '2026-11-28',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request', facts: { field: 'case' } } });
    expect(await t.ask('ledgerCommand', { type: 'drop-table' })).toMatchObject({ ok: false });
    expect(await t.ask('subjectRecord', { businessId: 1, subject: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
