import { readProblem } from '../domain/read-problems';
import { SENT_READ_PROBLEMS_MAX, type Locale, type PageKind, type PageSnapshot } from '../domain/snapshot';
import type { Anchor } from './anchors';
import { findMain, textSegments } from './dom';
import { pageLocales } from '../domain/locales';
import { navigation } from './lexicon';
import { isDeniedText, matchesAddPartner, matchesInvitePeople } from './match';
import type { DialogSeen, ReadOutcome } from './read-outcome';
import { readAssetPage } from './readers/asset-page';
import { readBusinessName } from './readers/business-name';
import { dialogTitle, findOpenDialog, readDialog } from './readers/dialogs';
import { readPrincipalList, type RowRead } from './readers/list';
import { readSecurity } from './readers/security';
import { getRouteInfo, type RouteInfo } from './routes';
import { normalizeText } from './text';

/**
 * The page kind, refined by the DOM: an open invite or add-partner dialog makes the page that dialog,
 * whatever the URL says (Meta opens them over People and Partners).
 */
export function refinePageKind(kind: PageKind, root: ParentNode): PageKind {
  if (kind === 'other') return kind;
  const dialog = findOpenDialog(root);
  if (!dialog) return kind;
  const title = dialogTitle(dialog);
  if (matchesAddPartner(title)) return 'add-partner-dialog';
  if (matchesInvitePeople(title)) return 'invite-dialog';
  return kind;
}

export function detectLocale(root: ParentNode): Locale {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const lang = doc.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase();
  const declared = pageLocales.find((l) => l === lang);
  if (declared) return declared;
  // No usable lang attribute: count navigation words of each language.
  const nav = root.querySelector('nav, [role="navigation"]') ?? findMain(root);
  const words = new Set(textSegments(nav as Element).map(normalizeText));
  let best: Locale = 'unknown';
  let bestScore = 0;
  for (const locale of pageLocales) {
    const score = Object.values(navigation).filter((v) =>
      v[locale].some((w) => words.has(normalizeText(w))),
    ).length;
    if (score > bestScore) {
      best = locale;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Reads a Business Settings page into a validated PageSnapshot. Never throws: a page it cannot read is
 * reported as `unreadable` with reasons, one it reads in part as `partial`.
 */
export function readPage(url: string, root: ParentNode): PageSnapshot {
  return readPageWithAnchors(url, root).snapshot;
}

/**
 * readPage, plus where each subject is shown on the page (for badges and live warnings). `rowRead` reads
 * a list's rows (the watcher's remembers rows and reads in slices; `deferred`: rows left for a later pass).
 */
export function readPageWithAnchors(
  url: string,
  root: ParentNode,
  rowRead?: RowRead,
): { snapshot: PageSnapshot; anchors: Anchor[]; dialogSeen?: DialogSeen; deferred?: number } {
  const route = getRouteInfo(url);
  const kind = refinePageKind(route.kind, root);
  let locale: Locale = 'unknown';
  try {
    locale = detectLocale(root);
    const outcome =
      kind === 'other' ? { principals: [], problems: [] } : readKind(kind, route, root, locale, rowRead);
    return {
      snapshot: finish(url, kind, route, locale, outcome, readBusinessName(root)),
      anchors: outcome.anchors ?? [],
      ...(outcome.dialogSeen ? { dialogSeen: outcome.dialogSeen } : {}),
      ...(outcome.deferred ? { deferred: outcome.deferred } : {}),
    };
  } catch (error) {
    const snapshot = finish(url, kind, route, locale, {
      principals: [],
      problems: [
        readProblem('reader-failed', { error: error instanceof Error ? error.message : String(error) }),
      ],
      unreadable: true,
    });
    return { snapshot, anchors: [] };
  }
}

function readKind(
  kind: PageKind,
  route: RouteInfo,
  root: ParentNode,
  locale: Locale,
  rowRead?: RowRead,
): ReadOutcome {
  const main = findMain(root);
  const outcome = readMain(kind, route, root, main, locale, rowRead);
  if (outcome.principals.length > 0 || outcome.deferred) return outcome;
  // Nothing read: say why when Meta's own page says so (access denied, content not available).
  const denied = textSegments(main as Element).find(isDeniedText);
  if (denied) {
    return {
      principals: [],
      problems: [readProblem('access-denied', { notice: denied.slice(0, 80) })],
      unreadable: true,
    };
  }
  return outcome;
}

function readMain(
  kind: PageKind,
  route: RouteInfo,
  root: ParentNode,
  main: ParentNode,
  locale: Locale,
  rowRead?: RowRead,
): ReadOutcome {
  switch (kind) {
    case 'people':
    case 'partners':
    case 'system-users':
      return readPrincipalList(kind, route, main, locale, rowRead);
    case 'asset':
      return readAssetPage(route, main, locale);
    case 'invite-dialog':
    case 'add-partner-dialog':
      return readDialog(kind, root, locale);
    case 'business-info':
    case 'security-center':
      return readSecurity(kind, main);
    case 'other':
      return { principals: [], problems: [] };
  }
}

function finish(
  url: string,
  kind: PageKind,
  route: RouteInfo,
  locale: Locale,
  outcome: ReadOutcome,
  businessName?: string,
): PageSnapshot {
  // What the background's schema would refuse in it is dropped or cut there, and said, before its parse
  // (lib/domain/snapshot-normalize.ts): the page sends its read as it is.
  let { principals } = outcome;
  const problems = [...outcome.problems];
  const marked = principals.filter((p) => p.isCurrentUser);
  if (marked.length > 1) {
    // "(you)" is text: anyone can end their name with it. When several rows carry it, none is trusted
    // (issue 10, item 3): the own domains then come from the settings only, and every holder is judged.
    // First among the problems, so that the cap on their number never hides it. (Copies: a reader's
    // principals may be remembered for the next read.)
    principals = principals.map((p) => (p.isCurrentUser ? { ...p, isCurrentUser: false } : p));
    problems.unshift(readProblem('several-current-user-markers', { count: marked.length }));
  }
  const you = principals.find((p) => p.isCurrentUser && p.kind === 'person');
  const readStatus = outcome.unreadable ? 'unreadable' : problems.length > 0 ? 'partial' : 'ok';
  return {
    kind,
    ...(route.businessId ? { businessId: route.businessId } : {}),
    url,
    locale,
    readStatus,
    readProblems: problems.slice(0, SENT_READ_PROBLEMS_MAX),
    ...(you
      ? {
          currentUser: {
            name: you.name,
            ...(you.kind === 'person' && you.email ? { email: you.email } : {}),
          },
        }
      : {}),
    businessName,
    principals,
    ...(outcome.security ? { security: outcome.security } : {}),
  };
}
