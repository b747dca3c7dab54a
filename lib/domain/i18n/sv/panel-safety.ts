import type { Catalogue } from '../shape';

/** The panel's safety words in Swedish (see en/panel-safety.ts). */
export const panelSafety: Catalogue['panelSafety'] = {
  notOursTitle: 'Den här panelen öppnades inte av Scopekeeper',
  notOursText:
    'Scopekeeper visar sin panel bara där den själv har placerat den i Business Settings. Den här kopian placerades här av sidan eller av något annat, så den visar ingenting och kan inte ändra något. Ladda om sidan för att få Scopekeepers egen panel.',
  cancel: 'Avbryt',
  confirmDiscard: (checklist, who, ticked) =>
    `Kasta checklistan ”${checklist}” för ${who}? Dess ${ticked} avbockade steg raderas. Ingenting dokumenteras i liggaren, och det går inte att ångra.`,
  confirmDiscardButton: 'Kasta checklistan',
  confirmFinish: (checklist, who) =>
    `Avsluta checklistan ”${checklist}” för ${who}? Ett beslut som dokumenterar den läggs till i liggaren.`,
  confirmFinishRevokes: (grants, who, others) =>
    `Dokumenterar återkallandet av ${grants} behörighet(er) för ${who}${others > 0 ? ` och ${others} relaterade personer eller systemanvändare` : ''}, som avslutas i dag, och lägger till besluten i liggaren. Det går inte att ångra.`,
  confirmFinishButton: 'Avsluta och dokumentera',
  counting: 'Räknar de dokumenterade behörigheterna…',
  ticked: (step) => `Bockade av ”${step}”.`,
  unticked: (step) => `Tog bort bocken för ”${step}”.`,
  snoozed: (label, days) => `${label} skjuts upp ${days === 1 ? '1 dag' : `${days} dagar`}.`,
  undo: 'Ångra',
  undone: 'Ångrat.',
};
