import type { QuarantinedItem } from '../../team-admin';
import type { ComparedField } from '../../team-compare';

/**
 * Words of what the team ledger leaves for an admin (issue 16, items 2–4): a grant edited in two places (in
 * the panel and on the options page), and the documents refused from the server (options page).
 */
export const teamAdmin = {
  conflict: {
    marker: 'Edited in two places: both versions are kept until you choose one.',
    compare: 'Compare and choose',
    hide: 'Hide the versions',
    loading: 'Loading the versions…',
    versionsOf: (subject: string) => `Versions of the grant for ${subject}`,
    version: (n: number) => `Version ${n}`,
    you: 'You (this browser)',
    colleague: (fingerprint: string | undefined, ledgerId: string, trusted: boolean) =>
      `A colleague (${fingerprint ? `key ${fingerprint}` : `ledger ${ledgerId}`}${trusted ? ', trusted' : ', not trusted'})`,
    field: {
      assets: 'Assets and roles',
      startsAt: 'Start',
      endsAt: 'End date',
      case: 'Case (why)',
      ticket: 'Ticket',
      approver: 'Approved by',
      notes: 'Notes',
    } satisfies Record<ComparedField, string>,
    differs: 'differs',
    none: '—',
    noTasks: 'no tasks',
    keep: 'Keep this version',
    keepHint:
      'The version you keep becomes the grant everywhere; a decision in your ledger records the choice.',
    resolved: 'Resolved: the version you chose is kept, and a decision records your choice.',
    gone: 'This grant is no longer in conflict: it was resolved meanwhile.',
    off: 'The team ledger is off: there is nothing to resolve here.',
  },
  records: {
    runMarker: 'This checklist was changed in two places: both versions are kept until you choose one.',
    campaignMarker:
      'This access review was changed in two places: both versions are kept until you choose one.',
    runVersionsOf: (title: string, who: string) => `Versions of the checklist “${title}” for ${who}`,
    campaignVersionsOf: (started: string) => `Versions of the access review started ${started}`,
    status: 'Status',
    case: 'Case (why)',
    open: 'Open',
    closed: 'Finished',
    finished: (when: string) => `Finished ${when}`,
    ticked: (when: string, how: string) => `Ticked ${when} (${how})`,
    notTicked: 'Not ticked',
    notInVersion: 'Not in this version',
    signedOff: (reviewer: string, role: string, when: string) =>
      `Signed off by ${reviewer} (${role}) ${when}`,
    answers: 'Answers',
    answerCounts: (keep: number, reduce: number, revoke: number, undecided: number) =>
      `keep ${keep} · reduce ${reduce} · revoke ${revoke} · not decided ${undecided}`,
    answered: (kind: string, rationale: string, reviewer: string) =>
      rationale ? `${kind}: “${rationale}” (${reviewer})` : `${kind} (${reviewer})`,
    undecided: 'Not decided',
    verified: (when: string) => `removal verified ${when}`,
    sameItems: (n: number) => `${n} other accesses are answered the same in every version.`,
    moreItems: (n: number) => `${n} more accesses are answered differently (not listed here).`,
    keepHint:
      'The version you keep becomes the record everywhere; a decision in your ledger records the choice.',
    gone: 'This record is no longer in conflict: it was resolved meanwhile.',
  },
  recordConflicts: {
    title: 'Checklists and access reviews edited in two places',
    intro:
      'The same checklist or access review was changed in two browsers before they synced. Both versions are kept; nothing counts as chosen until an admin keeps one.',
    none: 'No checklist or access review is in conflict.',
    runRow: (title: string, who: string, businessId: string, versions: number) =>
      `Checklist “${title}” for ${who} (business ${businessId}): ${versions} versions`,
    campaignRow: (started: string, businessId: string, versions: number) =>
      `Access review started ${started} (business ${businessId}): ${versions} versions`,
  },
  conflicts: {
    title: 'Grants edited in two places',
    intro:
      'The same grant was changed in two browsers before they synced. Both versions are kept; nothing counts as chosen until an admin keeps one.',
    none: 'No grant is in conflict.',
    row: (subject: string, businessId: string, versions: number) =>
      `${subject} (business ${businessId}): ${versions} versions`,
  },
  quarantine: {
    title: 'Documents refused from the server',
    intro:
      'Documents that did not pass the checks an imported file passes. They were never applied; your ledger is unchanged by them.',
    none: 'No document from the server was refused.',
    more: (shown: number, total: number) => `The latest ${shown} of ${total} are listed.`,
    when: (when: string) => `Refused ${when}`,
    whenUnknown: 'Refused before this version recorded when',
    document: (id: string) => `Document ${id}`,
    reason: {
      malformed: 'It is not a Scopekeeper record: its shape is not valid.',
      'wrong-id': 'Its id does not match what it contains.',
      unsigned: 'It carries no signature of its author.',
      'bad-signature': 'Its signature does not match its author’s key: it was changed after it was signed.',
      'changed-decision':
        'It is a decision already recorded here (yours or a colleague’s), changed on the server. A decision never changes: the one recorded here stays as it was.',
      'refused-by-import':
        'Its author’s records did not pass the checks an imported file passes, so none of them was applied.',
      'incomplete-chain':
        'It is a colleague’s ledger head naming decisions the server does not have (not all sent yet, deleted there, or the head changed): nothing of that colleague after the last decision held here is applied until they come.',
      'too-many-versions':
        'The server holds more versions of this record than a team makes (a team’s admins edit a record in at most a few places): none of them is applied or offered to choose.',
    } satisfies Record<QuarantinedItem['reason'], string>,
    problem: (text: string) => `The check found: ${text}`,
  },
};
