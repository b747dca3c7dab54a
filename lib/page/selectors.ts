/**
 * The longer and the repeated selectors of the structures the reader looks for: ARIA roles and the HTML
 * elements that carry the same role, never class names (research/meta-markup-evidence.md). Data, like the
 * lexicon: the content script's build reads them with the reader's words (page-data.ts), so the script
 * does not carry these strings (issue 12, item 2; they made room for the wrapper that reads that data
 * without a synchronous trip). Short ones stay where they are used: a name here costs the script more
 * than they do. Imported as `selector` (`selector.dialogs`).
 */

/** Not shown, or not page text: `hidden`, `aria-hidden`, scripts, styles, templates, SVG, form fields. */
export const notPlainText =
  '[hidden], [aria-hidden="true"], script, style, noscript, template, svg, input, textarea, select';

/** Task switches and checkboxes, however they are built (research/meta-markup-evidence.md, GeoSwitch). */
export const controls = 'input[role="switch"], [role="switch"], input[type="checkbox"], [role="checkbox"]';

/** A dialog's switches and checkboxes that are a field of their own. */
export const switches = 'input[role="switch"], [role="switch"], input[type="checkbox"]';

/** Elements a reader should never look into for page content: navigation, banners, open dialogs. */
export const pageChrome =
  'nav, [role="navigation"], [role="banner"], header[role], [role="dialog"], [role="alertdialog"]';

/** The same, and side regions. */
export const chromeOrAside = `${pageChrome}, [role="complementary"], aside`;

export const headings = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

export const dialogs = '[role="dialog"], [role="alertdialog"], dialog';

/** Dialogs as the reader finds them (a `<dialog>` only when it is open). */
export const openDialogs = '[role="dialog"], [role="alertdialog"], dialog[open]';

export const radios = '[role="radio"], input[type="radio"]';

/** Where a setting's value is chosen from a list. */
export const choices = 'select, [role="combobox"], [aria-haspopup="listbox"], [aria-haspopup="menu"]';

/** A row of a grid, table or list. */
export const rowLikes = '[role="row"], [role="listitem"], li, tr';

export const gridCells = '[role="gridcell"], [role="cell"], td, th';

export const columnHeaders = '[role="columnheader"], th';

/** Grids and tables by role, and a table element. */
export const tables = '[role="grid"], [role="table"], [role="treegrid"], table';

/** What a page shows while it loads. */
export const busy = '[role="progressbar"], [aria-busy="true"]';

export const clickables = 'button, [role="button"], a[href]';
