import type { teamLedger as en } from '../en/team-ledger';

/** Teamliggarens inställningar på alternativsidan (ärende 16). */
export const teamLedger: typeof en = {
  title: 'Teamliggare (valfri)',
  intro:
    'Replikera liggaren till en CouchDB-server som ditt team driver. Den är avstängd tills du sparar en server här: utan den lämnar ingenting den här webbläsaren, och med den kontaktar Scopekeeper bara den servern.',
  notYet:
    'Med en sparad server skickas liggarens tilldelningar och beslut dit, signerade av den här webbläsaren, efter varje ändring och var femte minut; kollegors poster kontrolleras som en importerad fil innan de räknas. Sidögonblicksbilder skickas aldrig.',
  serverUrl: 'CouchDB-serverns adress',
  serverUrlHint: 'Till exempel https://couch.example.org/ (HTTPS; okrypterad HTTP bara till den här datorn).',
  database: 'Databas',
  databaseHint: 'Små bokstäver, siffror och _ $ ( ) + - /, med en bokstav först.',
  user: 'Användarnamn',
  password: 'Lösenord',
  passwordHint:
    'Sparas i webbläsarens tilläggslagring, skickas bara till den här servern och exporteras aldrig. Lämna tomt för att behålla det sparade.',
  save: 'Tillåt och anslut till den här servern',
  saved: (origin: string) => `Sparat. Scopekeeper får nu kontakta ${origin}, och bara den.`,
  notSaved: (fields: string) => `Inte sparat: kontrollera ${fields}.`,
  urlIssue: {
    'not-a-url': 'adressen är ingen webbadress (https://…)',
    'not-https':
      'okrypterad HTTP skulle skicka lösenordet i klartext: använd HTTPS (okrypterad HTTP bara till den här datorn)',
    'has-credentials': 'skriv användarnamn och lösenord i sina egna fält, inte i adressen',
    'has-query': 'adressen får inte ha någon ?- eller #-del',
    'business-settings': 'teamservern kan inte vara Företagsinställningar',
  },
  permissionRefused: (origin: string) =>
    `Inte sparat: webbläsaren tillät inte Scopekeeper att kontakta ${origin}.`,
  storedInvalid:
    'De sparade teaminställningarna kan inte läsas: teamliggaren är avstängd tills du sparar igen.',
  test: 'Testa anslutningen',
  testing: 'Testar anslutningen…',
  off: 'Ingen teamserver är sparad.',
  noPermission: (origin: string) =>
    `Scopekeeper får inte kontakta ${origin}: spara inställningarna igen och tillåt det.`,
  unreachable: 'Servern går inte att nå: kontrollera adressen och att servern är igång.',
  timeout: 'Servern svarade inte inom 10 sekunder.',
  notCouchDb: (status?: number) =>
    `Något svarade på adressen, men inte CouchDB${status ? ` (HTTP ${status})` : ''}: kontrollera adressen.`,
  wrongCredentials: 'Servern godtog inte användarnamnet och lösenordet.',
  noAccess:
    'Användarnamnet och lösenordet stämmer, men användaren får inte öppna databasen: be den som driver servern att göra användaren till medlem i den.',
  missingDatabase:
    'Databasen finns inte. Bara en serveradministratör kan skapa den: fråga den som driver servern.',
  missingCanCreate: 'Databasen finns inte ännu. Du är serveradministratör: du kan skapa den nu.',
  create: 'Skapa databasen',
  ready: 'Klart: servern svarar och databasen är öppen för den här användaren.',
  readyCreated: 'Databasen skapades. Klart: servern svarar och databasen är öppen för den här användaren.',
  turnOff: 'Stäng av och glöm inloggningsuppgifterna',
  turnedOff:
    'Avstängd: serverns adress och inloggningsuppgifterna är glömda, behörigheten återlämnad och webbläsarens kopia av teamets databas raderad (teamets server behåller det den har). Din lokala liggare är oförändrad.',
  // Replikeringens status (ärende 16, punkt 3–4): popupfönstret och alternativsidan.
  sync: {
    title: 'Teamliggare',
    never: 'Inte synkroniserad ännu.',
    last: (when: string) => `Senast synkroniserad ${when}.`,
    pending: (n: number) =>
      n === 0 ? 'Allt finns på servern.' : `${n} ${n === 1 ? 'post' : 'poster'} finns inte på servern ännu.`,
    failed: (what: string) => `Senaste försöket misslyckades: ${what} Det görs om automatiskt.`,
    otherError: 'ett oväntat fel.',
    quarantined: (n: number) =>
      `${n} ${n === 1 ? 'dokument' : 'dokument'} från servern avvisade (osignerade, ändrade eller felformade): aldrig tillämpade.`,
    conflicts: (n: number) =>
      `${n} ${n === 1 ? 'tilldelning har' : 'tilldelningar har'} ändrats på två ställen: båda versionerna sparas tills en administratör avgör.`,
    waiting: (records: number, colleagues: number) =>
      `${records} ${records === 1 ? 'post' : 'poster'} (tilldelningar, checklistor, granskningar) från ${colleagues === 1 ? 'en kollega' : `${colleagues} kolleger`} som du inte litar på väntar: de tas in när du litar på ${colleagues === 1 ? 'kollegan' : 'dem'} under ”Betrodda kolleger”.`,
  },
};
