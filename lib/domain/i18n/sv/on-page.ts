import type { Screens } from '../en/index';

/** What the content script says on the page itself, in Swedish (see en/on-page.ts). */
export const onPage: Screens['onPage'] = {
  refused: (reason) =>
    `Scopekeeper kunde inte ta emot det som lästes på den här sidan, så fynden här kan saknas eller vara inaktuella. ${reason}`,
  tooLarge: 'Det som lästes är större än vad Scopekeeper tar emot på en gång.',
  invalid: (field) => `Det som lästes klarade inte Scopekeepers kontroller (vid ”${field}”).`,
  unreachable:
    'Scopekeeper når inte längre resten av tillägget (det uppdaterades, laddades om eller stoppades), så fynden här kan saknas eller vara inaktuella. Ladda om sidan för att läsa den igen.',
  dismiss: 'Stäng',
};
