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
  /** Tokens of earlier loads of this tab that its content script may take back (a page from the back/forward cache). */
  earlier: string[];
  /** The panel frames that connected with the current token (`frameId` or `frameId:documentId`). */
  frames: string[];
}

const EARLIER_KEPT = 4;
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
 * Where the panel may work (issue 11, item 2): the background gives its own content script a random token
 * per tab and page load, the content script puts it in the panel iframe's URL, and the panel presents it
 * when it connects. A panel.html that a page framed itself has no token, or an old one: it is refused, and
 * so is every request from its frame. Only frames that connected with the current token are bound.
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
      !Array.isArray(s.earlier) ||
      !s.earlier.every(isToken) ||
      !Array.isArray(s.frames) ||
      !s.frames.every((f) => typeof f === 'string' && f.length < 200)
    )
      return undefined;
    // Issued or forgotten while the session was read: memory is newer.
    if (this.tabs.has(tabId) || this.closed.has(tabId)) return this.tabs.get(tabId);
    const tokens: TabTokens = {
      current: s.current,
      earlier: s.earlier.slice(-EARLIER_KEPT),
      frames: s.frames.slice(-20),
    };
    this.tabs.set(tabId, tokens);
    return tokens;
  }

  private save(tabId: number, tokens: TabTokens): void {
    this.tabs.set(tabId, tokens);
    void this.session?.set({ [key(tabId)]: tokens }).catch(() => undefined);
  }

  /**
   * A new token for a tab whose content script started (a new page load): every earlier panel of the tab
   * is unbound. Given the token of this content script's own earlier load (`resume`, a page shown again
   * from the back/forward cache), that one becomes current again instead (already current: its bound
   * frames are kept).
   */
  async issue(tabId: number, resume?: string): Promise<string> {
    this.closed.delete(tabId); // a tab id the browser reuses is a new tab
    const before = await this.load(tabId);
    const earlier = before ? [...before.earlier, before.current] : [];
    const resumed = resume && earlier.find((t) => sameToken(t, resume));
    const current = resumed || this.random();
    this.save(tabId, {
      current,
      earlier: earlier.filter((t) => t !== current).slice(-EARLIER_KEPT),
      // Resuming the token that is current changes nothing: its panel stays bound (a page that fakes a
      // `pageshow` must not unbind the real panel). Only a token that changes unbinds the frames.
      frames: before && current === before.current ? before.frames : [],
    });
    return current;
  }

  /**
   * The tab navigated away from Business Settings: its token is no longer current (a new one that nobody
   * holds takes its place, and no frame is bound), but stays among the earlier ones for `issue`'s resume.
   */
  async retire(tabId: number): Promise<void> {
    const before = await this.load(tabId);
    if (!before) return;
    this.save(tabId, {
      current: this.random(),
      earlier: [...before.earlier, before.current].slice(-EARLIER_KEPT),
      frames: [],
    });
  }

  /** Whether a token is the tab's current one. */
  async isCurrent(tabId: number, token: string): Promise<boolean> {
    const tokens = await this.load(tabId);
    return tokens !== undefined && isToken(token) && sameToken(tokens.current, token);
  }

  /**
   * A panel frame connects with a token: bound to the tab when the token is current, unbound (if it was)
   * otherwise. Whether it was accepted.
   */
  connect(tabId: number, frame: PanelFrame, token: string): Promise<boolean> {
    const id = `${tabId}/${frameKey(frame)}`;
    const checked = (async () => {
      const accepted = await this.isCurrent(tabId, token);
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
