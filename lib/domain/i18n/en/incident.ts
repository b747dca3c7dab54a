/**
 * The incident response checklist's own words on the panel and popup (issue 13, item 4): who the unknown
 * principals are, who holds full control, and the form that records what happened in the ledger.
 */
export const incident = {
  unknown: 'Unknown access',
  nothingUnrecorded:
    'Nothing unrecorded was found when this checklist started: check the lists yourself and tick the steps by hand.',
  noneOfKind: 'None found when the checklist started.',
  holders: 'Full control when the checklist started',
  noHolders: 'Scopekeeper had read no one with full control: open People to see who holds it.',
  whatHappened: 'What happened',
  placeholder: 'What happened, when it was found, what was removed and changed.',
  record: 'Record in the ledger',
  recorded: 'Recorded in the ledger.',
};
