/**
 * The panel's safety words (issue 11, item 2): the screen of a panel Scopekeeper did not open, the
 * confirmations of what cannot be taken back, and the offers to undo a tick or a snooze.
 */
export const panelSafety = {
  notOursTitle: 'This panel was not opened by Scopekeeper',
  notOursText:
    'Scopekeeper shows its panel only where it put it itself on Business Settings. This copy was placed here by the page or by something else, so it shows nothing and can change nothing. Reload the page to get Scopekeeper’s own panel.',
  cancel: 'Cancel',
  confirmDiscard: (checklist: string, who: string, ticked: number) =>
    `Discard the checklist “${checklist}” for ${who}? Its ${ticked} ticked step(s) are deleted. Nothing is recorded in the ledger, and this cannot be undone.`,
  confirmDiscardButton: 'Discard the checklist',
  confirmFinish: (checklist: string, who: string) =>
    `Finish the checklist “${checklist}” for ${who}? A decision recording it is added to the ledger.`,
  confirmFinishRevokes: (grants: number, who: string, others: number) =>
    `Records the revocation of ${grants} grant(s) for ${who}${others > 0 ? ` and ${others} related person(s) or system user(s)` : ''}, ending them today, and adds the decisions to the ledger. This cannot be undone.`,
  confirmFinishButton: 'Finish and record',
  counting: 'Counting the recorded grants…',
  ticked: (step: string) => `Ticked “${step}”.`,
  unticked: (step: string) => `Unticked “${step}”.`,
  snoozed: (label: string, days: number) => `${label} snoozed for ${days === 1 ? '1 day' : `${days} days`}.`,
  undo: 'Undo',
  undone: 'Undone.',
};
