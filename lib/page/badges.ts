import { assetKey } from '../domain/principals';
import type { BadgeFinding as Finding } from '../domain/badge-findings';
import type { Severity } from '../domain/rules/types';
import type { Anchor } from './anchors';
import { createGuardedHost } from './guarded-host';
import { badgeStyles } from './page-styles';

/**
 * Row badges and live dialog warnings, drawn in one fixed layer inside a closed shadow root. Nothing is
 * written into Meta's markup, so nothing there shifts, loses clicks or focus; a badge whose row is gone is
 * simply not drawn. Positions follow rows as the page scrolls and re-renders. The layer's host is guarded
 * (./guarded-host.ts): no page stylesheet can hide it and no page script can take it away.
 */
export interface BadgeLayer {
  host: HTMLElement;
  setAnchors(anchors: readonly Anchor[]): void;
  setFindings(findings: readonly Finding[]): void;
  /** Scrolls to a subject's row and outlines it for a moment. Returns false when the row is not on the page. */
  highlight(subject: string): boolean;
}

const colours: Record<Severity, string> = { high: '#d93025', medium: '#b45309', low: '#1a73e8' };
const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

interface Drawn {
  anchor: Anchor;
  findings: Finding[];
  /** Made the first time the anchor is on screen: a 5,000-row list does not get 5,000 badges at once. */
  node?: HTMLElement;
  kind: 'badge' | 'callout';
}

function anchorFor(finding: Finding, bySubject: ReadonlyMap<string, Anchor[]>): Anchor | undefined {
  const mine = bySubject.get(finding.subject) ?? [];
  if (finding.asset) {
    const key = assetKey(finding.asset);
    const onAsset = mine.find((a) => a.role === 'asset' && a.assetKey === key);
    if (onAsset) return onAsset;
  }
  if (finding.ruleId === 'invite-no-expiry') return mine.find((a) => a.role === 'expiry');
  if (finding.ruleId === 'invite-full-control') return mine.find((a) => a.role === 'portfolio-access');
  return mine.find((a) => a.role === 'row');
}

/** Groups by subject, keeping the order within each. */
function bySubjectOf<T extends { subject: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const mine = out.get(item.subject);
    if (mine) mine.push(item);
    else out.set(item.subject, [item]);
  }
  return out;
}

const sameAnchor = (a: Anchor, b: Anchor) =>
  a.element === b.element && a.role === b.role && a.assetKey === b.assetKey;

const sameFinding = (a: Finding, b: Finding) =>
  a.ruleId === b.ruleId &&
  a.severity === b.severity &&
  a.message === b.message &&
  a.fix === b.fix &&
  (a.asset === b.asset || (!!a.asset && !!b.asset && assetKey(a.asset) === assetKey(b.asset)));

/** Adds to `dirty` every subject whose list differs between the two groupings. */
function markChanged<T>(
  before: ReadonlyMap<string, T[]>,
  after: ReadonlyMap<string, T[]>,
  same: (a: T, b: T) => boolean,
  dirty: Set<string>,
): void {
  for (const [subject, list] of after) {
    const old = before.get(subject);
    if (!old || old.length !== list.length || list.some((item, i) => !same(old[i]!, item))) dirty.add(subject);
  }
  for (const subject of before.keys()) if (!after.has(subject)) dirty.add(subject);
}

/** The longest stretch of badge work in one frame before the page gets the main thread back (ms). */
const SLICE_MS = 8;

export function createBadgeLayer(
  doc: Document,
  signal: AbortSignal,
  onBadgeClick: (subject: string) => void,
): BadgeLayer {
  const guarded = createGuardedHost(doc, signal, {
    mark: 'badges',
    style: { position: 'fixed', inset: '0', 'pointer-events': 'none' },
  });
  const { host, shadow, root } = guarded;
  const style = doc.createElement('style');
  style.textContent = badgeStyles;
  const highlightBox = doc.createElement('div');
  highlightBox.className = 'highlight';
  shadow.prepend(style);
  root.append(highlightBox);

  let anchors: readonly Anchor[] = [];
  /** The latest anchors and findings by subject, and what is drawn of each subject. */
  let anchorsBySubject = new Map<string, Anchor[]>();
  let findingsBySubject = new Map<string, Finding[]>();
  const drawnBySubject = new Map<string, Drawn[]>();
  /** Subjects whose anchors or findings changed since they were last drawn: only these are drawn again. */
  const dirty = new Set<string>();
  /** Badges by the element they sit on (several subjects may share one), callouts apart (they are few). */
  const badgesOn = new Map<Element, Drawn[]>();
  const callouts = new Set<Drawn>();
  /** Badges whose node is shown: hidden once their row is no longer near the screen. */
  const shown = new Set<Drawn>();
  let highlighted: { element: Element; until: number } | undefined;
  let frame = 0;
  let markPending = true;
  const clock = () => doc.defaultView?.performance?.now() ?? Date.now();

  const visibleAt = (anchor: Anchor, x: number, y: number): boolean => {
    const view = doc.defaultView!;
    if (x < 0 || y < 0 || x > view.innerWidth || y > view.innerHeight) return false;
    // Hidden when something else covers the row there: a sticky header, a dialog, the end of a scroller.
    const hit = doc.elementFromPoint(x, y);
    return hit !== null && (anchor.element.contains(hit) || hit === host);
  };

  // Every box is read first, then every badge is written: a write between two reads would make the browser
  // lay the page out again for the next read (once per badge on a long list). Only the badges of rows near
  // the screen, those shown (to hide them) and the callouts are looked at.
  const layout = () => {
    frame = 0;
    if (dirty.size > 0) render();
    const view = doc.defaultView!;
    // On screen but covered (a sticky header, a pane): the badge is made and hidden, as before.
    const placed: { item: Drawn; rect?: DOMRect; show: boolean; box?: DOMRect }[] = [];
    const measure = (item: Drawn) => {
      const { element } = item.anchor;
      const rect = element.isConnected ? element.getBoundingClientRect() : undefined;
      if (!rect || rect.width === 0 || rect.bottom < 0 || rect.top > view.innerHeight) {
        if (item.node) placed.push({ item, show: false });
        return;
      }
      if (item.kind === 'badge') {
        const x = Math.max(0, rect.right - 34);
        const show = visibleAt(item.anchor, Math.min(rect.right - 4, x + 9), rect.top + rect.height / 2);
        placed.push({ item, rect, show });
      } else {
        const box = element.closest('[role="dialog"], [role="alertdialog"], dialog')?.getBoundingClientRect();
        placed.push({ item, rect, show: true, ...(box ? { box } : {}) });
      }
    };
    // A row far from the screen is not measured; a badge already drawn is hidden once its row leaves.
    for (const item of shown) if (!near.has(item.anchor.element)) placed.push({ item, show: false });
    for (const element of near) for (const item of badgesOn.get(element) ?? []) measure(item);
    for (const item of callouts) measure(item);
    const lit =
      highlighted && highlighted.element.isConnected && Date.now() < highlighted.until
        ? highlighted.element.getBoundingClientRect()
        : undefined;
    for (const { item, rect, show, box } of placed) {
      if (!rect || !show) {
        if (item.node) item.node.style.display = 'none';
        if (!rect) {
          shown.delete(item);
          continue;
        }
      }
      const node = (item.node ??= makeNode(item));
      if (!show) {
        node.style.display = 'none';
        shown.delete(item);
      } else if (item.kind === 'badge') {
        node.style.display = 'block';
        node.style.left = `${Math.max(0, rect!.right - 34)}px`;
        node.style.top = `${rect!.top + rect!.height / 2 - 9}px`;
        shown.add(item);
      } else {
        const around = box ?? rect!;
        const roomRight = view.innerWidth - around.right > 276;
        node.style.display = 'block';
        node.style.left = `${roomRight ? around.right + 12 : Math.max(8, rect!.left)}px`;
        node.style.top = `${roomRight ? Math.max(8, rect!.top - 4) : rect!.bottom + 6}px`;
      }
    }
    if (markPending && (badgesOn.size > 0 || callouts.size > 0)) {
      // A mark on the page's timeline when findings first show, for `npm run bench`; it holds no data.
      markPending = false;
      doc.defaultView?.performance?.mark?.('scopekeeper:findings-shown');
    }
    if (lit) {
      Object.assign(highlightBox.style, {
        display: 'block',
        left: `${lit.left - 3}px`,
        top: `${lit.top - 3}px`,
        width: `${lit.width}px`,
        height: `${lit.height}px`,
      });
    } else {
      highlightBox.style.display = 'none';
      highlighted = undefined;
    }
    // Subjects left for later (over this frame's time): the next frame draws on.
    if (dirty.size > 0) schedule();
  };

  const schedule = () => {
    if (!frame && !signal.aborted) frame = doc.defaultView!.requestAnimationFrame(layout);
  };

  // Which rows are on or near the screen, as the browser computes it in its own rendering step (no layout
  // forced by us): on a list of 5,000 rows only the few near the screen are measured in a frame.
  const near = new Set<Element>();
  const watcher = new doc.defaultView!.IntersectionObserver(
    (entries) => {
      for (const entry of entries) near[entry.isIntersecting ? 'add' : 'delete'](entry.target);
      schedule();
    },
    { rootMargin: '200px 0px' },
  );

  const makeNode = (item: Drawn): HTMLElement => {
    const { anchor, findings: list, kind } = item;
    const worst = list[0]!.severity;
    let node: HTMLElement;
    if (kind === 'callout') {
      node = doc.createElement('div');
      node.className = 'callout';
      node.setAttribute('role', 'alert');
      node.style.borderLeftColor = colours[worst];
      for (const f of list) {
        const strong = doc.createElement('strong');
        strong.textContent = f.message;
        node.append(strong);
        if (f.fix) {
          const fix = doc.createElement('div');
          fix.textContent = f.fix;
          node.append(fix);
        }
      }
      node.dataset.ruleIds = list.map((f) => f.ruleId).join(' ');
    } else {
      node = doc.createElement('button');
      node.className = 'badge';
      node.setAttribute('type', 'button');
      node.tabIndex = -1;
      node.style.background = colours[worst];
      node.textContent = String(list.length);
      // The findings' own sentences, already in the admin's language (the page has no catalogue of words).
      node.setAttribute('aria-label', `Scopekeeper: ${list.map((f) => f.message).join(' · ')}`);
      node.title = list.map((f) => `• ${f.message}`).join('\n');
      node.addEventListener(
        'click',
        (event) => {
          event.preventDefault();
          event.stopPropagation();
          onBadgeClick(anchor.subject);
        },
        { signal },
      );
    }
    node.dataset.subject = anchor.subject;
    node.dataset.role = anchor.role;
    node.dataset.severity = worst;
    root.append(node);
    return node;
  };

  /** Takes a subject's marks away (nodes, and its rows from the watcher when no other badge is on them). */
  const undraw = (subject: string) => {
    for (const item of drawnBySubject.get(subject) ?? []) {
      item.node?.remove();
      shown.delete(item);
      if (item.kind === 'callout') {
        callouts.delete(item);
        continue;
      }
      const { element } = item.anchor;
      const on = badgesOn.get(element)?.filter((other) => other !== item) ?? [];
      if (on.length > 0) badgesOn.set(element, on);
      else {
        badgesOn.delete(element);
        watcher.unobserve(element);
        near.delete(element);
      }
    }
    drawnBySubject.delete(subject);
  };

  /** Draws one subject's marks again from its latest anchors and findings. */
  const redraw = (subject: string, dialogOpen: boolean) => {
    undraw(subject);
    const mine = findingsBySubject.get(subject);
    if (!mine || !anchorsBySubject.has(subject)) return;
    const byAnchor = new Map<Anchor, Finding[]>();
    for (const finding of mine) {
      const anchor = anchorFor(finding, anchorsBySubject);
      if (!anchor) continue;
      const list = byAnchor.get(anchor);
      if (list) list.push(finding);
      else byAnchor.set(anchor, [finding]);
    }
    const drawn: Drawn[] = [];
    for (const [anchor, list] of byAnchor) {
      list.sort((a, b) => rank[a.severity] - rank[b.severity]);
      const dialog =
        anchor.role === 'portfolio-access' ||
        anchor.role === 'expiry' ||
        ((dialogOpen || anchor.element.getRootNode() !== doc) &&
          anchor.element.closest('[role="dialog"]') !== null);
      const item: Drawn = { anchor, findings: list, kind: dialog ? 'callout' : 'badge' };
      drawn.push(item);
      if (dialog) {
        callouts.add(item);
        continue;
      }
      const on = badgesOn.get(anchor.element);
      if (on) on.push(item);
      else {
        badgesOn.set(anchor.element, [item]);
        watcher.observe(anchor.element);
      }
    }
    if (drawn.length > 0) drawnBySubject.set(subject, drawn);
  };

  // Changed subjects are drawn again in the next frame, once however many changes arrive before it, and
  // in slices: a first read of 5,000 rows with their findings is drawn over a few frames, no long task.
  const render = () => {
    const until = clock() + SLICE_MS;
    // No dialog open in the document: no row of it is in one (one search, not one per row).
    const dialogOpen = doc.querySelector('[role="dialog"]') !== null;
    let count = 0;
    for (const subject of dirty) {
      dirty.delete(subject);
      redraw(subject, dialogOpen);
      if (++count % 64 === 0 && clock() >= until) break;
    }
  };

  const view = doc.defaultView!;
  view.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  view.addEventListener('resize', schedule, { passive: true, signal });
  signal.addEventListener('abort', () => {
    if (frame) view.cancelAnimationFrame(frame);
    watcher.disconnect();
    guarded.remove();
  });

  return {
    host,
    setAnchors(next) {
      anchors = next;
      const by = bySubjectOf(next);
      markChanged(anchorsBySubject, by, sameAnchor, dirty);
      anchorsBySubject = by;
      if (dirty.size > 0) schedule();
    },
    setFindings(next) {
      // Accepted findings stay in the panel, muted; they get no badge until their review date (the
      // background does not send them: lib/domain/badge-findings.ts).
      const by = bySubjectOf(next);
      markChanged(findingsBySubject, by, sameFinding, dirty);
      findingsBySubject = by;
      if (dirty.size > 0) schedule();
    },
    highlight(subject) {
      const row =
        anchors.find((a) => a.subject === subject && a.role === 'row') ??
        anchors.find((a) => a.subject === subject);
      if (!row || !row.element.isConnected) return false;
      row.element.scrollIntoView({ block: 'center' });
      highlighted = { element: row.element, until: Date.now() + 2500 };
      schedule();
      setTimeout(schedule, 2600);
      return true;
    },
  };
}
