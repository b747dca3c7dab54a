import type { SessionArea } from './tab-cache';

/** A panel frame as the browser names it: its frame in the tab, and its document where the browser says. */
export interface PanelFrame {
  frameId: number;
  /** Chromium gives each document an id (`sender.documentId`); Firefox does not. */
  documentId?: string;
}

interface TabTokens {
  /** The current load's token: the only one a panel may connect with. */
  current: string;
  /** The panel frames that connected with the current token (`frameId` or `frameId:documentId`). */
  frames: string[];
}

/** How long a panel whose token is not (yet) its tab's waits for its content script's token to arrive. */
const ADOPT_GRACE_MS = 1000;
const key = (tabId: number) => `panel-token:${tabId}`;
const frameKey = (frame: PanelFrame) =>
  frame.documentId ? `${frame.frameId}:${frame.documentId}` : String(frame.frameId);

/** 128 random bits as 32 hex digits (WebCrypto: unguessable). */
export function makePanelToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const isToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);

/** Compares two tokens in time that does not depend on where they differ. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Where the panel may work (issue 11, item 2): the content script makes a random token per page load (in
 * its own isolated world, out of the page's reach), sends it to the background and puts it in the panel
 * iframe's URL; the panel presents it when it connects. A panel.html that a page framed itself has no
 * token, or an old one: it is refused, and so is every request from its frame. Only frames that connected
 * with the current token are bound. (The token was the background's until issue 12: the panel's frame then
 * waited for the worker to start and answer before it could even begin to load.)
 *
 * Kept in memory and mirrored to `storage.session` (Chromium 102+, Firefox 115+), so a service worker that
 * was stopped still knows the open panels when it wakes; forgotten when the tab closes, replaced when the
 * tab's content script starts again (a new load).
 */
export class PanelTokens {
  private tabs = new Map<number, TabTokens>();
  /** Connections being checked, per tab and frame: a request that races its panel's connection waits. */
  private checking = new Map<string, Promise<boolean>>();
  /** Frames whose latest connection was refused: their requests are refused at once. */
  private refused = new Set<string>();
  /** Tabs closed: what a session read still brings back for them is dropped. */
  private closed = new Set<number>();
  /** Connections waiting for their tab's content script to send the token they carry. */
  private awaiting = new Map<number, Set<(token: string) => void>>();

  constructor(
    private readonly session: SessionArea | undefined,
    private readonly random: () => string = makePanelToken,
  ) {}

  private async load(tabId: number): Promise<TabTokens | undefined> {
    const known = this.tabs.get(tabId);
    if (known || this.closed.has(tabId)) return known;
    let stored: unknown;
    try {
      stored = (await this.session?.get(key(tabId)))?.[key(tabId)];
    } catch {
      stored = undefined;
    }
    // What comes back from the session is checked like anything stored.
    const s = stored as Partial<Record<keyof TabTokens, unknown>> | undefined;
    if (
      !s ||
      !isToken(s.current) ||
      !Array.isArray(s.frames) ||
      !s.frames.every((f) => typeof f === 'string' && f.length < 200)
    )
      return undefined;
    // Issued or forgotten while the session was read: memory is newer.
    if (this.tabs.has(tabId) || this.closed.has(tabId)) return this.tabs.get(tabId);
    const tokens: TabTokens = { current: s.current, frames: s.frames.slice(-20) };
    this.tabs.set(tabId, tokens);
    return tokens;
  }

  private save(tabId: number, tokens: TabTokens): void {
    this.tabs.set(tabId, tokens);
    void this.session?.set({ [key(tabId)]: tokens }).catch(() => undefined);
  }

  /**
   * The token a tab's content script chose for its page load (issue 12, item 4: its panel's frame loads at
   * once, without waiting for this worker to start and answer): it becomes the tab's current token. A new
   * token unbinds every earlier panel of the tab; the token that is current already (a page shown again from
   * the back/forward cache, or a page faking `pageshow`) keeps its bound frames. Only our content script in
   * the tab's top frame can send it (the router), so a page can neither choose a token nor learn one.
   */
  async adopt(tabId: number, token: string): Promise<boolean> {
    if (!isToken(token)) return false;
    this.closed.delete(tabId); // a tab id the browser reuses is a new tab
    const before = await this.load(tabId);
    const same = before !== undefined && sameToken(before.current, token);
    this.save(tabId, { current: token, frames: same ? before.frames : [] });
    for (const tell of this.awaiting.get(tabId) ?? []) tell(token);
    return true;
  }

  /**
   * The tab navigated away from Business Settings: its token is no longer current (a new one that nobody
   * holds takes its place, and no frame is bound). Its content script, shown again from the back/forward
   * cache, sends it again.
   */
  async retire(tabId: number): Promise<void> {
    const before = await this.load(tabId);
    if (!before) return;
    this.save(tabId, { current: this.random(), frames: [] });
  }

  /** Whether a token is the tab's current one. */
  async isCurrent(tabId: number, token: string): Promise<boolean> {
    const tokens = await this.load(tabId);
    return tokens !== undefined && isToken(token) && sameToken(tokens.current, token);
  }

  /**
   * Whether a token is, or within `graceMs` becomes, the tab's current one: the content script sends its
   * token before it frames the panel, but a worker that starts gets both at once and may see the panel's
   * connection first.
   */
  private async becomesCurrent(tabId: number, token: string, graceMs: number): Promise<boolean> {
    if (!isToken(token)) return false;
    let tell: ((token: string) => void) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const adopted = new Promise<boolean>((resolve) => {
      tell = (next) => {
        if (sameToken(next, token)) resolve(true);
      };
      timer = setTimeout(() => resolve(false), graceMs);
    });
    const waiting = this.awaiting.get(tabId) ?? new Set();
    this.awaiting.set(tabId, waiting.add(tell!));
    try {
      return (await this.isCurrent(tabId, token)) || (await adopted);
    } finally {
      clearTimeout(timer);
      waiting.delete(tell!);
      if (waiting.size === 0 && this.awaiting.get(tabId) === waiting) this.awaiting.delete(tabId);
    }
  }

  /**
   * A panel frame connects with a token: bound to the tab when the token is current (or becomes current
   * within `graceMs`), unbound (if it was) otherwise. Whether it was accepted.
   */
  connect(tabId: number, frame: PanelFrame, token: string, graceMs = ADOPT_GRACE_MS): Promise<boolean> {
    const id = `${tabId}/${frameKey(frame)}`;
    const checked = (async () => {
      const accepted = await this.becomesCurrent(tabId, token, graceMs);
      if (accepted) this.refused.delete(id);
      else this.refused.add(id);
      const tokens = await this.load(tabId);
      if (tokens) {
        const frames = tokens.frames.filter((f) => f !== frameKey(frame));
        if (accepted) frames.push(frameKey(frame));
        this.save(tabId, { ...tokens, frames: frames.slice(-20) });
      }
      return accepted;
    })();
    this.checking.set(id, checked);
    void checked.finally(() => {
      if (this.checking.get(id) === checked) this.checking.delete(id);
    });
    return checked;
  }

  /** A bound panel's document went away (its port disconnected while the worker ran). */
  async disconnect(tabId: number, frame: PanelFrame): Promise<void> {
    const tokens = await this.load(tabId);
    if (!tokens) return;
    const frames = tokens.frames.filter((f) => f !== frameKey(frame));
    if (frames.length !== tokens.frames.length) this.save(tabId, { ...tokens, frames });
  }

  /** Whether a frame of a tab connected with the tab's current token (waiting for its connection if one is being checked). */
  async isBound(tabId: number, frame: PanelFrame, graceMs = 1000): Promise<boolean> {
    const id = `${tabId}/${frameKey(frame)}`;
    if (this.refused.has(id) && !this.checking.has(id)) return false;
    // A panel connects before it asks anything, but its request may overtake its connection: it waits
    // a moment for one to start before it is refused.
    for (let waited = 0; !this.checking.has(id) && waited < graceMs; waited += 50) {
      if ((await this.load(tabId))?.frames.includes(frameKey(frame))) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.checking.get(id);
    const tokens = await this.load(tabId);
    return tokens !== undefined && tokens.frames.includes(frameKey(frame));
  }

  forget(tabId: number): void {
    this.closed.add(tabId);
    this.tabs.delete(tabId);
    for (const id of this.refused) if (id.startsWith(`${tabId}/`)) this.refused.delete(id);
    void this.session?.remove(key(tabId)).catch(() => undefined);
  }
}
