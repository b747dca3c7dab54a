import type { durability as en } from '../en/durability';

/** Liggarens hållbarhet: vart en export tog vägen, vad "Radera all data" gör. */
export const durability: typeof en = {
  exportSaved: (file: string) => `${file} har sparats. Din senaste export räknas från nu.`,
  exportDownloaded: (file: string) =>
    `${file} lämnades till webbläsarens nedladdningar. Scopekeeper kan inte se när en nedladdning blir klar, så din senaste export räknas från när filen lämnades över.`,
  exportCancelled: 'Exporten avbröts: ingen fil skrevs och din senaste export är oförändrad.',
  exportNotWritten: (why: string) => `Filen kunde inte skrivas (${why}). Din senaste export är oförändrad.`,
  deleteWarning:
    'Raderas från den här webbläsaren: alla behörighetsposter och beslut (dina och importerade), alla checklistor, det som lästs från sidorna (ögonblicksbilder, datum då någon först sågs), påminnelserna (skickade, snoozade, granskningsdatum), tiden för senaste export och ihågkomna kommandon. Behålls: dina inställningar samt installationens liggar-id och signeringsnyckel, så att det du registrerar efteråt hör till samma liggare. Exportera först för att spara en kopia.',
  deleted: 'All liggardata har raderats. Behållet: dina inställningar, liggar-id och signeringsnyckeln.',
};
