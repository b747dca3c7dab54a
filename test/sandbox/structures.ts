/**
 * The markup structures the sandbox can render one portfolio in. Meta's settings pages are assembled from
 * the Geo components that research/meta-markup-evidence.md describes, and how each page arranges them is
 * inferred, not captured: so the sandbox renders the same people, partners and assets in several
 * arrangements, and a reader that has learnt one of them fails on the others.
 */

/**
 * List structures (People, Partners, System users, an asset page's list of assets and its holders):
 * - `grid`: role=grid → row → gridcell, with columnheaders; Business ID in its own column.
 * - `list`: role=list → listitem → div[role=button] row; "Business ID: 123" as text.
 * - `table`: a classic <table> with <th> headers; Business ID in its own column.
 * - `labelled-rows`: GeoBaseListLayout / GeoBaseListRow: role=list → role=listitem whose aria-labelledby
 *   names a plain-text label (no heading) and aria-describedby a description ("e-mail · access",
 *   "Business ID: 123"); pending invitations are rows of the same list named by the invited e-mail.
 * - `cards`: plain divs, no list or grid role: each card is a GeoTextPairing (the name a role=heading
 *   aria-level 4, facts in description divs under it); Business ID as a label element beside a value
 *   element with no colon; pending invitations named by the invited e-mail.
 */
export const listStructures = ['grid', 'list', 'table', 'labelled-rows', 'cards'] as const;
export type ListStructure = (typeof listStructures)[number];

/**
 * Detail-pane structures (the pane of a selected person, partner or system user with its assets). The pane
 * title is always the name as role=heading aria-level 2, as Meta titles its panes; the rest varies:
 * - `headings`: asset-type labels role=heading 3, asset names role=heading 4, tasks input[role=switch]
 *   named by aria-label inside a <label>.
 * - `plain-labels`: extra wrappers; type labels plain text, asset names role=heading 3, GeoSwitch tasks
 *   (input[role=switch] with aria-label, aria-describedby → description, visible <label for>); facts as
 *   label element + value element without colon.
 * - `bold-names`: type labels <h3>, asset names <strong>, access as text ("Partial access · Content, Ads");
 *   access before e-mail; "Business ID: 123" with the locale's typography.
 * - `div-switches`: extra wrappers; no "Assigned assets" title; type labels role=heading 3, asset names a
 *   GeoTextPairing (role=heading 4 + "ID: …" description); tasks div[role=switch][aria-checked] named by
 *   aria-labelledby, described by aria-describedby; "ID: 123".
 * - `details`: each asset type a <details open> with the type label in <summary>, the asset name its first
 *   text block, tasks input[type=checkbox] with aria-labelledby and <label for>; access in a <dl>; the
 *   pending badge before the name.
 * - `flat`: no wrappers, everything a sibling in the pane; Business ID (label + value) before the name,
 *   access before e-mail; type labels role=heading 3, asset names bold text, tasks div[role=switch] named
 *   by aria-label beside a visible text.
 */
export const paneStructures = [
  'headings',
  'plain-labels',
  'bold-names',
  'div-switches',
  'details',
  'flat',
] as const;
export type PaneStructure = (typeof paneStructures)[number];

export interface Structures {
  list: ListStructure;
  pane: PaneStructure;
}

/** What a portfolio says about its structure (a subset of the portfolio, to keep this module a leaf). */
export interface StructureChoice {
  /** The older name of the list structure; still honoured. */
  variant?: ListStructure;
  listStructure?: ListStructure;
  paneStructure?: PaneStructure;
  structureSeed?: string;
}

/** FNV-1a, enough to spread seeds over a handful of structures. */
function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The structures a seed picks: the same seed always picks the same pair. */
export function pickStructures(seed: string): Structures {
  return {
    list: listStructures[hashSeed(`list|${seed}`) % listStructures.length]!,
    pane: paneStructures[hashSeed(`pane|${seed}`) % paneStructures.length]!,
  };
}

/**
 * The structures a page renders in: an explicit choice first (`listStructure`, else `variant`;
 * `paneStructure`), then the seed's pick, then the defaults (`grid` and `headings`, the structures
 * the sandbox had before it had choices).
 */
export function getStructures(choice: StructureChoice): Structures {
  const picked = choice.structureSeed === undefined ? undefined : pickStructures(choice.structureSeed);
  return {
    list: choice.listStructure ?? choice.variant ?? picked?.list ?? 'grid',
    pane: choice.paneStructure ?? picked?.pane ?? 'headings',
  };
}
