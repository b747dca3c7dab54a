/** Words of an import's progress bar on the options page (issue 12, item 5). */
export const importProgress = {
  /** The bar's accessible name. */
  label: 'Import progress',
  reading: (done: string, total: string) => `Reading the file: ${done} of ${total} MB`,
  checking: (done: string, total: string) => `Checking hashes and signatures: ${done} of ${total}`,
  writing: (done: string, total: string) => `Writing decisions: ${done} of ${total}`,
  /** While the file travels to the background, before its checks start. */
  sending: 'Handing the file to Scopekeeper’s background…',
};
