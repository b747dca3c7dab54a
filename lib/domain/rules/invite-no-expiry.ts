import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { quoted, words } from './words';

/** In an open invite dialog for a person, no temporary-access end date is set. */
export default defineRule({
  id: 'invite-no-expiry',
  severity: 'medium',
  scope: 'dialog',
  check(snapshot) {
    if (snapshot.kind !== 'invite-dialog') return [];
    return snapshot.principals
      .filter((p) => p.kind === 'person' && !p.temporaryUntil)
      .map((principal) => ({ subject: getSubjectKey(principal), principal }));
  },
  text: {
    en: {
      message: () => 'This invitation has no end date.',
      why: 'Meta removes temporary access by itself on the end date (3 to 75 days). Without one, the access stays until someone remembers to remove it.',
      fix: () =>
        `Turn on ${quoted('en', words.en.temporaryAccess)} and set the day the work ends, before you press ${quoted('en', words.en.sendRequest)}.`,
    },
    sv: {
      message: () => 'Inbjudan har inget slutdatum.',
      why: 'Meta tar själv bort tillfällig åtkomst på slutdatumet (3 till 75 dagar). Utan slutdatum finns åtkomsten kvar tills någon minns att ta bort den.',
      fix: () =>
        `Slå på ${quoted('sv', words.sv.temporaryAccess)} och ange dagen då arbetet slutar innan du trycker på ${quoted('sv', words.sv.sendRequest)}.`,
    },
    fr: {
      message: () => 'Cette invitation n’a pas de date de fin.',
      why: 'Meta retire de lui-même un accès temporaire à sa date de fin (de 3 à 75 jours). Sans elle, l’accès reste jusqu’à ce que quelqu’un pense à le retirer.',
      fix: () =>
        `Activez ${quoted('fr', words.fr.temporaryAccess)} et indiquez le jour où la mission se termine avant de cliquer sur ${quoted('fr', words.fr.sendRequest)}.`,
    },
  },
});
