/**
 * The tokens the diagnostics outline may show as they are (lib/page/diagnostics.ts): any other tag name,
 * role or input type is shown as `*` or `?`. Data only: the content script's build reads it from
 * `_locales` (lib/page/page-data.ts), like the lexicon.
 */

/** HTML's (and inline SVG's) element names. */
export const knownTags: readonly string[] = (
  'a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite code ' +
  'col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure ' +
  'footer form h1 h2 h3 h4 h5 h6 header hgroup hr i iframe img input ins kbd label legend li main map mark ' +
  'menu meter nav noscript object ol optgroup option output p picture pre progress q s samp search section ' +
  'select slot small source span strong sub summary sup table tbody td template textarea tfoot th thead ' +
  'time tr u ul var video svg g path circle rect use'
).split(' ');

/** WAI-ARIA 1.2 roles (and 1.3's image, comment, suggestion). */
export const knownRoles: readonly string[] = (
  'alert alertdialog application article banner blockquote button caption cell checkbox code columnheader ' +
  'combobox comment complementary contentinfo definition deletion dialog directory document emphasis feed ' +
  'figure form generic grid gridcell group heading image img insertion link list listbox listitem log main ' +
  'mark marquee math menu menubar menuitem menuitemcheckbox menuitemradio meter navigation none note option ' +
  'paragraph presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search ' +
  'searchbox separator slider spinbutton status strong subscript suggestion superscript switch tab table ' +
  'tablist tabpanel term textbox time timer toolbar tooltip tree treegrid treeitem'
).split(' ');

/** The values of an input's `type`. */
export const inputTypes: readonly string[] = (
  'button checkbox color date datetime-local email file hidden image month number password radio range ' +
  'reset search submit tel text time url week'
).split(' ');
