import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { protocol, unframedOnly } from '@/lib/domain/protocol';
import { acceptPanelPort } from '@/lib/platform/handlers/panel';
import { makePanelToken, PanelTokens } from '@/lib/platform/hub/panel-tokens';
import { panelPortName } from '@/lib/platform/messaging';
import type { Sender } from '@/lib/platform/router';
import { B, listSnapshot, testHub, type TestHub } from '../test-hub';
import { pageMessages } from '@/lib/domain/i18n/page-messages';

const frame = { frameId: 12, documentId: 'DOC-A' };

describe('panel tokens (issue 11, item 2)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes the token each load’s content script made; only the current token is accepted, and a frame is bound only by it', async () => {
    const tokens = new PanelTokens(fakeBrowser.storage.session);
    const first = makePanelToken();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(await tokens.adopt(4, first)).toBe(true);
    expect(await tokens.isCurrent(4, first)).toBe(true);
    expect(await tokens.isCurrent(5, first)).toBe(false); // another tab's
    expect(await tokens.connect(4, frame, first, 0)).toBe(true);
    expect(await tokens.isBound(4, frame, 0)).toBe(true);
    // The same frame number with another document (the frame was navigated) is not the bound panel.
    expect(await tokens.isBound(4, { frameId: 12, documentId: 'DOC-B' }, 0)).toBe(false);

    // The page loads again: a new token, the earlier panel is unbound and its token refused.
    const second = makePanelToken();
    expect(second).not.toBe(first);
    await tokens.adopt(4, second);
    expect(await tokens.isBound(4, frame, 0)).toBe(false);
    expect(await tokens.connect(4, frame, first, 0)).toBe(false);
    expect(await tokens.isBound(4, frame, 0)).toBe(false);
    for (const guess of ['', 'x', second.toUpperCase(), `${second}0`, second.slice(0, 31)])
      expect(await tokens.connect(4, frame, guess, 0)).toBe(false);
    expect(await tokens.connect(4, frame, second, 0)).toBe(true);

    // A frame that presents a wrong token afterwards loses its binding.
    expect(await tokens.connect(4, frame, first, 0)).toBe(false);
    expect(await tokens.isBound(4, frame, 0)).toBe(false);

    // What is not a token is never taken.
    for (const bad of ['', 'x', second.toUpperCase(), `${second}0`])
      expect(await tokens.adopt(4, bad)).toBe(false);
    expect(await tokens.isCurrent(4, second)).toBe(true);
    expect(new Set(Array.from({ length: 200 }, makePanelToken)).size).toBe(200);
  });

  it('survives a stopped worker (storage.session) and is forgotten when the tab closes', async () => {
    const before = new PanelTokens(fakeBrowser.storage.session);
    const token = makePanelToken();
    await before.adopt(4, token);
    await before.connect(4, frame, token);
    await new Promise((resolve) => setTimeout(resolve, 0));

    const after = new PanelTokens(fakeBrowser.storage.session);
    expect(await after.isCurrent(4, token)).toBe(true);
    expect(await after.isBound(4, frame, 0)).toBe(true);

    after.forget(4);
    expect(await after.isCurrent(4, token)).toBe(false);
    expect(await after.isBound(4, frame, 0)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await new PanelTokens(fakeBrowser.storage.session).isCurrent(4, token)).toBe(false);
  });

  it('refuses what the session mirror holds when it is not a token (stored data is checked again)', async () => {
    await fakeBrowser.storage.session.set({
      'panel-token:4': { current: 'not-a-token', frames: ['12:DOC-A'] },
    });
    const tokens = new PanelTokens(fakeBrowser.storage.session);
    expect(await tokens.isBound(4, frame, 0)).toBe(false);
    expect(await tokens.connect(4, frame, 'not-a-token', 0)).toBe(false);
  });

  it('lets a panel whose connection overtook its content script’s token wait for it (a worker that starts gets both at once)', async () => {
    const tokens = new PanelTokens(fakeBrowser.storage.session);
    const token = makePanelToken();
    const connecting = tokens.connect(4, frame, token, 5000);
    // Its requests wait for the connection being checked.
    const bound = tokens.isBound(4, frame, 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await tokens.adopt(4, token);
    expect(await connecting).toBe(true);
    expect(await bound).toBe(true);
    // Another token arriving in the meantime does not let a panel in; the grace ends with a refusal.
    const other = { frameId: 13, documentId: 'DOC-C' };
    const guessed = tokens.connect(4, other, makePanelToken(), 50);
    await tokens.adopt(4, makePanelToken());
    expect(await guessed).toBe(false);
    expect(await tokens.isBound(4, other, 0)).toBe(false);
  });

  it('keeps the bound panel when the current token is sent again (a page faking `pageshow`), unbinds it when the token changes', async () => {
    const tokens = new PanelTokens(fakeBrowser.storage.session);
    const first = makePanelToken();
    await tokens.adopt(4, first);
    expect(await tokens.connect(4, frame, first)).toBe(true);
    await tokens.adopt(4, first);
    expect(await tokens.isBound(4, frame, 0)).toBe(true);
    // A new load, then the first one back from the cache: the token changed twice, its frame is unbound.
    await tokens.adopt(4, makePanelToken());
    await tokens.adopt(4, first);
    expect(await tokens.isCurrent(4, first)).toBe(true);
    expect(await tokens.isBound(4, frame, 0)).toBe(false);
  });

  it('lets a request wait for its panel’s connection that is being checked', async () => {
    const tokens = new PanelTokens(fakeBrowser.storage.session);
    const token = makePanelToken();
    await tokens.adopt(4, token);
    const connecting = tokens.connect(4, frame, token);
    expect(await tokens.isBound(4, frame, 0)).toBe(true);
    await connecting;
  });
});

/** A runtime port as the browser gives the background, from a frame of a tab. */
function fakePort(
  name: string,
  sender: { tabId?: number; url: string; frameId: number; documentId?: string },
): { port: Browser.runtime.Port; received: unknown[]; disconnected: () => boolean } {
  const received: unknown[] = [];
  let disconnected = false;
  const port = {
    name,
    sender: {
      ...(sender.tabId !== undefined ? { tab: { id: sender.tabId } } : {}),
      url: sender.url,
      frameId: sender.frameId,
      ...(sender.documentId ? { documentId: sender.documentId } : {}),
    },
    postMessage: (message: unknown) => received.push(message),
    disconnect: () => {
      disconnected = true;
    },
    onDisconnect: { addListener: () => undefined },
    onMessage: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return { port, received, disconnected: () => disconnected };
}

describe('a panel that the page framed itself, against the background', () => {
  let t: TestHub;
  const TAB = 3;
  const panelUrl = () => fakeBrowser.runtime.getURL('/panel.html');
  const inFrame = (frameId: number, documentId: string): Sender => ({
    kind: 'page',
    tabId: TAB,
    url: panelUrl(),
    frameId,
    documentId,
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    t = testHub({ now: '2026-11-28T12:00:00.000Z' });
    await t.showPage(listSnapshot('people', []), TAB);
  });
  afterEach(() => t.close());

  const issue = async () => {
    const token = makePanelToken();
    const reply = await t.ask('panelToken', { token }, t.contentSender(TAB));
    if (!reply.ok || !reply.value.taken) throw new Error('token not taken');
    return token;
  };

  it('gives the state to the panel with the current token, and a refusal to one without', async () => {
    const token = await issue();
    const ours = fakePort(panelPortName(token), { tabId: TAB, url: panelUrl(), frameId: 7, documentId: 'A' });
    acceptPanelPort(t.hub, ours.port);
    const framed = fakePort(panelPortName(''), { tabId: TAB, url: panelUrl(), frameId: 8, documentId: 'B' });
    acceptPanelPort(t.hub, framed.port);
    const guessed = fakePort(panelPortName('0'.repeat(32)), {
      tabId: TAB,
      url: panelUrl(),
      frameId: 9,
      documentId: 'C',
    });
    acceptPanelPort(t.hub, guessed.port);
    await vi.waitFor(() => expect(framed.disconnected()).toBe(true));
    await vi.waitFor(() => expect(guessed.disconnected()).toBe(true));
    await t.hub.publisher.settled();

    expect(ours.disconnected()).toBe(false);
    expect(ours.received).toHaveLength(1);
    // A new port's first message is a whole state: a delta on the empty state (lib/domain/panel-delta.ts).
    expect(ours.received[0]).toMatchObject({
      seq: 1,
      base: 0,
      delta: { snapshot: { kind: 'people', businessId: B } },
    });
    for (const refused of [framed, guessed])
      expect(refused.received).toEqual([{ refused: { code: 'panel-not-ours' } }]);
  });

  it('refuses every message from a framed panel, and from a panel of an earlier load; popup and options keep working', async () => {
    const token = await issue();
    acceptPanelPort(
      t.hub,
      fakePort(panelPortName(token), { tabId: TAB, url: panelUrl(), frameId: 7, documentId: 'A' }).port,
    );
    const requests = [
      ['focusSubject', 'person:anna@sjobod.se'],
      ['findingFix', { ruleId: 'pending-invite', subject: 'person:anna@sjobod.se' }],
      ['subjectRecord', { businessId: B, subject: 'person:anna@sjobod.se' }],
      ['changeTimeline', { businessId: B }],
      ['watchedBusinesses', {}],
      ['ledgerCommand', { type: 'revoke', businessId: B, subject: 'partner:1', rationale: 'done' }],
      ['checklistCommand', { type: 'discard', runId: 'run-1' }],
      ['openTarget', { businessId: B }],
      ['snooze', { group: 'end:x', days: 1 }],
      ['popupState', { tabId: TAB }],
      ['ledgerAdmin', { type: 'delete-all' }],
      ['unsnooze', { group: 'end:x' }],
      ['uploadPart', { transfer: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f', index: 0, count: 1, text: '{}' }],
      ['downloadPart', { transfer: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f', index: 0 }],
      ['importProgress', { commandKey: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f' }],
      ['overview', {}],
      ['assetPaths', { businessId: B }],
      ['reviewStart', { businessId: B }],
      ['reviewGet', { campaignId: 'c1' }],
      [
        'reviewDecide',
        { campaignId: 'c1', decisions: [{ itemId: 'x|portfolio', kind: 'keep', rationale: '' }] },
      ],
      ['reviewSignOff', { campaignId: 'c1', reviewer: 'Anna', role: 'Owner' }],
      ['reviewList', {}],
      // Nothing saved: no request would leave anyway.
      ['teamConnection', {}],
      ['teamStatus', {}],
      ['teamConflicts', {}],
      ['teamConflictsOf', { businessId: B, subject: 'partner:1' }],
      ['teamConflictVersions', { grantId: 'g-1' }],
      ['resolveTeamConflict', { grantId: 'g-1', keepRev: '2-abc' }],
      ['teamQuarantine', {}],
      ['teamRecordConflicts', {}],
      ['teamRecordConflictsOf', { businessId: B }],
      ['teamRecordConflictVersions', { kind: 'checklist', id: 'run-1' }],
      ['resolveTeamRecordConflict', { kind: 'review', id: 'c1', keepRev: '2-abc' }],
    ] as const;
    // Every message an extension page may send is tried (a new one must be added here).
    expect(requests.map(([name]) => name).sort()).toEqual(
      (Object.keys(protocol) as (keyof typeof protocol)[])
        .filter((n) => protocol[n].from !== 'content')
        .sort(),
    );
    // The real panel is answered (whatever the answer), a framed one never. Each framed refusal first waits
    // out the connection grace (panel-tokens.ts `graceMs`, ~1 s): they are sent at once.
    const framed = await Promise.all(
      requests.map(([name, data]) => t.hub.router.dispatch(name, data, inFrame(8, 'B'))),
    );
    for (const [i, [name, data]] of requests.entries()) {
      expect(framed[i], name).toMatchObject({ ok: false, error: { code: 'panel-not-ours' } });
      const ours = await t.hub.router.dispatch(name, data, inFrame(7, 'A'));
      // Every business at once (issue 15) goes to no panel at all, not even the bound one.
      if (unframedOnly.has(name))
        expect(ours, name).toMatchObject({ ok: false, error: { code: 'panel-not-ours' } });
      else expect(ours.ok ? 'answered' : ours.error.code, name).not.toBe('panel-not-ours');
    }
    // The overview page and the options page (their tab's top frame) are answered; popup too.
    for (const page of ['/overview.html', '/options.html'])
      for (const [name, data] of [
        ['overview', {}],
        ['assetPaths', { businessId: B }],
      ] as const)
        expect(
          await t.hub.router.dispatch(name, data, {
            kind: 'page',
            tabId: 41,
            frameId: 0,
            url: fakeBrowser.runtime.getURL(page as '/options.html'),
          }),
          `${name} from ${page}`,
        ).toMatchObject({ ok: true });
    // An extension page framed anywhere (not panel.html) is refused them too, token or none.
    expect(
      await t.hub.router.dispatch(
        'overview',
        {},
        { kind: 'page', tabId: TAB, frameId: 3, url: fakeBrowser.runtime.getURL('/options.html') },
      ),
    ).toMatchObject({ ok: false, error: { code: 'panel-not-ours' } });
    // panel.html in a window of its own (a page may open it: it is web-accessible) is refused too.
    expect(await t.hub.router.dispatch('popupState', {}, { ...inFrame(0, 'D'), frameId: 0 })).toMatchObject({
      ok: false,
      error: { code: 'panel-not-ours' },
    });
    // Popup (no tab) and options (its own tab's top frame) are not framed and not web-accessible.
    expect(
      await t.hub.router.dispatch(
        'popupState',
        {},
        { kind: 'page', url: fakeBrowser.runtime.getURL('/popup.html') },
      ),
    ).toMatchObject({ ok: true });
    expect(
      await t.hub.router.dispatch(
        'ledgerAdmin',
        { type: 'verify' },
        { kind: 'page', tabId: 40, frameId: 0, url: fakeBrowser.runtime.getURL('/options.html') },
      ),
    ).toMatchObject({ ok: true });

    // The page is loaded again: the panel of the earlier load is refused from now on.
    await issue();
    expect(await t.hub.router.dispatch('popupState', {}, inFrame(7, 'A'))).toMatchObject({
      ok: false,
      error: { code: 'panel-not-ours' },
    });
  });

  it('retires the token when the tab leaves Business Settings, and keeps it across its own SPA navigations', async () => {
    const token = await issue();
    acceptPanelPort(
      t.hub,
      fakePort(panelPortName(token), { tabId: TAB, url: panelUrl(), frameId: 7, documentId: 'A' }).port,
    );
    await t.hub.panelTokens.isBound(TAB, { frameId: 7, documentId: 'A' });
    const tab = (url?: string) => ({ id: TAB, ...(url ? { url } : {}) }) as never;
    await fakeBrowser.tabs.onUpdated.trigger(
      TAB,
      { url: 'https://business.facebook.com/latest/settings/partners' },
      tab('https://business.facebook.com/latest/settings/partners'),
    );
    expect(await t.hub.panelTokens.isCurrent(TAB, token)).toBe(true);
    expect(await t.hub.panelTokens.isBound(TAB, { frameId: 7, documentId: 'A' }, 0)).toBe(true);
    // Another site: the browser does not tell an extension without access to it where the tab is.
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading' }, tab());
    await vi.waitFor(async () => expect(await t.hub.panelTokens.isCurrent(TAB, token)).toBe(false));
    expect(await t.hub.panelTokens.isBound(TAB, { frameId: 7, documentId: 'A' }, 0)).toBe(false);
    // Back from the back/forward cache, its own content script sends the token again.
    // With the words the page says once the extension has gone, in the admin's language.
    const words = pageMessages('en');
    expect(await t.ask('panelToken', { token }, t.contentSender(TAB))).toEqual({
      ok: true,
      value: { taken: true, farewell: { unreachable: words.page_unreachable, dismiss: words.page_dismiss } },
    });
    expect(await t.hub.panelTokens.isCurrent(TAB, token)).toBe(true);
  });

  it('forgets the token when the tab closes', async () => {
    const token = await issue();
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    expect(await t.hub.panelTokens.isCurrent(TAB, token)).toBe(false);
  });
});
