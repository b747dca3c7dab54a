import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import type { SandboxPortfolio } from '../sandbox/portfolio';
import { routeSandbox } from '../sandbox/serve';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Flags for Chromium as root on a machine with no network: no sandbox, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}. Run \`npm run build\` first (npm test does).`);
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless unless a display is there and headless is not forced, with the extension. */
export async function launchWithExtension(
  portfolio: SandboxPortfolio,
  options: {
    headless?: boolean;
    extension?: boolean;
    uiLanguage?: string;
    userDataDir?: string;
    extensionDir?: string;
  } = {},
): Promise<Session> {
  assertPrerequisites();
  // A given profile folder is kept (a test that restarts the browser on the same profile); a made one is removed.
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'scopekeeper-chromium-'));
  const withExtension = options.extension ?? true;
  // A copy of a build elsewhere (a test that restarts on the same extension) or the build itself.
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1440, height: 900 },
    ...(options.uiLanguage
      ? { locale: options.uiLanguage, env: { ...process.env, LANGUAGE: options.uiLanguage } }
      : {}),
    args: [
      ...CHROMIUM_ARGS,
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
      ...(withExtension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
    ],
  });
  await routeSandbox(context, portfolio);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const BUSINESS_URL = 'https://business.facebook.com';

/** The panel's frame (the extension page panel.html inside the overlay), once it has loaded. */
export async function panelFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const frame = page
      .frames()
      .find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/panel.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('The Scopekeeper panel did not appear on the page.');
}

/** What the badge layer draws, read through the DevTools protocol (its shadow root is closed to the page). */
export interface DrawnMark {
  kind: 'badge' | 'callout' | 'highlight';
  backendNodeId: number;
  subject: string;
  role: string;
  severity: string;
  text: string;
  visible: boolean;
}

export async function drawnMarks(page: Page): Promise<DrawnMark[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const marks: DrawnMark[] = [];
    const walk = (node: CdpNode, inBadges: boolean) => {
      const inside = inBadges || hostKindOf(node) === 'badges';
      const cls = attributesOf(node).get('class');
      if (inside && (cls === 'badge' || cls === 'callout' || cls === 'highlight')) {
        const attrs = attributesOf(node);
        marks.push({
          kind: cls,
          backendNodeId: node.backendNodeId,
          subject: attrs.get('data-subject') ?? '',
          role: attrs.get('data-role') ?? '',
          severity: attrs.get('data-severity') ?? '',
          text: textOf(node),
          visible: !/display:\s*none/.test(attrs.get('style') ?? ''),
        });
      }
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, inside);
    };
    walk(root, false);
    return marks;
  } finally {
    await cdp.detach();
  }
}

/** The notice above the panel (lib/platform/overlay.ts), read through the DevTools protocol (closed shadow root). */
export interface OverlayNotice {
  kind: string;
  code: string;
  text: string;
  /** Whether the panel's frame is still in the overlay. */
  panel: boolean;
}

export async function overlayNotice(page: Page): Promise<OverlayNotice | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    let found: OverlayNotice | undefined;
    const walk = (node: CdpNode, overlay?: { panel: boolean }) => {
      if (hostKindOf(node) === 'overlay') {
        const inside = { panel: false };
        const look = (n: CdpNode) => {
          if (n.nodeName === 'IFRAME') inside.panel = true;
          for (const child of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) look(child);
        };
        look(node);
        overlay = inside;
      }
      const attrs = attributesOf(node);
      if (overlay && attrs.get('class') === 'notice' && !attrs.has('hidden'))
        found = {
          kind: attrs.get('data-notice') ?? '',
          code: attrs.get('data-problem-code') ?? '',
          text: textOf(node),
          panel: overlay.panel,
        };
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, overlay);
    };
    walk(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function attributesOf(node: CdpNode): Map<string, string> {
  const attrs = new Map<string, string>();
  for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2)
    attrs.set(node.attributes![i]!, node.attributes![i + 1]!);
  return attrs;
}

export type HostKind = 'overlay' | 'badges';

/**
 * Which of our hosts a node is. They carry no tag, class or id of their own (a page could copy it): they
 * are known by what their closed shadow roots hold, which only the DevTools protocol sees.
 */
function hostKindOf(node: CdpNode): HostKind | undefined {
  const layer = layerOf(node);
  for (const child of [
    ...(layer?.children ?? []),
    ...(node.shadowRoots ?? []).flatMap((r) => r.children ?? []),
  ]) {
    const cls = attributesOf(child).get('class');
    if (cls === 'frame') return 'overlay';
    if (cls === 'highlight') return 'badges';
  }
  return undefined;
}

/** The element inside a host's closed shadow root that holds what it draws (and is in the top layer). */
function layerOf(node: CdpNode): CdpNode | undefined {
  for (const root of node.shadowRoots ?? [])
    for (const child of root.children ?? []) if (attributesOf(child).get('class') === 'layer') return child;
  return undefined;
}

/** The buttons inside the overlay (its toggle, or the farewell notice's dismiss button), with their text. */
export async function overlayButtons(page: Page): Promise<{ backendNodeId: number; text: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const buttons: { backendNodeId: number; text: string }[] = [];
    const walk = (node: CdpNode, inside: boolean) => {
      const now = inside || hostKindOf(node) === 'overlay';
      if (now && node.nodeName === 'BUTTON')
        buttons.push({ backendNodeId: node.backendNodeId, text: textOf(node) });
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, now);
    };
    walk(root, false);
    return buttons;
  } finally {
    await cdp.detach();
  }
}

/** How a host (or a node inside one) is drawn, as the page's own APIs see it. */
export interface HostProbe {
  /** How many hosts of that kind are in the document. */
  count: number;
  /** The host's parent element's tag. */
  parent: string;
  width: number;
  height: number;
  /** `checkVisibility` with opacity, visibility and content-visibility: false when anything hides it. */
  visible: boolean;
  opacity: string;
  visibility: string;
  /** Whether `elementFromPoint` at the node's centre finds the host (nothing covers it; it takes clicks). */
  hit: boolean;
  inert: boolean;
  /** Whether the host has the page's focus (the focus is on something inside it). */
  focused: boolean;
}

const probeInPage = `function () {
  const root = this.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : this;
  const r = this.getBoundingClientRect();
  const style = getComputedStyle(this);
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {
    parent: host.parentElement ? host.parentElement.tagName : '',
    width: r.width,
    height: r.height,
    visible: this.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }),
    opacity: style.opacity,
    visibility: style.visibility,
    hit: hit === host,
    inert: host.inert || host.closest('[inert]') !== null,
    focused: document.activeElement === host,
  };
}`;

/**
 * Probes our host of a kind (what it draws: the overlay's panel; the badges: the given badge, else the
 * whole layer), through the DevTools protocol. Undefined when no such host is in the document.
 */
export async function probeHost(
  page: Page,
  kind: HostKind,
  node?: { backendNodeId: number },
): Promise<HostProbe | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const hosts: CdpNode[] = [];
    const walk = (n: CdpNode) => {
      if (hostKindOf(n) === kind) hosts.push(n);
      for (const child of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const target = node ?? (hosts[0] && (layerOf(hosts[0]) ?? hosts[0]));
    if (!target) return undefined;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: target.backendNodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: probeInPage,
      returnByValue: true,
    })) as { result: { value: Omit<HostProbe, 'count'> } };
    return { count: hosts.length, ...result.value };
  } finally {
    await cdp.detach();
  }
}

function textOf(node: CdpNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join(' ').trim();
}

/** Clicks a drawn mark (a badge) where it is on screen, as a person would. */
export async function clickMark(page: Page, mark: Pick<DrawnMark, 'backendNodeId'>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: mark.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The extension's id, from its service worker. */
export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

// An extension page's own API, as the page sees it (not a Node global).
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * Sends a message of the protocol (lib/domain/protocol.ts) to the background from one of the extension's
 * pages (options.html, popup.html), in @webext-core/messaging's envelope: the background's reply.
 */
export function askBackground(page: Page, id: number, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    (message) =>
      chrome.runtime.sendMessage({
        id: message.id,
        type: message.type,
        timestamp: Date.now(),
        data: message.data,
      }),
    { id, type, data },
  );
}

/** The findings the panel lists, as its data attributes say (DESIGN.md "The panel contract"). */
export interface PanelFinding {
  subject: string;
  ruleId: string;
  severity: string;
  accepted: boolean;
}

export async function panelFindings(frame: Frame): Promise<PanelFinding[]> {
  await expandFindings(frame);
  return frame.locator('[data-rule-id]').evaluateAll((els) =>
    els.map((e) => ({
      subject: e.getAttribute('data-subject') ?? '',
      ruleId: e.getAttribute('data-rule-id') ?? '',
      severity: e.getAttribute('data-severity') ?? '',
      accepted: e.getAttribute('data-accepted') === 'true',
    })),
  );
}

/**
 * Opens every rule's group of findings in the panel (they are collapsed by design, issue 12 item 4: a group
 * shows its rule, severity and count until it is opened). Groups already open stay open.
 */
export async function expandFindings(frame: Frame): Promise<void> {
  const closed = frame.locator('[data-rule-toggle][aria-expanded="false"]');
  for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
}

/** Opens a subject's card in the panel (its findings, checklists and record) from one of its findings. */
export async function openSubject(frame: Frame, subject: string): Promise<Locator> {
  const card = frame.locator(`[data-group-subject="${subject}"]`);
  const opener = frame.locator(`[data-open-subject="${subject}"]`);
  // The subject's findings may not have arrived yet: groups are opened again until one of them is there.
  for (const deadline = Date.now() + 15_000; (await card.count()) === 0;) {
    await expandFindings(frame);
    if ((await opener.count()) > 0) await opener.first().click();
    else if (Date.now() > deadline) throw new Error(`The panel shows no finding about ${subject}.`);
    else await frame.waitForTimeout(200);
  }
  return card;
}

/**
 * Every principal the panel lists, in order, as `subject access pending`: its list is virtualised (only the
 * rows in view exist), so it is scrolled from top to bottom and each row read as it is rendered.
 */
export async function panelPrincipals(frame: Frame): Promise<string[]> {
  return frame.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('ul.principals');
    if (!list) return [];
    const frameDone = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const rows = new Map<number, string>();
    const read = () => {
      for (const e of list.querySelectorAll('[data-principal]'))
        rows.set(
          Number(e.getAttribute('aria-posinset')),
          `${e.getAttribute('data-principal')} ${e.getAttribute('data-portfolio-access')} ${e.getAttribute('data-pending')}`,
        );
    };
    const before = list.scrollTop;
    list.scrollTop = 0;
    await frameDone();
    read();
    while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
      const top = list.scrollTop;
      list.scrollTop = top + Math.max(1, list.clientHeight - 20);
      await frameDone();
      read();
      if (list.scrollTop === top) break;
    }
    list.scrollTop = before;
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  });
}

/** The panel once its findings are shown (and, given a kind, once it shows that page kind). */
export async function settledPanel(page: Page, kind?: string): Promise<Frame> {
  const frame = await panelFrame(page);
  if (kind) await frame.waitForSelector(`[data-page-kind="${kind}"]`, { timeout: 15_000 });
  await frame.waitForSelector('[data-summary]', { timeout: 15_000 });
  await page.waitForTimeout(700);
  return frame;
}

/**
 * Opens a subject's Record in the panel and its “Document access” form (named for `name`, as the panel
 * names the subject): the subject's group and the form.
 */
export async function openDocumentForm(
  panel: Frame,
  subject: string,
  name: string,
): Promise<{ group: Locator; form: Locator }> {
  const group = await openSubject(panel, subject);
  await group.locator('summary', { hasText: 'Record' }).click();
  await group.getByRole('button', { name: 'Document access' }).click();
  return { group, form: group.getByRole('form', { name: `Document access of ${name}` }) };
}

/**
 * The paths an overview's asset row lists (its `li[data-via]`): how (person, partner, system user), who
 * (the subject key) and what access, in the order shown.
 */
export async function assetPaths(assetRow: Locator): Promise<(string | null)[][]> {
  return assetRow
    .locator('li[data-via]')
    .evaluateAll((els) =>
      els.map((e) => [
        e.getAttribute('data-via'),
        e.getAttribute('data-subject'),
        e.getAttribute('data-access'),
      ]),
    );
}
