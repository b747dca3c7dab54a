const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The words of an import's baselines and change log (issue 13): what the file carries, whose word it is,
 * and what merging each business's baseline would make Scopekeeper take as known at the next read.
 */
export const watchTransfer = {
  /** The preview's and the outcome's summary part. */
  counts: (businesses: number, changes: number) =>
    `baselines of ${businesses} ${plural(businesses, 'business', 'businesses')}, ${changes} ${plural(changes, 'change', 'changes')}`,
  /** The preview's heading of the part, with how many change rows are not held here. */
  heading: (businesses: number, changes: number, fresh: number) =>
    `Baselines of ${businesses} ${plural(businesses, 'business', 'businesses')} and ${changes} ${plural(changes, 'change', 'changes')} (${fresh} not held here)`,
  status: {
    ours: 'They are your own (signed with your key): they will be merged with what Scopekeeper knows here.',
    trusted: 'They come from a colleague you trust (signed with their key): they will be merged.',
    untrusted:
      'They come from a colleague you do not trust: they are not applied unless you trust this colleague. A baseline decides who counts as new at the next read, so one from an untrusted file could hide an intruder.',
    unverified:
      'They are not signed by a key you hold or trust: they are not applied. Only your own backups and trusted colleagues’ files can set what counts as known here.',
    keyChanged:
      'This ledger is now signed with another key: they are applied only if you accept the new key (and trust this colleague).',
  },
  /** One business's baseline in the preview. */
  baseline: (business: string, replaces: boolean, taken: number, added: number) =>
    replaces
      ? `merges the baseline of business ${business}: the facts of ${taken} ${plural(taken, 'principal', 'principals')} come from the file (${added} not known here), and are not reported as new at the next read`
      : `takes the baseline of business ${business} (${taken} ${plural(taken, 'principal', 'principals')}): none of them is reported as new at the next read`,
  notApplied: 'not applied',
  /** The outcome, after the import. */
  applied: 'baselines and changes merged',
  skipped: 'baselines and changes not applied (not your own, nor a trusted colleague’s)',
};
