const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The words of an import's preview (what each record would change), of colleagues and of authorship
 * (issue 11, items 3 and 4). `who` is a subject as the admin knows it (name and ID).
 */
export const ledgerTrust = {
  changesLabel: 'What this import changes',
  accept: (rule: string, who: string, asset: string | undefined, until: string, by: string) =>
    `accepts ${rule} on ${who}${asset ? ` (${asset})` : ''} until ${until} (by ${by}): that finding is no longer shown until then`,
  revoke: (who: string, on: string, by: string, grants: number) =>
    `records the revocation of ${who} on ${on} (by ${by})${grants > 0 ? `: the reminders of ${grants} ${plural(grants, 'grant', 'grants')} stop` : ''}`,
  extend: (who: string, endsAt: string, by: string) =>
    `records the extension of ${who} until ${endsAt} (by ${by})`,
  addGrant: (who: string, assets: string, endsAt: string | undefined, silences: string) =>
    `adds a grant for ${who}${assets ? ` (${assets})` : ''} ${endsAt ? `ending ${endsAt}` : 'with no end date'}${silences ? `: ${silences} is no longer shown for them` : ''}`,
  capped: (from: string, days: string) =>
    `the file says ${from}, longer than the maximum of ${days} days, so it is imported capped`,
  waits: 'takes effect only if you trust this colleague',
  more: (n: number) => `and ${n} more ${plural(n, 'change', 'changes')}`,
  nothingChanges: 'Nothing that changes a finding, a reminder or an end date.',
  yourLedger: (n: number) => `Your ledger: ${n} new ${plural(n, 'decision', 'decisions')}`,
  colleague: (id: string, n: number) =>
    `Colleague’s ledger ${id}: ${n} new ${plural(n, 'decision', 'decisions')}`,
  signatures: (signed: number, unsigned: number) =>
    `${signed} signed, ${unsigned} unsigned (from before signing)`,
  key: {
    ours: (fp: string) => `signed with your key ${fp}`,
    new: (fp: string) => `key ${fp}, seen for the first time: it will be remembered for this colleague`,
    known: (fp: string) => `key ${fp}, as first seen`,
    changed: (fp: string, old: string) =>
      `Warning: this ledger is now signed with another key (${fp}) than the one first seen (${old}). Its decisions are held back unless you accept the new key.`,
    none: 'no key: its decisions cannot be attributed',
  },
  acceptKey: 'Accept the new key for this ledger',
  trustLapsed: (fp: string) =>
    `You trusted this colleague before any key was known for their ledger. This file brings its first key (${fp}), and your trust does not pass to a key by itself: trust them again only if this key is theirs.`,
  silencing: (n: number) =>
    `${n} of its ${plural(n, 'decision mutes a finding or ends', 'decisions mute a finding or end')} a grant: they take effect only if you trust this colleague; otherwise they are stored and ignored.`,
  trust: 'Trust this colleague: their acceptances and revocations take effect',
  trusted: 'A trusted colleague: their acceptances and revocations take effect.',
  heldBack: (id: string) =>
    `ledger ${id} held back (its key changed): none of its decisions, nor the grants and checklist runs of its file, were added`,
  colleaguesTitle: 'Trusted colleagues',
  colleaguesIntro: (fp: string) =>
    `Your key is ${fp}. A colleague’s acceptances and revocations take effect here only while you trust them.`,
  noColleagues: 'No colleagues yet.',
  colleagueRow: (id: string, fp: string | undefined, since: string | undefined) =>
    `Ledger ${id}${fp ? `, key ${fp}` : ''}${since ? `, trusted since ${since.slice(0, 10)}` : ', not trusted'}`,
  startTrusting: 'Trust',
  stopTrusting: 'Stop trusting',
  integrity: (n: number) => `integrity: ${n} ${plural(n, 'decision', 'decisions')}, hashes intact`,
  integrityBroken: (id: string, number: number, reason: string) =>
    `integrity: breaks at decision ${id} (#${number}): ${reason}`,
  authorship: (valid: number, signed: number, fp: string | undefined, unsigned: number) =>
    `authorship: ${valid} of ${signed} ${plural(signed, 'signature', 'signatures')} valid${fp ? ` (key ${fp})` : ''}, ${unsigned} unsigned from before signing`,
  authorshipBad: (id: string) => `authorship: the signature of decision ${id} does not match the key`,
  authorshipUnknown: (signed: number, unsigned: number) =>
    `authorship: no key known for this ledger (${signed} signed, ${unsigned} unsigned)`,
};
