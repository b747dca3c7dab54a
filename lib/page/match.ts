import type { AssetType, PortfolioAccess, TaskKey } from '../domain/snapshot';
import {
  actions,
  allVariants,
  assetTypeWords,
  buildIndex,
  legacyRoles,
  markers,
  navigation,
  portfolioAccess,
  taskWords,
  type Variants,
} from './lexicon';
import { normalizeText } from './text';

/** Matching page words against the lexicon. Built once; every lookup is on normalised text. */

const accessIndex = buildIndex<Exclude<PortfolioAccess, 'unknown'>>(
  (Object.keys(portfolioAccess) as (keyof typeof portfolioAccess)[]).map(
    (key) => [portfolioAccess[key], key] as const,
  ),
);

export function matchPortfolioAccess(text: string): Exclude<PortfolioAccess, 'unknown'> | undefined {
  return accessOfNormal(normalizeText(text));
}

/** matchPortfolioAccess of a text already normalised (the row reader normalises each text once). */
export function accessOfNormal(normal: string): Exclude<PortfolioAccess, 'unknown'> | undefined {
  const word = stripLabel(normal);
  // "Full control (formerly admin)": the label with a parenthetical note after it.
  return (
    accessIndex.get(word) ?? (word.endsWith(')') ? accessIndex.get(withoutTrailingNote(word)) : undefined)
  );
}

/** "Full control (formerly admin)" without its last parenthetical note, in linear time. */
function withoutTrailingNote(word: string): string {
  const lastClose = word.lastIndexOf(')', word.length - 2);
  const open = word.indexOf('(', lastClose + 1);
  return open === -1 ? word : word.slice(0, open).trimEnd();
}

const assetTypeIndex = buildIndex<AssetType>(
  (Object.keys(assetTypeWords) as AssetType[]).map((type) => [assetTypeWords[type], type] as const),
);

export function matchAssetType(text: string): AssetType | undefined {
  return assetTypeIndex.get(normalizeText(text));
}

export type TaskMatch = TaskKey | 'full' | 'full-except-sensitive';

const taskIndexByType = new Map<AssetType, Map<string, TaskMatch>>();
const anyTaskIndex = new Map<string, TaskMatch>();
for (const entry of taskWords) {
  for (const word of allVariants(entry.words)) {
    for (const type of entry.on) {
      const index = taskIndexByType.get(type) ?? new Map<string, TaskMatch>();
      if (!index.has(word)) index.set(word, entry.concept);
      taskIndexByType.set(type, index);
    }
    if (!anyTaskIndex.has(word)) anyTaskIndex.set(word, entry.concept);
  }
}
const legacyIndex = buildIndex(legacyRoles.map((role) => [role.words, role.tasks] as const));

/** A task label on an asset of a known type (or any type when the type is not known). */
export function matchTask(text: string, type: AssetType | undefined): TaskMatch | undefined {
  const word = normalizeText(text);
  return (type ? taskIndexByType.get(type)?.get(word) : undefined) ?? anyTaskIndex.get(word);
}

/** Legacy roles (Admin, Editor, Moderator, Advertiser, Analyst) as full control or a task set. */
export function matchLegacyRole(text: string): readonly TaskKey[] | 'full' | undefined {
  return legacyIndex.get(normalizeText(text));
}

function makeMatcher(variants: Variants): (text: string) => boolean {
  const words = new Set(allVariants(variants));
  return (text) => words.has(stripLabel(normalizeText(text)));
}

const pendingWords = new Set(allVariants(markers.pending));
export const isPendingLabel = (text: string) => isPendingNormal(normalizeText(text));
/** isPendingLabel of a text already normalised. */
export const isPendingNormal = (normal: string) => pendingWords.has(stripLabel(normal));
export const isPendingSection = makeMatcher(markers['pending-section']);
export const isColumnHeader = makeMatcher(markers.columns);
export const isNameColumn = makeMatcher(markers['name-column']);
const paneSections = new Set(allVariants(markers['pane-sections']));
/** "Assigned assets", "People from this partner": section titles of a detail pane (exact, no label strip). */
export const isPaneSection = (text: string) => paneSections.has(normalizeText(text));
export const isEmptyStateText = makeMatcher(markers.empty);
export const isLoadingText = (text: string) => {
  const word = normalizeText(text).replace(/[.…]+$/, '');
  return allVariants(markers.loading).includes(word);
};

const youMarkers = allVariants(markers.you);

/**
 * Whether a text can normalise to one that ends in ")", as every "(you)" marker does: printable ASCII is
 * only folded and lower-cased, so without a ")" it cannot (names and addresses are seldom normalised).
 */
const mayEndInParenthesis = (text: string) => text.includes(')') || !/^[\x20-\x7e]*$/.test(text);

/** The "(you)" badge: an element whose whole text is the marker. */
export function isYouMarker(text: string): boolean {
  return mayEndInParenthesis(text) && youMarkers.includes(normalizeText(text));
}

/** isYouMarker of a text already normalised. */
export const isYouNormal = (normal: string) => youMarkers.includes(normal);

/** "(you)" on its own, or at the end of a name ("Anna Berg (you)"): returns the rest of the text. */
export function splitYouMarker(text: string): { marked: boolean; rest: string } {
  if (!mayEndInParenthesis(text)) return { marked: false, rest: text };
  const normal = normalizeText(text);
  for (const marker of youMarkers) {
    if (normal === marker) return { marked: true, rest: '' };
    if (normal.endsWith(` ${marker}`)) {
      return {
        marked: true,
        rest: text
          .trim()
          .slice(0, text.trim().length - marker.length)
          .trim(),
      };
    }
  }
  return { marked: false, rest: text };
}

const temporaryWords = allVariants(markers['temporary-access']).sort((a, b) => b.length - a.length);
/** The words at the start, then the end, a space or a colon: one pattern, tried once per text (a row has several). */
const temporaryStart = new RegExp(
  `^(?:${temporaryWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=$|[ :])`,
);

/** "Access expires Dec 31, 2026": returns what follows the words, or undefined when it is not such a text. */
export function stripTemporaryAccess(text: string): string | undefined {
  return temporaryRestOfNormal(normalizeText(text));
}

/** stripTemporaryAccess of a text already normalised. */
export function temporaryRestOfNormal(normal: string): string | undefined {
  const words = temporaryStart.exec(normal)?.[0];
  return words === undefined ? undefined : normal.slice(words.length).replace(/^[:·•\-–\s]+/, '');
}

const deniedWords = allVariants(markers.denied);
export function isDeniedText(text: string): boolean {
  const normal = normalizeText(text);
  return deniedWords.some((word) => normal.startsWith(word));
}

const businessIdLabels = allVariants(markers['business-id']).sort((a, b) => b.length - a.length);

/**
 * A Business ID or system-user ID shown on its own or after its label, in every form LEXICON.md allows:
 * "Business ID: 3228…", "ID : 3228…" (French puts a space, often a narrow no-break one, before the colon;
 * NFKC makes it a space), "ID de l'entreprise\u202f: 3228…", "Business ID 3228…" with no colon, "#3228…".
 */
export function readIdText(text: string): string | undefined {
  return idOfNormal(normalizeText(text));
}

/** readIdText of a text already normalised. */
export function idOfNormal(normalized: string): string | undefined {
  let normal = normalized;
  for (const label of businessIdLabels) {
    if (normal.startsWith(label) && /^[\s:#]/.test(normal.charAt(label.length))) {
      normal = normal.slice(label.length);
      break;
    }
  }
  normal = normal.replace(/^[:\s#]+/, '');
  return /^\d{5,20}$/.test(normal) ? normal : undefined;
}

/** A Business ID label on its own ("Business ID", "ID :"), its number in the next element. */
export function isIdLabel(text: string): boolean {
  return isIdLabelNormal(normalizeText(text));
}

/** isIdLabel of a text already normalised. */
export const isIdLabelNormal = (normal: string) => businessIdLabels.includes(normal.replace(/\s*:$/, ''));

const emailLabels = allVariants(markers.email);
const actionWords = new Set(Object.values(actions).flatMap((v) => allVariants(v)));
const navWords = new Set(Object.values(navigation).flatMap((v) => allVariants(v)));

export function isEmailLabel(text: string): boolean {
  return emailLabels.includes(stripLabel(normalizeText(text)));
}

/** Words that are UI furniture, never a principal's name. */
export function isUiWord(text: string): boolean {
  const normal = stripLabel(normalizeText(text));
  return actionWords.has(normal) || navWords.has(normal) || emailLabels.includes(normal);
}

export const matchesInvitePeople = makeMatcher(actions['invite-people']);
export const matchesAddPartner = makeMatcher(actions['add-partner']);

export function matchSection(text: string): 'people' | 'partners' | 'system-users' | undefined {
  const normal = normalizeText(text);
  if (allVariants(navigation.people).includes(normal)) return 'people';
  if (allVariants(navigation.partners).includes(normal)) return 'partners';
  if (allVariants(navigation['system-users']).includes(normal)) return 'system-users';
  return undefined;
}

/** "Access: Full control" → "full control"; a trailing colon alone is dropped too. */
function stripLabel(normal: string): string {
  const colon = normal.lastIndexOf(':');
  if (colon === -1) return normal;
  const after = normal.slice(colon + 1).trim();
  return after === '' ? normal.slice(0, colon).trim() : after;
}
