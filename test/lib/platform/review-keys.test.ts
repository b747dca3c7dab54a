import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { me, person } from '../domain/rules/helpers';
import { B, listSnapshot, testHub, type TestHub } from './test-hub';

/** Issue 14: a retried review command (same idempotency key) does not apply twice. */
describe('review commands with idempotency keys', () => {
  let t: TestHub;
  const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
  const NILS = 'person:nils@byraab.se|portfolio';
  const key = () => crypto.randomUUID();

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    t = testHub({ now: '2026-11-02T10:00:00Z' });
    expect((await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, nils]) })).ok).toBe(true);
    await t.hub.recording.flush();
  });
  afterEach(() => t.close());

  const chain = async () => t.store.chain(await t.store.getLedgerId());

  it('a retried start, decision and sign-off answer as the first did and write nothing again', async () => {
    const startKey = key();
    const first = await t.ask('reviewStart', { businessId: B, commandKey: startKey });
    const again = await t.ask('reviewStart', { businessId: B, commandKey: startKey });
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again.value.campaign.id).toBe(first.value.campaign.id);
    expect(await t.store.campaigns(B)).toHaveLength(1);
    const id = first.value.campaign.id;

    const decide = {
      campaignId: id,
      decisions: [{ itemId: NILS, kind: 'revoke' as const, rationale: 'Left' }],
      commandKey: key(),
    };
    // Delivered twice at once, and once more later.
    const both = await Promise.all([t.ask('reviewDecide', decide), t.ask('reviewDecide', decide)]);
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    expect(await t.ask('reviewDecide', decide)).toMatchObject({ ok: true });
    expect((await chain()).filter((d) => d.action === 'revoke')).toHaveLength(1);
    // The same key with another request is refused, not answered with the first's answer.
    expect(
      await t.ask('reviewDecide', { ...decide, decisions: [{ itemId: NILS, kind: 'keep', rationale: '' }] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

    const rest = (await t.store.campaign(id))!.items.filter((i) => !i.decision);
    expect(
      await t.ask('reviewDecide', {
        campaignId: id,
        decisions: rest.map((i) => ({ itemId: i.id, kind: 'keep' as const, rationale: '' })),
      }),
    ).toMatchObject({ ok: true });
    const signOff = { campaignId: id, reviewer: 'Anna Berg', role: 'Owner', commandKey: key() };
    expect(await t.ask('reviewSignOff', signOff)).toMatchObject({ ok: true });
    // Without the key the second sign-off would be refused as finished; with it, the first answer.
    expect(await t.ask('reviewSignOff', signOff)).toMatchObject({
      ok: true,
      value: { campaign: { status: 'finished' } },
    });
    expect((await chain()).filter((d) => d.action === 'note')).toHaveLength(1);
    // A key of another message is refused.
    expect(await t.ask('reviewStart', { businessId: B, commandKey: signOff.commandKey })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
