import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLedgerCommand } from '@/lib/platform/ledger';
import { LedgerStore } from '@/lib/ledger/store';
import { B, contextAt as at, refusal, freshTestHub, type TestHub } from './test-hub';

/** Issue 11, item 3: another admin's revocation stops no reminder until the admin trusts them. */
describe('reminders and a colleague’s imported revocation', () => {
  let t: TestHub;
  let carl: LedgerStore;
  beforeEach(() => {
    t = freshTestHub('2026-11-28T12:00:00Z', 'en-GB');
    carl = new LedgerStore(`carl-${Math.random()}`);
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
  });
  afterEach(async () => {
    carl.close();
    await t.close();
  });

  it('keeps reminding until the colleague is trusted, then stops; stops again only while trusted', async () => {
    const documented = await runLedgerCommand(
      t.store,
      {
        type: 'document',
        businessId: B,
        subject: 'person:nils@byraab.se',
        assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
        case: 'Spring campaign',
        startsAt: '2026-11-01',
        endsAt: '2026-11-29',
      },
      at('2026-11-01T10:00:00Z'),
    );
    if (!documented.ok) throw new Error(refusal(documented));
    const revoked = await runLedgerCommand(
      carl,
      { type: 'revoke', businessId: B, subject: 'person:nils@byraab.se', rationale: 'Quietly ended' },
      at('2026-11-28T11:00:00Z'),
    );
    expect(revoked.ok).toBe(true);
    const file = JSON.stringify(await carl.exportFile(new Date('2026-11-28T11:30:00Z')));
    const options = { now: new Date('2026-11-28T12:00:00Z'), maxGrantDays: 90 };
    expect((await t.store.applyImport(file, file.length, options)).ok).toBe(true);

    const { reminders } = t.hub;
    const before = await reminders.check(new Date('2026-11-28T12:00:00Z'));
    expect(before.notified).toHaveLength(1);
    expect(reminders.currentDue(B)).toHaveLength(1);

    await t.store.setTrusted(await carl.getLedgerId(), true, new Date('2026-11-28T12:10:00Z'));
    expect(await reminders.check(new Date('2026-11-28T12:20:00Z'))).toMatchObject({ notified: [], badge: 0 });
    expect(reminders.currentDue(B)).toEqual([]);

    await t.store.setTrusted(await carl.getLedgerId(), false, new Date('2026-11-28T12:30:00Z'));
    await reminders.check(new Date('2026-11-28T12:40:00Z'));
    expect(reminders.currentDue(B)).toHaveLength(1);
  });
});
