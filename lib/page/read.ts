import { assetKey } from '../domain/principals';
import {
  getSubjectKey,
  pageSnapshotSchema,
  principalSchema,
  principalsSchema,
  type Locale,
  type PageKind,
  type PageSnapshot,
  type Principal,
} from '../domain/snapshot';
import {
  elementText,
  findDetailPane,
  findMain,
  findRows,
  HEADING_SELECTOR,
  headingLevel,
  isInChrome,
  textSegments,
} from './dom';
import { lexiconLocales, navigation } from './lexicon';
import {
  isColumnHeader,
  isDeniedText,
  isPendingSection,
  isEmptyStateText,
  isLoadingText,
  matchesAddPartner,
  matchesInvitePeople,
  matchSection,
} from './match';
import { readAccessText, readAssetSwitches } from './readers/assets';
import { dialogTitle, findOpenDialog, readDialog, type DialogSeen } from './readers/dialogs';
import { readRowFacts, toPartner, toPerson, toSystemUser, type RowFacts } from './readers/rows';
import type { Anchor } from './anchors';
import { getRouteInfo, type RouteInfo } from './routes';
import { normalizeText } from './text';

/** What a reader found, before it becomes a validated snapshot. */
export interface ReadOutcome {
  principals: Principal[];
  /** Where each principal (and its assets, and a dialog's choices) are shown. */
  anchors?: Anchor[];
  /** For a dialog: which parts of the draft its current step shows. */
  dialogSeen?: DialogSeen;
  problems: string[];
  /** true when nothing on the page could be understood. */
  unreadable?: boolean;
}

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
  if (lang === 'en' || lang === 'sv' || lang === 'fr') return lang;
  // No usable lang attribute: count navigation words of each language.
  const nav = root.querySelector('nav, [role="navigation"]') ?? findMain(root);
  const words = new Set(textSegments(nav as Element).map(normalizeText));
  let best: Locale = 'unknown';
  let bestScore = 0;
  for (const locale of lexiconLocales) {
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

const MAX_PROBLEMS = 20;

/**
 * Reads a Business Settings page into a validated PageSnapshot. Never throws: a page it cannot read is
 * reported as `unreadable` with reasons, one it reads in part as `partial`.
 */
export function readPage(url: string, root: ParentNode): PageSnapshot {
  return readPageWithAnchors(url, root).snapshot;
}

/** readPage, plus where each subject is shown on the page (for badges and live warnings). */
export function readPageWithAnchors(
  url: string,
  root: ParentNode,
): { snapshot: PageSnapshot; anchors: Anchor[]; dialogSeen?: DialogSeen } {
  const route = getRouteInfo(url);
  const kind = refinePageKind(route.kind, root);
  let locale: Locale = 'unknown';
  try {
    locale = detectLocale(root);
    const outcome = kind === 'other' ? { principals: [], problems: [] } : readKind(kind, route, root, locale);
    return {
      snapshot: finish(url, kind, route, locale, outcome),
      anchors: outcome.anchors ?? [],
      ...(outcome.dialogSeen ? { dialogSeen: outcome.dialogSeen } : {}),
    };
  } catch (error) {
    const snapshot = finish(url, kind, route, locale, {
      principals: [],
      problems: [`The reader failed on this page: ${error instanceof Error ? error.message : String(error)}`],
      unreadable: true,
    });
    return { snapshot, anchors: [] };
  }
}

function readKind(kind: PageKind, route: RouteInfo, root: ParentNode, locale: Locale): ReadOutcome {
  const main = findMain(root);
  const outcome = readMain(kind, route, root, main, locale);
  if (outcome.principals.length > 0) return outcome;
  // Nothing read: say why when Meta's own page says so (access denied, content not available).
  const denied = textSegments(main as Element).find(isDeniedText);
  if (denied) {
    return {
      principals: [],
      problems: [`Business Settings shows no data here: "${denied.slice(0, 80)}"`],
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
): ReadOutcome {
  switch (kind) {
    case 'people':
    case 'partners':
    case 'system-users':
      return readPrincipalList(kind, route, main, locale);
    case 'asset':
      return readAssetPage(route, main, locale);
    case 'invite-dialog':
    case 'add-partner-dialog':
      return readDialog(kind, root, locale);
    case 'other':
      return { principals: [], problems: [] };
  }
}

function isLoading(scope: ParentNode): boolean {
  if (scope.querySelector('[role="progressbar"], [aria-busy="true"]')) return true;
  return textSegments(scope as Element).some(isLoadingText);
}

function hasEmptyState(scope: ParentNode): boolean {
  return textSegments(scope as Element).some(isEmptyStateText);
}

const sectionNames: Record<'people' | 'partners' | 'system-users', string> = {
  people: 'people',
  partners: 'partners',
  'system-users': 'system users',
};

function toPrincipal(kind: 'people' | 'partners' | 'system-users', facts: RowFacts): Principal | undefined {
  return kind === 'people' ? toPerson(facts) : kind === 'partners' ? toPartner(facts) : toSystemUser(facts);
}

/**
 * Some layouts list invitations apart, under a heading or in a list labelled "Pending invitations", with
 * no label on each row. Returns a test for "this row is in such a section" (always false when the page
 * has none, at no cost per row).
 */
function pendingSectionTest(main: ParentNode): (row: Element) => boolean {
  const labelled = [...main.querySelectorAll('[aria-label]')].filter(
    (el) => !isInChrome(el) && isPendingSection(el.getAttribute('aria-label') ?? ''),
  );
  const headings = [...main.querySelectorAll(HEADING_SELECTOR)].filter((h) => !isInChrome(h));
  const pendingHeadings = new Set(headings.filter((h) => isPendingSection(elementText(h))));
  if (labelled.length === 0 && pendingHeadings.size === 0) return () => false;
  return (row) => {
    if (labelled.some((el) => el.contains(row))) return true;
    // The last heading before the row decides which section it is in.
    const before = headings.filter((h) => h.compareDocumentPosition(row) & 4 /* FOLLOWING */).at(-1);
    return before !== undefined && pendingHeadings.has(before);
  };
}

/**
 * A row or pane is about a principal only when it shows what identifies one: an e-mail address or an
 * access level for a person, a Business ID for a partner, a role or an id for a system user. A name alone
 * could be any heading.
 */
function isUnderstood(kind: 'people' | 'partners' | 'system-users', facts: RowFacts): boolean {
  if (kind === 'people') return facts.email !== undefined || facts.access !== undefined;
  if (kind === 'partners') return facts.id !== undefined;
  return facts.access !== undefined || facts.id !== undefined;
}

function sameSubject(a: Principal, b: Principal): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'person' && b.kind === 'person' && a.email && b.email)
    return a.email.toLowerCase() === b.email.toLowerCase();
  if (a.kind === 'partner' && b.kind === 'partner' && a.businessId && b.businessId)
    return a.businessId === b.businessId;
  if (a.kind === 'system-user' && b.kind === 'system-user' && a.id && b.id) return a.id === b.id;
  return normalizeText(a.name) === normalizeText(b.name);
}

function readPrincipalList(
  kind: 'people' | 'partners' | 'system-users',
  route: RouteInfo,
  main: ParentNode,
  locale: Locale,
): ReadOutcome {
  const problems: string[] = [];
  const list = findRows(main);
  const pane = findDetailPane(main, list);
  const principals: Principal[] = [];
  let missingAccess = 0;
  let notUnderstood = 0;
  const inPendingSection = pendingSectionTest(main);
  const rowPrincipal = new Map<Element, Principal>();
  let paneTarget: { principal: Principal; headings: Element[]; paneOnly: Element | undefined } | undefined;
  for (const row of list.rows) {
    const facts = readRowFacts(row, locale);
    if (facts.unreadableDate)
      problems.push(`An end date could not be read: "${facts.unreadableDate.slice(0, 40)}"`);
    if (inPendingSection(row)) facts.pending = true;
    const principal = isUnderstood(kind, facts) ? toPrincipal(kind, facts) : undefined;
    if (!principal) {
      // A header row written with ordinary cells ("Name", "Access") is not a principal, nor a problem.
      if (!textSegments(row).every(isColumnHeader)) notUnderstood++;
      continue;
    }
    if (kind !== 'partners' && !facts.access) missingAccess++;
    principals.push(principal);
    rowPrincipal.set(row, principal);
  }

  if (list.rows.length === 0 && !pane) {
    if (isLoading(main))
      return { principals, problems: [`The list of ${sectionNames[kind]} is still loading.`] };
    if (kind !== 'people' && hasEmptyState(main)) return { principals, problems };
    return {
      principals,
      problems: [
        `Found no list of ${sectionNames[kind]} on this page (no grid, table or list rows in the main region).`,
      ],
      unreadable: true,
    };
  }
  if (list.rows.length > 0 && principals.length === 0) {
    return {
      principals,
      problems: [
        `Found ${list.rows.length} rows but understood none of them: no e-mail address, Business ID or access level in English, Swedish or French.`,
      ],
      unreadable: true,
    };
  }
  if (notUnderstood > 0)
    problems.push(`${notUnderstood} of ${list.rows.length} rows could not be understood and were left out.`);
  if (missingAccess > 0)
    problems.push(`${missingAccess} ${sectionNames[kind]} have no access level the reader understands.`);
  if (list.declaredCount !== undefined && list.declaredCount > list.rows.length) {
    problems.push(
      `Read ${list.rows.length} of ${list.declaredCount} rows; the rest load as the list scrolls.`,
    );
  }

  if (pane) {
    const facts = readRowFacts(pane, locale, 3);
    const paneHeading = [...pane.querySelectorAll(HEADING_SELECTOR)].find((h) => headingLevel(h) === 2);
    if (paneHeading) facts.name = elementText(paneHeading);
    const { assets, headings, unknownLabels } = readAssetSwitches(pane);
    if (unknownLabels.length > 0)
      problems.push(`${unknownLabels.length} permission switches have labels the reader does not know.`);
    const fromPane = isUnderstood(kind, facts) ? toPrincipal(kind, facts) : undefined;
    if (fromPane) {
      const selected = list.rows.find(
        (row) => row.getAttribute('aria-selected') === 'true' || row.getAttribute('aria-current') === 'true',
      );
      const match =
        principals.find((p) => sameSubject(p, fromPane)) ??
        (selected ? rowPrincipal.get(selected) : undefined);
      if (match) {
        paneTarget = { principal: match, headings, paneOnly: undefined };
        match.assets = assets;
        if (match.kind === 'person' && fromPane.kind === 'person') match.email ??= fromPane.email;
        if (match.kind === 'partner' && fromPane.kind === 'partner') match.businessId ??= fromPane.businessId;
        if (match.kind === 'system-user' && fromPane.kind === 'system-user') match.id ??= fromPane.id;
        match.temporaryUntil ??= fromPane.temporaryUntil;
        match.portfolioAccess ??= fromPane.portfolioAccess;
      } else {
        fromPane.assets = assets;
        principals.push(fromPane);
        paneTarget = { principal: fromPane, headings, paneOnly: paneHeading ?? pane };
      }
    } else if (route.selectedId) {
      problems.push('The detail pane of the selected item could not be read.');
    }
  }
  // Anchors are keyed by subject once the pane has filled in what the row lacked (an e-mail address).
  const anchors: Anchor[] = [...rowPrincipal].map(([row, p]) => ({
    subject: getSubjectKey(p),
    role: 'row',
    element: row,
  }));
  if (paneTarget) {
    const subject = getSubjectKey(paneTarget.principal);
    if (paneTarget.paneOnly) anchors.push({ subject, role: 'row', element: paneTarget.paneOnly });
    paneTarget.principal.assets.forEach((asset, i) => {
      const heading = paneTarget!.headings[i];
      if (heading) anchors.push({ subject, role: 'asset', assetKey: assetKey(asset), element: heading });
    });
  }
  return { principals, problems, anchors };
}

function readAssetPage(route: RouteInfo, main: ParentNode, locale: Locale): ReadOutcome {
  // The selected asset's details: a name heading, then People / Partners sections listing its holders.
  const headings = [...main.querySelectorAll(HEADING_SELECTOR)].filter((h) => !isInChrome(h));
  const sections = headings
    .map((heading) => ({ heading, section: matchSection(elementText(heading)) }))
    .filter(
      (s): s is { heading: Element; section: 'people' | 'partners' | 'system-users' } =>
        s.section !== undefined,
    );
  const first = sections[0];
  if (!first) {
    if (isLoading(main)) return { principals: [], problems: ['The asset list is still loading.'] };
    if (!route.selectedId)
      return { principals: [], problems: ['No asset is selected: select one to see who holds it.'] };
    return {
      principals: [],
      problems: ['The selected asset’s details show no People or Partners section.'],
      unreadable: true,
    };
  }
  const isNameHeading = (h: Element) =>
    (headingLevel(h) ?? 9) <= 2 && matchSection(elementText(h)) === undefined;
  let pane: Element = first.heading;
  while (
    pane.parentElement &&
    ![...pane.parentElement.querySelectorAll(HEADING_SELECTOR)].some(isNameHeading)
  ) {
    pane = pane.parentElement;
  }
  pane = pane.parentElement ?? pane;
  const nameHeading = [...pane.querySelectorAll(HEADING_SELECTOR)]
    .filter((h) => isNameHeading(h) && h.compareDocumentPosition(first.heading) & 4 /* FOLLOWING */)
    .at(-1);
  const assetName = nameHeading ? elementText(nameHeading) : undefined;
  if (!assetName)
    return { principals: [], problems: ['The selected asset has no name heading.'], unreadable: true };

  const type = route.assetType ?? 'page';
  const rows = findRows(pane).rows;
  const problems: string[] = [];
  const principals: Principal[] = [];
  const anchors: Anchor[] = [];
  let unknownAccess = 0;
  for (const row of rows) {
    // The section a row belongs to is the last section heading before it.
    const section = sections
      .filter((s) => s.heading.compareDocumentPosition(row) & 4 /* FOLLOWING */)
      .at(-1)?.section;
    if (!section) continue;
    const facts = readRowFacts(row, locale);
    const principal = toPrincipal(section, facts);
    if (!principal) continue;
    const segments = textSegments(row).filter((s) => s !== facts.name);
    const access = segments.map((s) => readAccessText(s, type)).find((a) => a !== undefined);
    if (!access) {
      unknownAccess++;
      continue;
    }
    delete principal.portfolioAccess;
    principal.assets = [
      { type, ...(route.selectedId ? { id: route.selectedId } : {}), name: assetName, ...access },
    ];
    principals.push(principal);
    anchors.push({ subject: getSubjectKey(principal), role: 'row', element: row });
  }
  if (unknownAccess > 0)
    problems.push(
      `${unknownAccess} holders of this asset have an access level the reader does not understand.`,
    );
  return { principals, problems, anchors };
}

function finish(
  url: string,
  kind: PageKind,
  route: RouteInfo,
  locale: Locale,
  outcome: ReadOutcome,
): PageSnapshot {
  const problems = [...outcome.problems];
  // Validate the whole list at once; only when that fails, find and drop (or mend) the bad entries.
  const whole = principalsSchema.safeParse(outcome.principals);
  const principals: Principal[] = whole.success ? whole.data : [];
  if (!whole.success) {
    for (const candidate of outcome.principals) {
      let parsed = principalSchema.safeParse(candidate);
      if (!parsed.success && candidate.kind === 'person' && candidate.email) {
        // An address the schema rejects is dropped, not the person: the subject falls back to the name.
        problems.push('An e-mail address on the page is not a valid address and was left out.');
        const { email: _dropped, ...rest } = candidate;
        parsed = principalSchema.safeParse(rest);
      }
      if (parsed.success) principals.push(parsed.data);
      else
        problems.push(
          `A ${candidate.kind} could not be validated: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
    }
  }
  const you = principals.find((p) => p.isCurrentUser && p.kind === 'person');
  const readStatus = outcome.unreadable ? 'unreadable' : problems.length > 0 ? 'partial' : 'ok';
  const snapshot = {
    kind,
    ...(route.businessId ? { businessId: route.businessId } : {}),
    url,
    locale,
    readStatus,
    readProblems: problems.slice(0, MAX_PROBLEMS).map((p) => p.slice(0, 500)),
    ...(you
      ? {
          currentUser: {
            name: you.name,
            ...(you.kind === 'person' && you.email ? { email: you.email } : {}),
          },
        }
      : {}),
    principals,
  };
  const parsed = pageSnapshotSchema.safeParse({ ...snapshot, principals: [] });
  if (parsed.success) return { ...parsed.data, principals };
  return {
    kind,
    url: pageSnapshotSchema.shape.url.safeParse(url).success ? url : 'https://business.facebook.com/',
    locale,
    readStatus: 'unreadable',
    readProblems: [`The snapshot did not validate: ${parsed.error.issues[0]?.message ?? 'invalid'}`],
    principals: [],
  };
}
