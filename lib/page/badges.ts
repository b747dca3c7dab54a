import { assetKey } from '../domain/principals';
import type { BadgeFinding as Finding } from '../domain/badge-findings';
import type { Severity } from '../domain/rules/types';
import type { Anchor } from './anchors';
import { createGuardedHost } from './guarded-host';
import { badgeStyles } from './page-styles';
import { yieldToPage } from './watch';
import * as selector from './selectors';

/**
 * Row badges and live dialog warnings, drawn in one fixed layer inside a closed shadow root. Nothing is
 * written into Meta's markup, so nothing there shifts, loses clicks or focus; a badge whose row is gone is
 * simply not drawn. Positions follow rows as the page scrolls and re-renders. The layer's host is guarded
 * (./guarded-host.ts): no page stylesheet can hide it and no page script can take it away.
 */
export interface BadgeLayer {
  host: HTMLElement;
  setAnchors(anchors: readonly Anchor[]): void;
  /**
   * Returns the findings it keeps: the earlier ones when they say the same (the caller keeps those, so the
   * page's heap holds one copy: 11,000 findings at 5,000 people).
   */
  setFindings(findings: readonly Finding[]): readonly Finding[];
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

const sameAnchor = (a: Anchor, b: Anchor) =>
  a.element === b.element && a.subject === b.subject && a.role === b.role && a.assetKey === b.assetKey;

const sameFinding = (a: Finding, b: Finding) =>
  a.subject === b.subject &&
  a.ruleId === b.ruleId &&
  a.severity === b.severity &&
  a.message === b.message &&
  a.fix === b.fix &&
  (a.asset === b.asset || (!!a.asset && !!b.asset && assetKey(a.asset) === assetKey(b.asset)));

/** The same items in the same order (a read or a message that changes nothing drawn is not drawn again). */
const sameList = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) =>
  a.length === b.length && a.every((x, i) => same(x, b[i]!));

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
  let findings: readonly Finding[] = [];
  let drawn: Drawn[] = [];
  let highlighted: { element: Element; until: number } | undefined;
  let frame = 0;

  const visibleAt = (anchor: Anchor, x: number, y: number): boolean => {
    const view = doc.defaultView!;
    if (x < 0 || y < 0 || x > view.innerWidth || y > view.innerHeight) return false;
    // Hidden when something else covers the row there: a sticky header, a dialog, the end of a scroller.
    const hit = doc.elementFromPoint(x, y);
    return hit !== null && (anchor.element.contains(hit) || hit === host);
  };

  // Every box is read first, then every badge is written: a write between two reads would make the browser
  // lay the page out again for the next read (once per badge on a long list).
  const layout = () => {
    frame = 0;
    const view = doc.defaultView!;
    // On screen but covered (a sticky header, a pane): the badge is made and hidden, as before.
    const placed: { item: Drawn; rect?: DOMRect; show: boolean; box?: DOMRect }[] = [];
    for (const item of drawn) {
      const { element } = item.anchor;
      // A row far from the screen is not measured; a badge already drawn is hidden once its row leaves.
      if (item.kind === 'badge' && !near.has(element)) {
        if (item.node && item.node.style.display !== 'none') placed.push({ item, show: false });
        continue;
      }
      const rect = element.isConnected ? element.getBoundingClientRect() : undefined;
      if (!rect || rect.width === 0 || rect.bottom < 0 || rect.top > view.innerHeight) {
        if (item.node) placed.push({ item, show: false });
        continue;
      }
      if (item.kind === 'badge') {
        const x = Math.max(0, rect.right - 34);
        const show = visibleAt(item.anchor, Math.min(rect.right - 4, x + 9), rect.top + rect.height / 2);
        placed.push({ item, rect, show });
      } else {
        const box = element.closest(selector.dialogs)?.getBoundingClientRect();
        placed.push({ item, rect, show: true, ...(box ? { box } : {}) });
      }
    }
    const lit =
      highlighted && highlighted.element.isConnected && Date.now() < highlighted.until
        ? highlighted.element.getBoundingClientRect()
        : undefined;
    for (const { item, rect, show, box } of placed) {
      if (!rect) {
        if (item.node) item.node.style.display = 'none';
        continue;
      }
      const node = (item.node ??= makeNode(item));
      if (!show) {
        node.style.display = 'none';
      } else if (item.kind === 'badge') {
        node.style.display = 'block';
        node.style.left = `${Math.max(0, rect.right - 34)}px`;
        node.style.top = `${rect.top + rect.height / 2 - 9}px`;
      } else {
        const around = box ?? rect;
        const roomRight = view.innerWidth - around.right > 276;
        node.style.display = 'block';
        node.style.left = `${roomRight ? around.right + 12 : Math.max(8, rect.left)}px`;
        node.style.top = `${roomRight ? Math.max(8, rect.top - 4) : rect.bottom + 6}px`;
      }
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
  // Which rows are watched, and which are wanted (the latest call's; an earlier call still under way stops).
  const observed = new Set<Element>();
  let wanted = observed;
  const watchRows = async () => {
    const next = (wanted = new Set(
      drawn.filter((item) => item.kind === 'badge').map((item) => item.anchor.element),
    ));
    let count = 0;
    for (const element of [...next, ...observed]) {
      if (wanted !== next || signal.aborted) return;
      if (!next.has(element)) {
        watcher.unobserve(element);
        observed.delete(element);
        near.delete(element);
      } else if (!observed.has(element)) {
        watcher.observe(element);
        observed.add(element);
      } else continue;
      // Observing costs the page's main thread ~15 µs a row here (5,000 rows took 63 ms): 500 a task.
      if (++count % 500 === 0) await yieldToPage();
    }
  };

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
      (node as HTMLButtonElement).type = 'button';
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

  // New anchors or findings are drawn in the next frame, once, however many arrive before it.
  let stale = false;
  const render = () => {
    stale = false;
    // A mark drawn before for the same anchor and the same findings keeps its node (no node made anew,
    // no page layout for it); the others go.
    const before = new Map<Element, Drawn[]>();
    for (const item of drawn) {
      const mine = before.get(item.anchor.element);
      if (mine) mine.push(item);
      else before.set(item.anchor.element, [item]);
    }
    const bySubject = new Map<string, Anchor[]>();
    for (const anchor of anchors) {
      const mine = bySubject.get(anchor.subject);
      if (mine) mine.push(anchor);
      else bySubject.set(anchor.subject, [anchor]);
    }
    const byAnchor = new Map<Anchor, Finding[]>();
    for (const finding of findings) {
      const anchor = anchorFor(finding, bySubject);
      if (!anchor) continue;
      const list = byAnchor.get(anchor);
      if (list) list.push(finding);
      else byAnchor.set(anchor, [finding]);
    }
    // No dialog open in the document: no row of it is in one (one search, not one per row).
    const dialogOpen = doc.querySelector('[role="dialog"]') !== null;
    drawn = [...byAnchor].map(([anchor, list]) => {
      list.sort((a, b) => rank[a.severity] - rank[b.severity]);
      const dialog =
        anchor.role === 'portfolio-access' ||
        anchor.role === 'expiry' ||
        ((dialogOpen || anchor.element.getRootNode() !== doc) &&
          anchor.element.closest('[role="dialog"]') !== null);
      const kind = dialog ? 'callout' : 'badge';
      const mine = before.get(anchor.element);
      const at =
        mine?.findIndex(
          (old) =>
            old.kind === kind && sameAnchor(old.anchor, anchor) && sameList(old.findings, list, sameFinding),
        ) ?? -1;
      // Taken from `before`: what is left there at the end is removed.
      const node = at >= 0 ? mine!.splice(at, 1)[0]!.node : undefined;
      return { anchor, findings: list, kind, ...(node ? { node } : {}) } as Drawn;
    });
    for (const left of before.values()) for (const item of left) item.node?.remove();
  };
  // Matched in a task of its own, the rows watched in the next, then drawn in the next frame: at 5,000
  // people any two of them together made one long task (issue 12). A frame that comes first draws what
  // was matched before.
  const renderSoon = async () => {
    if (stale) return;
    stale = true;
    await yieldToPage();
    if (stale && !signal.aborted) render();
    await yieldToPage();
    void watchRows();
    schedule();
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
      // The same anchors: those drawn stay (one copy of them on the page's heap, not two).
      if (sameList(anchors, next, sameAnchor)) return;
      anchors = next;
      void renderSoon();
    },
    setFindings(next) {
      // Accepted findings stay in the panel, muted; they get no badge until their review date (the
      // background does not send them: lib/domain/badge-findings.ts).
      if (sameList(findings, next, sameFinding)) return findings;
      findings = next;
      void renderSoon();
      return next;
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
