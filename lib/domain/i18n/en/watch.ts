/** The panel's words for the change watch (issue 13): changes since the last visit and their alerts. */
export const watch = {
  changesTitle: 'Changes since your last visit',
  unrecordedCount: (n: number) =>
    n === 1 ? '1 change no record approves.' : `${n} changes no record approves.`,
  firstSeen: (date: string, page: string) => `First seen ${date} on ${page}`,
  approve: 'This was approved',
  approveHere: 'Record who approved it and until when: the alert clears when the record is saved.',
  approvalCase: (what: string, date: string) => `Approved after the fact: ${what} (first seen ${date})`,
  startIncident: 'Start incident response',
  incidentHere:
    'Someone got in without a record. The incident checklist below walks you through removing them and securing the business.',
  allChanges: 'All changes of this business',
  more: (n: number) => `${n} more in the full list.`,
};
