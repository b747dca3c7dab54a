import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { LedgerStore } from '@/lib/ledger/store';
import { me, partner, person, systemUser } from '../domain/rules/helpers';
import { B, listSnapshot, testHub, type TestHub } from './test-hub';

const C = '2203456789012345';
const D = '3303456789012345';
const in_ = (businessId: string, s: PageSnapshot): PageSnapshot => ({
  ...s,
  businessId,
  url: s.url.replace(B, businessId),
});
const ads = {
  type: 'ad-account' as const,
  id: '444555666',
  name: 'Main ads',
  access: 'full' as const,
  tasks: [],
};
const assetPage = (businessId: string, principals: Principal[]): PageSnapshot => ({
  ...listSnapshot('people', principals),
  kind: 'asset',
  businessId,
  url: `https://business.facebook.com/latest/settings/ad_accounts?business_id=${businessId}&selected_asset_id=444555666`,
});

describe('the overview and asset view messages (issue 15)', () => {
  let t: TestHub;
  let now = new Date('2026-11-01T10:00:00Z');
  const options = () => ({
    kind: 'page' as const,
    tabId: 50,
    frameId: 0,
    url: fakeBrowser.runtime.getURL('/options.html'),
  });
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    now = new Date('2026-11-01T10:00:00Z');
    t = testHub({ now: () => now });
  });
  afterEach(() => t.close());

  it('counts every business read, and lists every path to each asset of one, exactly', async () => {
    const lisa = person('Lisa Kant', 'lisa@sjobod.se');
    // Business B: People, then an intruder with full control a visit later (unrecorded), a partner.
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa]) });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('partners', [partner('Byrå AB', '987654321')]) });
    await t.hub.recording.flush();
    now = new Date('2026-11-20T10:00:00Z');
    const mallory = person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa, mallory]) });
    await t.hub.recording.flush();
    // Business C: System users (a bot on the ad account) and the ad account's own page.
    const bot = systemUser('Feed bot', '55555', { assets: [ads] });
    await t.ask('reportSnapshot', { snapshot: in_(C, listSnapshot('people', [me])) }, t.contentSender(2));
    await t.ask(
      'reportSnapshot',
      { snapshot: in_(C, listSnapshot('system-users', [bot])) },
      t.contentSender(2),
    );
    await t.ask(
      'reportSnapshot',
      { snapshot: assetPage(C, [{ ...me, assets: [ads] }, bot]) },
      t.contentSender(2, `https://business.facebook.com/latest/settings/ad_accounts?business_id=${C}`),
    );
    // Business D: only People, quiet.
    await t.ask('reportSnapshot', { snapshot: in_(D, listSnapshot('people', [me])) }, t.contentSender(3));
    await t.hub.recording.flush();

    const reply = await t.ask('overview', {}, options());
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    const rows = new Map(reply.value.businesses.map((r) => [r.businessId, r]));
    expect([...rows.keys()]).toEqual([B, C, D]);
    expect(rows.get(B)).toMatchObject({
      unrecorded: 1,
      unrecordedFullControl: 1,
      principals: 4,
      assets: 0,
      lastRead: { people: '2026-11-20T10:00:00.000Z', partners: '2026-11-01T10:00:00.000Z' },
    });
    expect(rows.get(B)!.findings.high).toBeGreaterThan(0);
    expect(rows.get(C)).toMatchObject({
      unrecorded: 0,
      principals: 2,
      assets: 1,
      lastRead: {
        people: '2026-11-20T10:00:00.000Z',
        'system-users': '2026-11-20T10:00:00.000Z',
        asset: '2026-11-20T10:00:00.000Z',
      },
    });
    expect(rows.get(D)).toMatchObject({ unrecorded: 0, principals: 1, assets: 0, due: 0, openRuns: 0 });
    expect(rows.get(D)!.lastRead).toEqual({ people: '2026-11-20T10:00:00.000Z' });

    const paths = await t.ask('assetPaths', { businessId: C }, options());
    if (!paths.ok) throw new Error(JSON.stringify(paths.error));
    expect(
      paths.value.assets.map((a) => [a.key, a.pageReadAt, a.paths.map((p) => [p.via, p.subject, p.access])]),
    ).toEqual([
      [
        'ad-account:444555666',
        '2026-11-20T10:00:00.000Z',
        [
          ['person', 'person:anna@sjobod.se', 'full'],
          ['system-user', 'system-user:55555', 'full'],
        ],
      ],
    ]);
    // A business with no assets read, and one never seen: no assets.
    expect(await t.ask('assetPaths', { businessId: D }, options())).toEqual({
      ok: true,
      value: { assets: [] },
    });
    expect(await t.ask('assetPaths', { businessId: '42' }, options())).toEqual({
      ok: true,
      value: { assets: [] },
    });
    // Named as a page last showed the business (issue 15, item 1).
    await t.ask(
      'reportSnapshot',
      { snapshot: { ...in_(D, listSnapshot('people', [me])), businessName: 'Dala Bageri AB' } },
      t.contentSender(3),
    );
    await t.hub.recording.flush();
    expect(await t.ask('assetPaths', { businessId: D }, options())).toEqual({
      ok: true,
      value: { assets: [], name: 'Dala Bageri AB' },
    });
    // The panel of a Business Settings tab is refused both, though it is ours.
    expect(await t.ask('overview', {}, t.pageSender(1))).toMatchObject({
      ok: false,
      error: { code: 'panel-not-ours' },
    });
  });
  it('keeps its rows while nothing is written, reads again after a write or ten minutes, and counts items due afresh', async () => {
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me]) });
    await t.hub.recording.flush();
    const reads = vi.spyOn(t.hub.store, 'overviewFacts');
    const rows = async () => {
      const reply = await t.ask('overview', {}, options());
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return reply.value.businesses;
    };
    const first = await rows();
    expect(first.map((r) => [r.businessId, r.principals])).toEqual([[B, 1]]);
    expect(await rows()).toEqual(first);
    expect(reads).toHaveBeenCalledTimes(1);

    // A write, by any path (here a read stored from the page), is seen at once.
    await t.ask('reportSnapshot', {
      snapshot: listSnapshot('people', [me, person('Lisa Kant', 'lisa@sjobod.se')]),
    });
    await t.hub.recording.flush();
    expect((await rows()).map((r) => [r.businessId, r.principals])).toEqual([[B, 2]]);
    expect(reads).toHaveBeenCalledTimes(2);
    await rows();
    expect(reads).toHaveBeenCalledTimes(2);

    // Items due are the reminders' own count at each call, kept rows or not.
    const due = vi.spyOn(t.hub.reminders, 'currentDue').mockReturnValue([{} as never, {} as never]);
    expect((await rows())[0]!.due).toBe(2);
    due.mockRestore();

    // Rules that count days from now see a fresh clock after ten minutes.
    now = new Date(now.getTime() + 10 * 60_000);
    await rows();
    expect(reads).toHaveBeenCalledTimes(3);

    // A read just taken in, still waiting for its quiet time to be recorded, is recorded first.
    await t.ask('reportSnapshot', {
      snapshot: listSnapshot('people', [
        me,
        person('Lisa Kant', 'lisa@sjobod.se'),
        person('Ola', 'ola@x.se'),
      ]),
    });
    expect((await rows()).map((r) => [r.businessId, r.principals])).toEqual([[B, 3]]);
  });
  it('after a write reads again only the business it touched; an import reads all; items due stay fresh', async () => {
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me]) });
    await t.ask('reportSnapshot', { snapshot: in_(C, listSnapshot('people', [me])) }, t.contentSender(2));
    await t.hub.recording.flush();
    const reads = vi.spyOn(t.hub.store, 'overviewFacts');
    const rows = async () => {
      const reply = await t.ask('overview', {}, options());
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return reply.value.businesses;
    };
    const first = await rows();
    expect(first.map((r) => [r.businessId, r.principals])).toEqual([
      [B, 1],
      [C, 1],
    ]);
    expect(reads.mock.calls.map(([ids]) => [...ids])).toEqual([[B, C]]);

    // A read of B stored: B is read again, C's row is the one kept.
    await t.ask('reportSnapshot', {
      snapshot: listSnapshot('people', [
        me,
        person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' }),
      ]),
    });
    await t.hub.recording.flush();
    const second = await rows();
    expect(reads.mock.calls.map(([ids]) => [...ids])).toEqual([[B, C], [B]]);
    expect(second[0]).toMatchObject({ businessId: B, principals: 2 });
    expect(second[0]!.findings).not.toEqual(first[0]!.findings);
    expect(second[1]).toEqual(first[1]);

    // Items due are the reminders' own count at each call, for kept rows too.
    const due = vi
      .spyOn(t.hub.reminders, 'currentDue')
      .mockImplementation((id) => (id === C ? [{} as never] : []));
    expect((await rows()).map((r) => r.due)).toEqual([0, 1]);
    due.mockRestore();
    expect(reads).toHaveBeenCalledTimes(2);

    // An import cannot be placed in one business: every row is read again.
    const other = new LedgerStore(`ledger-${Math.random()}`);
    try {
      await other.appendDecision({
        at: '2026-11-01T09:00:00.000Z',
        businessId: C,
        subject: 'person:eve@evil.example',
        action: 'note',
        rationale: 'Asked',
        decidedBy: 'bo@sjobod.se',
      });
      const text = JSON.stringify(await other.exportFile(now));
      const size = new TextEncoder().encode(text).length;
      expect((await t.hub.store.applyImport(text, size, { now }, { trust: [] })).ok).toBe(true);
    } finally {
      other.close();
    }
    await rows();
    expect(reads.mock.calls.map(([ids]) => [...ids])).toEqual([[B, C], [B], [B, C]]);
  });
});
