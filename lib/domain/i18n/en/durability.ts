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
    'Deleted from this browser: every grant record and decision (yours and imported ones), every checklist, what was read from the pages (snapshots, first-seen dates), the reminders (sent, snoozed, review dates), the time of the last export, the remembered commands, and this installation’s ledger id and signing key. What you record afterwards is a new ledger under a new key, which colleagues meet as a new colleague to trust; an export made before imports here as another ledger (tick “Trust this colleague” in its preview for its acceptances and baselines to count). With the team ledger on, this browser’s copy of the team’s database is deleted too, but the team’s server keeps all it holds, your earlier records included, and the next sync brings them back here as a colleague’s: turn the team ledger off first if none of them should stay in this browser. Kept: your settings. Export first to keep a copy.',
  deleted:
    'All ledger data was deleted. This installation now has a new ledger id and signing key. Kept: your settings.',
};
