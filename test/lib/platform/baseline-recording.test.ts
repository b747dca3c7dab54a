import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { me, partner, person } from '../domain/rules/helpers';
import { B, listSnapshot, testHub, type TestHub } from './test-hub';

describe('the background keeps each business’s baseline as pages are read (issue 13)', () => {
  let t: TestHub;
  let now = new Date('2026-11-01T10:00:00Z');
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    t = testHub({ now: () => now });
  });
  afterEach(() => t.close());

  it('records what changed between two visits, once the page is recorded', async () => {
    const agency = partner('Byrå AB', '3228568050780001');
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me]) });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('partners', [agency]) });
    await t.hub.recording.flush();
    expect(await t.store.changesOf(B)).toEqual([]);

    now = new Date('2026-11-20T10:00:00Z');
    const intruder = person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, intruder]) });
    await t.hub.recording.flush();
    expect(await t.store.changesOf(B)).toEqual([
      expect.objectContaining({
        kind: 'principal-added',
        subject: 'person:mallory@evil.example',
        name: 'Mallory',
        at: '2026-11-20T10:00:00.000Z',
        since: '2026-11-01T10:00:00.000Z',
        page: 'people',
      }),
    ]);
  });
});
