/** Words of the ledger's durability (issue 11, item 5): where an export went, what "Delete all data" does. */
export const durability = {
  /** Written through the browser's save dialog: the file is on disk. */
  exportSaved: (file: string) => `Saved ${file}. Your last export counts from now.`,
  /** Handed to the downloads (no save dialog in this browser): its end cannot be seen from here. */
  exportDownloaded: (file: string) =>
    `${file} was handed to the browser's downloads. Scopekeeper cannot see when a download finishes, so your last export counts from the moment it was handed over.`,
  exportCancelled: 'Export cancelled: no file was written, and your last export is unchanged.',
  exportNotWritten: (why: string) => `The file could not be written (${why}). Your last export is unchanged.`,
  deleteWarning:
    'Deleted from this browser: every grant record and decision (yours and imported ones), every checklist, what was read from the pages (snapshots, first-seen dates), the reminders (sent, snoozed, review dates), the time of the last export and the remembered commands. Kept: your settings, and this installation’s ledger id and signing key, so what you record afterwards still belongs to the same ledger. Export first to keep a copy.',
  deleted: 'All ledger data was deleted. Kept: your settings, the ledger id and the signing key.',
};
