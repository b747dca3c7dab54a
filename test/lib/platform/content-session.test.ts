// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageMessages, sayFrom } from '@/lib/domain/i18n/page-messages';
import type { Reply } from '@/lib/domain/protocol';
import type { Finding } from '@/lib/domain/rules/types';
import { runContentSession } from '@/lib/platform/content-session';
import { mountOverlay } from '@/lib/platform/overlay';
import type { SendDelta, SendReport } from '@/lib/platform/snapshot-reporter';

// The wire is replaced: the test plays the background. Messages to the tab are kept to be triggered.
const tabHandlers = vi.hoisted(
  () => new Map<string, (message: { data: unknown; sender: unknown }) => unknown>(),
);
const toBackground = vi.hoisted(() => [] as { name: string; data: unknown }[]);
/** What the played background answers, by message (else `{ ok: true, value: {} }`). */
const answers = vi.hoisted(() => new Map<string, unknown>());
vi.mock('@/lib/platform/messaging', () => ({
  onMessage: (name: string, handler: (message: { data: unknown; sender: unknown }) => unknown) => {
    tabHandlers.set(name, handler);
    return () => tabHandlers.delete(name);
  },
  sendFromContent: (name: string, data: unknown) => {
    toBackground.push({ name, data });
    return Promise.resolve(answers.get(name) ?? { ok: true, value: {} });
  },
}));

// The badge layer is replaced by one that records what the session hands it to draw.
const drawn = vi.hoisted(() => ({ findings: [] as unknown[][] }));
vi.mock('@/lib/page/badges', () => ({
  createBadgeLayer: (doc: Document) => {
    const host = doc.createElement('scopekeeper-badges');
    doc.body.append(host);
    return {
      host,
      setAnchors: () => undefined,
      setFindings: (findings: unknown[]) => {
        drawn.findings.push([...findings]);
        return findings;
      },
      highlight: () => false,
    };
  },
}));

/** happy-dom's own controls on its window (the test environment's). */
const happyDOM = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

const PEOPLE = 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345';

const tooLarge: Reply<'reportSnapshot'> = {
  ok: false,
  error: { code: 'invalid-request', facts: { field: 'snapshot.principals', issue: 'too_big' } },
};

const finding: Finding = {
  ruleId: 'pending-invite',
  severity: 'low',
  subject: 'person:lisa.k@gmail.com',
  subjectName: 'Lisa K',
  message: 'm',
  why: 'w',
  fix: 'f',
};

// Our overlay and badges live in closed shadow roots; the test opens them to look inside.
const attachShadow = Element.prototype.attachShadow;
/** The extension's id (a test takes it away, as a reload of the extension does). */
const extensionId = fakeBrowser.runtime.id;
beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.runtime as { id?: string }).id = extensionId;
  tabHandlers.clear();
  toBackground.length = 0;
  answers.clear();
  drawn.findings = [];
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    return attachShadow.call(this, { ...init, mode: 'open' });
  });
  // happy-dom loads no frames (and says so on every mount): the panel's address is kept, an empty
  // document stands in for it.
  vi.spyOn(HTMLIFrameElement.prototype, 'src', 'set').mockImplementation(function (
    this: HTMLIFrameElement,
    url: string,
  ) {
    this.dataset.src = url;
    this.srcdoc = '';
  });
  happyDOM().setURL(PEOPLE);
  document.body.replaceChildren();
});
afterEach(() => {
  vi.restoreAllMocks();
  document.querySelectorAll('scopekeeper-badges').forEach((e) => e.remove());
  overlay()?.remove();
});

/** The overlay's host: a plain element beside the body, known by what its shadow root holds. */
const overlay = () =>
  [...document.documentElement.children].find(
    (e): e is HTMLElement => e instanceof HTMLElement && e.shadowRoot?.querySelector('.frame') != null,
  ) ?? null;
const notice = () => overlay()?.shadowRoot?.querySelector<HTMLElement>('.notice') ?? null;
const shownNotice = () => (notice() && !notice()!.hidden ? notice()!.textContent : undefined);
const lastDrawn = () => drawn.findings.at(-1);
/**
 * Whether the overlay is shown (issue 12: it is put up hidden, laid out but unseen and out of the pointer's
 * way, and shown by the first read of its page).
 */
const overlayShown = () =>
  !!overlay() &&
  !/display: none|opacity: 0|pointer-events: none/.test(overlay()!.getAttribute('style') ?? '');

/**
 * A session on a People page whose answers come from `answers`, one per snapshot sent. Its background takes
 * no deltas (issue 12: a session then sends every read whole, as before deltas).
 */
function startSession(
  answers: (() => Promise<Reply<'reportSnapshot'>>)[],
  locale: 'en' | 'sv' | 'fr' = 'en',
) {
  const ctx = new ContentScriptContext('content');
  const sent: unknown[] = [];
  const send: SendReport = (report) => {
    sent.push(report);
    const next = answers.shift();
    return next ? next() : Promise.resolve({ ok: true, value: {} });
  };
  const deltas: unknown[] = [];
  const sendDelta: SendDelta = (delta) => {
    deltas.push(delta);
    return Promise.resolve({ ok: false, error: { code: 'invalid-request', facts: {} } });
  };
  runContentSession(ctx, { send, sendDelta, say: sayFrom(pageMessages(locale)) });
  return { ctx, sent, deltas };
}

/** Changes the page so that the next read differs (its address does) and is sent again. */
function changePage(step: string) {
  happyDOM().setURL(`${PEOPLE}&step=${encodeURIComponent(step)}`);
  const p = document.createElement('p');
  p.textContent = step;
  document.body.append(p);
}

describe('the content session says what became of what it read (issue 10, item 5)', () => {
  it('shows the background’s refusal above the panel, in the admin’s words, and clears it once a read is taken in', async () => {
    const { ctx, sent } = startSession([() => Promise.resolve(tooLarge)]);
    await vi.waitFor(() => expect(shownNotice()).toBeDefined(), { timeout: 3000 });
    expect(shownNotice()).toBe(
      'Scopekeeper could not take in what it read on this page, so its findings here may be missing or out of date. What it read is larger than Scopekeeper takes in at once.',
    );
    expect(notice()!.dataset.notice).toBe('refused');
    expect(notice()!.dataset.problemCode).toBe('invalid-request');
    expect(notice()!.getAttribute('role')).toBe('alert');
    // The panel stays where it is, under the notice.
    expect(overlay()!.shadowRoot!.querySelector('iframe')).not.toBeNull();

    changePage('Loaded');
    await vi.waitFor(() => expect(sent.length).toBe(2), { timeout: 3000 });
    await vi.waitFor(() => expect(shownNotice()).toBeUndefined());
    ctx.abort();
  });

  it('draws no badges from an earlier read while the latest read is refused', async () => {
    const answers: (() => Promise<Reply<'reportSnapshot'>>)[] = [
      () => Promise.resolve({ ok: true, value: {} }),
      () => Promise.resolve(tooLarge),
      () => Promise.resolve({ ok: true, value: {} }),
    ];
    const { ctx, sent } = startSession(answers);
    await vi.waitFor(() => expect(sent.length).toBe(1), { timeout: 3000 });
    const showFindings = (data: Finding[]) =>
      tabHandlers.get('showFindings')!({ data, sender: { id: fakeBrowser.runtime.id } });
    showFindings([finding]);
    expect(lastDrawn()).toEqual([finding]);

    changePage('Refused now');
    await vi.waitFor(() => expect(shownNotice()).toBeDefined(), { timeout: 3000 });
    expect(lastDrawn()).toEqual([]);
    // Findings pushed while the latest read is refused are of an earlier read: kept, not drawn.
    showFindings([finding]);
    expect(lastDrawn()).toEqual([]);

    changePage('Taken again');
    await vi.waitFor(() => expect(shownNotice()).toBeUndefined(), { timeout: 3000 });
    expect(lastDrawn()).toEqual([finding]);
    ctx.abort();
  });

  it('draws a list sent in parts once its last part came, and only parts from our background', async () => {
    const { ctx, sent } = startSession([() => Promise.resolve({ ok: true, value: {} })]);
    await vi.waitFor(() => expect(sent.length).toBe(1), { timeout: 3000 });
    const ours = { id: fakeBrowser.runtime.id };
    const second = { ...finding, subject: 'person:ann@gmail.com' };
    const third = { ...finding, subject: 'person:bo@gmail.com' };
    const drawnBefore = drawn.findings.length;
    tabHandlers.get('moreFindings')!({ data: [finding], sender: ours });
    // Another sender's part is not taken.
    tabHandlers.get('moreFindings')!({
      data: [{ ...finding, subject: 'person:eve@evil.example' }],
      sender: {},
    });
    tabHandlers.get('moreFindings')!({ data: [second], sender: ours });
    expect(drawn.findings.length).toBe(drawnBefore);
    tabHandlers.get('showFindings')!({ data: [third], sender: ours });
    expect(lastDrawn()).toEqual([finding, second, third]);
    // The next list starts anew.
    tabHandlers.get('showFindings')!({ data: [second], sender: ours });
    expect(lastDrawn()).toEqual([second]);
    ctx.abort();
    expect(tabHandlers.has('moreFindings')).toBe(false);
  });

  it('says the background cannot be reached when sending fails, rather than throwing', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const { ctx } = startSession([() => Promise.reject(new Error('Extension context invalidated.'))], 'sv');
    await vi.waitFor(() => expect(shownNotice()).toBeDefined(), { timeout: 3000 });
    expect(shownNotice()).toMatch(/^Scopekeeper når inte längre resten av tillägget/);
    expect(notice()!.dataset.notice).toBe('unreachable');
    expect(errors).toEqual([]);
    window.removeEventListener('error', onError);
    ctx.abort();
  });

  it('puts the panel up in a task of its own with the token it sent the background, hidden until a read of a page it belongs on shows it (issue 12, item 4)', async () => {
    expect(document.readyState).toBe('complete');
    // The overlay's state when it is put up (a mutation observer's callback runs at the end of that task).
    const atMount: {
      shown: boolean;
      inert: boolean;
      laidOut: boolean;
      framed: boolean;
      readsSent: number;
    }[] = [];
    const watcher = new MutationObserver(() => {
      const host = overlay();
      if (!host || atMount.length > 0) return;
      atMount.push({
        shown: overlayShown(),
        inert: host.shadowRoot!.querySelector<HTMLElement>('.frame')!.inert,
        laidOut: !/display: none/.test(host.getAttribute('style') ?? ''),
        framed: host.shadowRoot!.querySelector('iframe') !== null,
        readsSent: sent.length,
      });
    });
    watcher.observe(document.documentElement, { childList: true });
    const { ctx, sent } = startSession([]);
    // Not in the session's own task (the browser's making of the frame is a long task of its own), and
    // without waiting for the background: the token goes first.
    expect(overlay()).toBeNull();
    expect(sent).toHaveLength(0);
    const token = (toBackground.find((m) => m.name === 'panelToken')?.data as { token?: string })?.token;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    await vi.waitFor(() => expect(atMount).toHaveLength(1), { timeout: 3000 });
    watcher.disconnect();
    // Hidden (laid out, but unseen and inert) unless a read of the page was sent before it went up.
    const [mounted] = atMount;
    expect(mounted!.laidOut).toBe(true);
    expect(mounted!.shown).toBe(mounted!.readsSent > 0);
    expect(mounted!.inert).toBe(!mounted!.shown);
    // The frame itself goes in a task later (its making is the browser's longest part), its address carrying
    // the token.
    expect(mounted!.framed).toBe(false);
    await vi.waitFor(() => expect(overlay()!.shadowRoot!.querySelector('iframe')).not.toBeNull(), {
      timeout: 3000,
    });
    const frame = overlay()!.shadowRoot!.querySelector('iframe')!;
    expect(frame.dataset.src).toMatch(new RegExp(`panel\\.html#${token}$`));
    await vi.waitFor(() => expect(overlayShown()).toBe(true), { timeout: 3000 });
    expect(sent).toHaveLength(1);
    expect(overlay()!.shadowRoot!.querySelector('iframe')).toBe(frame);
    expect(overlay()!.shadowRoot!.querySelector<HTMLElement>('.frame')!.inert).toBe(false);
    ctx.abort();
  });

  it('waits for the page’s load to put the panel up (a frame put up before it would hold the page’s load back)', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    const { ctx } = startSession([]);
    expect(toBackground.map((m) => m.name)).toContain('panelToken');
    // The first read wants the panel shown: it still waits for the load.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(overlay()).toBeNull();
    readyState.mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    // In the next task, shown (the read wanted it).
    expect(overlay()).toBeNull();
    await vi.waitFor(() => expect(overlayShown()).toBe(true), { timeout: 3000 });
    ctx.abort();
  });

  it('puts nothing up on a page the panel does not belong on', async () => {
    happyDOM().setURL('https://business.facebook.com/latest/billing_hub?business_id=1203456789012345');
    const { ctx, sent } = startSession([]);
    await vi.waitFor(() => expect(sent.length).toBe(1), { timeout: 3000 });
    expect((sent[0] as { snapshot: { kind: string } }).snapshot.kind).toBe('other');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(overlay()).toBeNull();
    ctx.abort();
  });

  it('leaves a notice on the page when the extension goes away under it, and nothing when a newer script takes over', async () => {
    const first = startSession([]);
    await vi.waitFor(() => expect(overlayShown()).toBe(true), { timeout: 3000 });
    // A newer copy of the content script started (the runtime is still there): the overlay just goes.
    first.ctx.notifyInvalidated();
    expect(overlay()).toBeNull();

    startSession([], 'fr');
    await vi.waitFor(() => expect(overlayShown()).toBe(true), { timeout: 3000 });
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    changePage('After the update');
    // The next read finds the extension gone: the panel (the gone extension's page) and its button go,
    // the notice stays and says what to do.
    await vi.waitFor(() => expect(overlay()?.shadowRoot?.querySelector('iframe')).toBeFalsy(), {
      timeout: 3000,
    });
    expect(shownNotice()).toMatch(/^Scopekeeper ne joint plus le reste de l’extension.*Rechargez la page/);
    const buttons = [...overlay()!.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Fermer']);
    buttons[0]!.click();
    expect(overlay()).toBeNull();
  });

  it('says farewell in the words the background gave with the panel token, asking the browser for none', async () => {
    answers.set('panelToken', {
      ok: true,
      value: { taken: true, farewell: { unreachable: 'Gone: reload the page.', dismiss: 'Close it' } },
    });
    const asked: string[] = [];
    const say = sayFrom(pageMessages('en'));
    const ctx = new ContentScriptContext('content');
    runContentSession(ctx, {
      send: () => Promise.resolve({ ok: true, value: {} }),
      sendDelta: () => Promise.resolve({ ok: true, value: {} }),
      say: (name, substitutions) => {
        asked.push(name);
        return say(name, substitutions);
      },
    });
    await vi.waitFor(() => expect(overlayShown()).toBe(true), { timeout: 3000 });
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    changePage('After the update');
    await vi.waitFor(() => expect(shownNotice()).toBe('Gone: reload the page.'), { timeout: 3000 });
    expect([...overlay()!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Close it',
    ]);
    expect(asked).toEqual([]);
  });

  it('puts no frame under the farewell when the extension goes before the frame went in', async () => {
    const controller = new AbortController();
    const farewell = () => ({ notice: { kind: 'unreachable' as const, text: 'Gone.' }, dismiss: 'Close' });
    const mounted = mountOverlay(document, controller.signal, { farewell, panelToken: 'a'.repeat(32) });
    mounted.setVisible(true);
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(overlay()!.shadowRoot!.querySelector('iframe')).toBeNull();
    expect(shownNotice()).toBe('Gone.');
    expect([...overlay()!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Close',
    ]);
  });
});
