/** Words of an import's progress bar on the options page (issue 12, item 5). */
export const importProgress = {
  /** The bar's accessible name. */
  label: 'Import progress',
  reading: (done: string, total: string) => `Reading the file: ${done} of ${total} MB`,
  checking: (done: string, total: string) => `Checking hashes and signatures: ${done} of ${total}`,
  writing: (done: string, total: string) => `Writing decisions: ${done} of ${total}`,
  /** While the file travels to the background, before its checks start. */
  sending: 'Handing the file to Scopekeeper’s background…',
  /** A long list of an import's preview shows its first rows; the rest on demand (issue 12, item 5). */
  listed: (shown: string, total: string) => `Showing ${shown} of ${total}.`,
  showMore: (more: string) => `Show ${more} more`,
  /** Counts of a ledger's changes by kind, above its list. */
  counts: (accepts: string, revokes: string, extends_: string) =>
    `${accepts} accepted findings, ${revokes} revocations, ${extends_} extensions`,
};
