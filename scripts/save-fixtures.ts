// npx tsx scripts/save-fixtures.ts: saves the reader's HTML fixtures rendered by the Business Settings
// sandbox (test/fixtures/reader/sandbox-*.html), one per list structure and per detail-pane structure, in
// English, Swedish and French, with the facts each page shows according to the portfolio's description
// (<name>.facts.json), never according to the reader. The hand-written fixtures (hand-*) are left alone.
// A fixture whose HTML did not change keeps the date of its comment. See test/fixtures/README.md.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  expectedHolders,
  expectedPartners,
  expectedPeople,
  type Fact,
  type SavedFacts,
} from '../test/lib/page/facts';
import { renderSandbox } from '../test/sandbox/dom';
import { samplePortfolio } from '../test/sandbox/generate';
import type { SandboxPortfolio } from '../test/sandbox/portfolio';
import type { ListStructure, PaneStructure } from '../test/sandbox/structures';

const DIR = join(import.meta.dirname, '../test/fixtures/reader');
const B = 'https://business.facebook.com';
const BUSINESS = '1203456789012345';
const NILS = '61000000000002';
const LISA = '61000000000004';
const BYRA = '3228568050780001';
const SJOBOD_CAFE = '100200300400501';

const people = (query = '') => `${B}/latest/settings/business_users?business_id=${BUSINESS}${query}`;
const partners = (query = '') => `${B}/latest/settings/partners?business_id=${BUSINESS}${query}`;

/** Why each structure exists: the mechanics of research/meta-markup-evidence.md it follows. */
const listWhat: Record<ListStructure, string> = {
  grid: 'role=grid, row, gridcell with columnheaders, the arrangement scrapers saw in Business Suite (research/meta-markup-evidence.md, Arrangement); Business ID in its own column',
  list: 'role=list, listitem, a div role=button row (WebPressable, Mechanics: Buttons); "Business ID: 123" as text',
  table:
    'a plain <table> with <th> headers, as classic Business Manager showed lists; not a Geo mechanic, read so a page built that way is not missed',
  'labelled-rows':
    'GeoBaseListLayout / GeoBaseListRow (Mechanics: List rows): role=listitem named by aria-labelledby (plain text, no heading) and described by aria-describedby (e-mail · access); invitations are rows of the same list named by the invited e-mail (Arrangement: business_users_and_invitations)',
  cards:
    'GeoTextPairing cards with no list role (Mechanics: Name + subtitle): each name a role=heading aria-level 4, facts in description divs under it; Business ID as a label element beside its value, no colon; invitations named by the invited e-mail',
};

const paneWhat: Record<PaneStructure, string> = {
  headings:
    'GeoBaseText headings (Mechanics: Text and headings): pane title role=heading 2, asset-type labels role=heading 3, asset names role=heading 4; GeoSwitch input role=switch named by aria-label inside a <label>',
  'plain-labels':
    'type labels as plain text (GeoBaseText size value, no role), asset names role=heading 3; GeoSwitch with aria-label, aria-describedby and a visible <label for> (Mechanics: Switches); facts as a label element beside a value element without colon',
  'bold-names':
    'not Geo: type labels <h3>, asset names <strong>, access as text ("Partial access · Content, Ads"), access before e-mail, "Business ID: 123" with the locale’s typography; read so markup outside the Geo mechanics is not missed',
  'div-switches':
    'switches as div role=switch with aria-checked, named by aria-labelledby, described by aria-describedby (Mechanics: Switches, "accept both"); asset names a GeoTextPairing with an "ID: …" description; no "Assigned assets" title',
  details:
    'older Geo checkboxes, input type=checkbox with aria-labelledby and <label for> (Mechanics: Switches), each asset type a <details open> with its label in <summary>; access in a <dl>; the pending badge before the name',
  flat: 'no wrappers, everything a sibling in the pane: Business ID (label + value) before the name, access before e-mail, type labels role=heading 3, asset names bold text, div role=switch named by aria-label beside a visible text',
};

interface Spec {
  name: string;
  page: string;
  locale: 'en' | 'sv' | 'fr';
  shows: SavedFacts['shows'];
  list: ListStructure;
  pane?: PaneStructure;
  url: string;
  expected: (p: SandboxPortfolio) => Fact[];
  what: string;
}

/** The list structures, People with nothing selected, the languages in turn. */
const listSpecs: Spec[] = (
  [
    ['grid', 'en'],
    ['list', 'sv'],
    ['table', 'fr'],
    ['labelled-rows', 'en'],
    ['cards', 'fr'],
  ] as const
).map(([list, locale]) => ({
  name: `sandbox-list-${list}-people-${locale}`,
  page: 'People',
  locale,
  shows: 'list',
  list,
  url: people(),
  expected: (p) => expectedPeople(p, ''),
  what: `the People list (users and invitations) as ${listWhat[list]}`,
}));

/** The pane structures, People or Partners with a subject who has assets selected, in turn. */
const paneSpecs: Spec[] = (
  [
    ['headings', 'list', 'sv', 'people', NILS],
    ['plain-labels', 'table', 'fr', 'partners', BYRA],
    ['bold-names', 'labelled-rows', 'en', 'people', NILS],
    ['div-switches', 'cards', 'sv', 'partners', BYRA],
    ['details', 'grid', 'fr', 'people', LISA],
    ['flat', 'grid', 'en', 'partners', BYRA],
  ] as const
).map(([pane, list, locale, section, id]) => ({
  name: `sandbox-pane-${pane}-${section}-${locale}`,
  page:
    section === 'people'
      ? `People with ${id === LISA ? 'Lisa Karlsson (pending)' : 'Nils Holm'} selected`
      : 'Partners with Byrå AB selected',
  locale,
  shows: 'pane',
  list,
  pane,
  url: section === 'people' ? people(`&selected_user_id=${id}`) : partners(`&selected_partner_id=${id}`),
  expected: (p) => (section === 'people' ? expectedPeople(p, id) : expectedPartners(p, id)),
  what: `the detail pane with the subject’s assets and tasks as ${paneWhat[pane]}; the list as "${list}"`,
}));

const otherSpecs: Spec[] = [
  {
    name: 'sandbox-classic-people-sv',
    page: 'People with Nils Holm selected, classic layout',
    locale: 'sv',
    shows: 'pane',
    list: 'table',
    pane: 'headings',
    url: `${B}/settings/people/${NILS}?business_id=${BUSINESS}`,
    // Classic Business Manager had two roles, admin and employee: the sandbox shows its legacy labels.
    expected: (p) =>
      expectedPeople(p, NILS).map((f) => ({
        ...f,
        portfolioAccess: f.portfolioAccess === 'full-control' ? 'full-control' : 'basic',
      })),
    what: 'the classic Business Manager layout (/settings/people/<id>, the selected id in the path): a <table> list with the legacy roles (Admin access, Employee access) and the pane in "headings"',
  },
  {
    name: 'sandbox-asset-page-cards-en',
    page: 'the Page Sjöbod Café (asset page)',
    locale: 'en',
    shows: 'asset',
    list: 'cards',
    url: `${B}/latest/settings/pages?business_id=${BUSINESS}&selected_asset_id=${SJOBOD_CAFE}&selected_asset_type=page`,
    expected: (p) => expectedHolders(p, SJOBOD_CAFE),
    what: `a settings asset page (selected_asset_id= in the URL, research/meta-markup-evidence.md, Arrangement): the asset's name heading, then People and Partners sections listing its holders and their access, as ${listWhat.cards}`,
  },
  {
    name: 'sandbox-list-labelled-rows-partners-sv',
    page: 'Partners',
    locale: 'sv',
    shows: 'list',
    list: 'labelled-rows',
    url: partners(),
    expected: (p) => expectedPartners(p, ''),
    what: `the Partners list with nothing selected as ${listWhat['labelled-rows']}; each partner's Business ID in its description`,
  },
];

const specs = [...listSpecs, ...paneSpecs, ...otherSpecs];

/** The comment's date: today, or the date already saved when the HTML is the same as before. */
function dateOf(file: string, html: string): string {
  try {
    const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
    const saved = /^<!-- (\d{4}-\d\d-\d\d) /.exec(first ?? '')?.[1];
    if (saved && rest.join('\n') === html) return saved;
  } catch {
    // No fixture of that name yet.
  }
  return new Date().toISOString().slice(0, 10);
}

async function save(spec: Spec): Promise<void> {
  const portfolio = samplePortfolio(spec.locale, undefined, {
    listStructure: spec.list,
    ...(spec.pane ? { paneStructure: spec.pane } : {}),
  });
  const { doc, window } = renderSandbox(portfolio, spec.url);
  const html = `<!doctype html>${doc.documentElement.outerHTML}\n`;
  await window.happyDOM.close();
  const htmlFile = join(DIR, `${spec.name}.html`);
  const structures = spec.pane
    ? `sandbox structures "${spec.list}" (list) and "${spec.pane}" (pane)`
    : `sandbox structure "${spec.list}" (list)`;
  const comment = `<!-- ${dateOf(htmlFile, html)} · ${structures}, ${spec.page}, ${spec.locale} · URL: ${spec.url} · what it represents: ${spec.what} -->`;
  if (comment.slice(4, -3).includes('--')) throw new Error(`${spec.name}: "--" cannot be in a comment`);
  writeFileSync(htmlFile, `${comment}\n${html}`);

  const saved: SavedFacts = {
    source: 'sandbox',
    shows: spec.shows,
    structures: spec.pane ? { list: spec.list, pane: spec.pane } : { list: spec.list },
    locale: spec.locale,
    url: spec.url,
    readStatus: 'ok',
    facts: spec.expected(portfolio),
  };
  const factsFile = join(DIR, `${spec.name}.facts.json`);
  const options = { ...(await resolveConfig(factsFile)), filepath: factsFile };
  writeFileSync(factsFile, await format(JSON.stringify(saved, null, 2), options));
}

mkdirSync(DIR, { recursive: true });
for (const spec of specs) await save(spec);
// Fixtures of sandbox pages no longer saved go: the directory holds what this script says, and hand-*.
const names = new Set(specs.map((s) => s.name));
for (const file of readdirSync(DIR)) {
  const name = file.replace(/(\.facts\.json|\.html)$/, '');
  if (name.startsWith('sandbox-') && !names.has(name)) rmSync(join(DIR, file));
}
console.log(`Saved ${specs.length} sandbox fixtures in ${DIR}`);
