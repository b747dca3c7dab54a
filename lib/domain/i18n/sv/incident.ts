import type { Catalogue } from '../shape';

/** The incident response checklist's words in Swedish (see en/incident.ts). */
export const incident: Catalogue['incident'] = {
  unknown: 'Okänd åtkomst',
  nothingUnrecorded:
    'Inget odokumenterat hittades när checklistan startades: kontrollera listorna själv och bocka av stegen för hand.',
  noneOfKind: 'Inga hittades när checklistan startades.',
  holders: 'Full kontroll när checklistan startades',
  noHolders: 'Scopekeeper hade inte läst någon med full kontroll: öppna Personer för att se vem som har det.',
  whatHappened: 'Vad som hände',
  placeholder: 'Vad som hände, när det upptäcktes, vad som togs bort och ändrades.',
  record: 'Registrera i liggaren',
  recorded: 'Registrerat i liggaren.',
};
