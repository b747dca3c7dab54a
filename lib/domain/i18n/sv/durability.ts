import type { durability as en } from '../en/durability';

/** Liggarens hållbarhet: vart en export tog vägen, vad "Radera all data" gör. */
export const durability: typeof en = {
  exportSaved: (file: string) => `${file} har sparats. Din senaste export räknas från nu.`,
  exportDownloaded: (file: string) =>
    `${file} lämnades till webbläsarens nedladdningar. Scopekeeper kan inte se när en nedladdning blir klar, så din senaste export räknas från när filen lämnades över.`,
  exportCancelled: 'Exporten avbröts: ingen fil skrevs och din senaste export är oförändrad.',
  exportNotWritten: (why: string) => `Filen kunde inte skrivas (${why}). Din senaste export är oförändrad.`,
  deleteWarning:
    'Raderas från den här webbläsaren: alla behörighetsposter och beslut (dina och importerade), alla checklistor, det som lästs från sidorna (ögonblicksbilder, datum då någon först sågs), påminnelserna (skickade, snoozade, granskningsdatum), tiden för senaste export, ihågkomna kommandon samt installationens liggar-id och signeringsnyckel. Det du registrerar efteråt är en ny liggare med en ny nyckel, som kollegor möter som en ny kollega att lita på; en export gjord innan importeras här som en annan liggare (kryssa i ”Lita på den här kollegan” i förhandsgranskningen för att dess godkännanden och baslinjer ska gälla). Med teamliggaren på raderas också webbläsarens kopia av teamets databas, men teamets server behåller allt den har, även dina tidigare poster, och nästa synkronisering hämtar tillbaka dem hit som en kollegas: stäng av teamliggaren först om inget av det ska finnas kvar i den här webbläsaren. Behålls: dina inställningar. Exportera först för att spara en kopia.',
  deleted:
    'All liggardata har raderats. Installationen har nu ett nytt liggar-id och en ny signeringsnyckel. Behållet: dina inställningar.',
};
