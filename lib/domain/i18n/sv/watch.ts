import type { Catalogue } from '../shape';

/** Panelens ord för ändringsbevakningen (issue 13). */
export const watch: Catalogue['watch'] = {
  changesTitle: 'Ändringar sedan ditt senaste besök',
  unrecordedCount: (n: number) =>
    n === 1 ? '1 ändring som inget dokument godkänner.' : `${n} ändringar som inget dokument godkänner.`,
  firstSeen: (date: string, page: string) => `Sågs första gången ${date} på ${page}`,
  approve: 'Det här var godkänt',
  approveHere: 'Dokumentera vem som godkände det och till när: varningen försvinner när posten sparas.',
  approvalCase: (what: string, date: string) => `Godkänt i efterhand: ${what} (sågs första gången ${date})`,
  startIncident: 'Starta incidenthantering',
  incidentHere:
    'Någon kom in utan att det dokumenterades. Incidentchecklistan nedan hjälper dig att ta bort dem och säkra företaget.',
  allChanges: 'Alla ändringar i det här företaget',
  more: (n: number) => `${n} till i hela listan.`,
};
