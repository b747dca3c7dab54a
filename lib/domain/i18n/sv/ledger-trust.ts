import type { Catalogue } from '../shape';

/** Förhandsvisningen av en import, kolleger och signaturer på svenska (se en/ledger-trust.ts). */
export const ledgerTrust: Catalogue['ledgerTrust'] = {
  changesLabel: 'Vad importen ändrar',
  accept: (rule, who, asset, until, by) =>
    `godtar ${rule} för ${who}${asset ? ` (${asset})` : ''} till ${until} (av ${by}): det fyndet visas inte förrän dess`,
  revoke: (who, on, by, grants) =>
    `dokumenterar återkallandet av ${who} den ${on} (av ${by})${grants > 0 ? `: påminnelserna för behörigheterna upphör (${grants})` : ''}`,
  extend: (who, endsAt, by) => `dokumenterar förlängningen av ${who} till ${endsAt} (av ${by})`,
  addGrant: (who, assets, endsAt, silences) =>
    `lägger till en behörighet för ${who}${assets ? ` (${assets})` : ''} ${endsAt ? `som upphör ${endsAt}` : 'utan slutdatum'}${silences ? `: ${silences} visas inte längre för dem` : ''}`,
  capped: (from, days) => `filen anger ${from}, längre än högst ${days} dagar, så den importeras begränsad`,
  waits: 'gäller först om du litar på den här kollegan',
  more: (n) => `och fler ändringar (${n})`,
  nothingChanges: 'Inget som ändrar ett fynd, en påminnelse eller ett slutdatum.',
  yourLedger: (n) => `Din liggare: nya beslut (${n})`,
  colleague: (id, n) => `Kollegans liggare ${id}: nya beslut (${n})`,
  signatures: (signed, unsigned) => `signerade: ${signed}, osignerade (från före signering): ${unsigned}`,
  key: {
    ours: (fp) => `signerad med din nyckel ${fp}`,
    new: (fp) => `nyckel ${fp}, sedd för första gången: den sparas för den här kollegan`,
    known: (fp) => `nyckel ${fp}, samma som först sågs`,
    changed: (fp, old) =>
      `Varning: liggaren är nu signerad med en annan nyckel (${fp}) än den som först sågs (${old}). Dess beslut hålls tillbaka om du inte godtar den nya nyckeln.`,
    none: 'ingen nyckel: besluten kan inte knytas till någon',
  },
  acceptKey: 'Godta den nya nyckeln för den här liggaren',
  trustLapsed: (fp) =>
    `Du litade på den här kollegan innan någon nyckel var känd för hens liggare. Filen har liggarens första nyckel (${fp}), och ditt förtroende följer inte med till en nyckel av sig självt: lita på kollegan igen bara om nyckeln är hens.`,
  silencing: (n) =>
    `Beslut som tystar ett fynd eller avslutar en behörighet: ${n}. De gäller först om du litar på kollegan; annars sparas de och bortses från.`,
  trust: 'Lita på den här kollegan: hens godkännanden och återkallanden gäller',
  trusted: 'En betrodd kollega: hens godkännanden och återkallanden gäller.',
  heldBack: (id) =>
    `liggaren ${id} hölls tillbaka (nyckeln har ändrats): inga av dess beslut, och inga av filens behörigheter eller checklistor, lades till`,
  colleaguesTitle: 'Betrodda kolleger',
  colleaguesIntro: (fp) =>
    `Din nyckel är ${fp}. En kollegas godkännanden och återkallanden gäller här bara så länge du litar på hen.`,
  noColleagues: 'Inga kolleger ännu.',
  colleagueRow: (id, fp, since) =>
    `Liggare ${id}${fp ? `, nyckel ${fp}` : ''}${since ? `, betrodd sedan ${since.slice(0, 10)}` : ', inte betrodd'}`,
  startTrusting: 'Lita på',
  stopTrusting: 'Sluta lita på',
  integrity: (n) => `integritet: hashvärdena är intakta (${n} beslut)`,
  integrityBroken: (id, number, reason) => `integritet: bryts vid beslut ${id} (nr ${number}): ${reason}`,
  authorship: (valid, signed, fp, unsigned) =>
    `upphov: giltiga signaturer ${valid} av ${signed}${fp ? ` (nyckel ${fp})` : ''}, osignerade från före signering: ${unsigned}`,
  authorshipBad: (id) => `upphov: signaturen på beslut ${id} stämmer inte med nyckeln`,
  authorshipUnknown: (signed, unsigned) =>
    `upphov: ingen känd nyckel för liggaren (signerade: ${signed}, osignerade: ${unsigned})`,
};
