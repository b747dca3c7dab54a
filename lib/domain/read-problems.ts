import type { UiLocale } from './locales';

/**
 * The facts a problem may carry. `sample`, `notice`, `error` and `issue` can hold page text (an end date
 * as shown, Meta's own notice) or an error message: the diagnostics bundle describes them (length and
 * kinds of characters) and never quotes them (lib/page/diagnostics.ts).
 */
export const readProblemFactNames = [
  'count',
  'total',
  'section',
  'kind',
  'sample',
  'notice',
  'error',
  'issue',
] as const;
type FactName = (typeof readProblemFactNames)[number];

/**
 * What the reader could not read on a page, as a code with facts: the reader says what happened, and
 * only the screen turns it into words (describeReadProblem), in the admin's language. Nothing matches
 * on the wording, so the wording can change without breaking anything.
 *
 * Every code, with the facts it carries: the one list of codes (the schema's enum derives from it), and
 * what `readProblem` holds the reader to.
 */
export const readProblemFacts = {
  'reader-failed': ['error'],
  'access-denied': ['notice'],
  'list-loading': ['section'],
  'no-list': ['section'],
  'no-rows-understood': ['total'],
  'rows-not-understood': ['count', 'total'],
  'no-access-level': ['count', 'section'],
  'list-partly-loaded': ['count', 'total'],
  'unknown-switch-labels': ['count'],
  'detail-pane-unreadable': [],
  'end-date-unreadable': ['sample'],
  'several-current-user-markers': ['count'],
  'you-marker-in-name': ['count'],
  'email-in-name': ['count'],
  'list-over-limit': ['count', 'total'],
  'asset-list-loading': [],
  'no-asset-selected': [],
  'asset-no-sections': [],
  'asset-no-name': [],
  'asset-access-unknown': ['count'],
  'invalid-email': [],
  'principal-invalid': ['kind', 'issue'],
  'snapshot-invalid': ['issue'],
  'dialog-not-open': [],
  'dialog-missing-invitee': [],
  'dialog-partner-shares-to-you': [],
  'dialog-missing-business-id': [],
  'list-filtered': ['section'],
  // Meta's own security signals (issue 15, item 5).
  'two-factor-not-found': [],
  'two-factor-unknown': [],
  'security-lists-not-found': [],
} as const satisfies Record<string, readonly FactName[]>;
export type ReadProblemCode = keyof typeof readProblemFacts;
export const readProblemCodes = Object.keys(readProblemFacts) as [ReadProblemCode, ...ReadProblemCode[]];

/** The longest string fact: a problem is a short note, never a copy of the page. */
export const READ_PROBLEM_FACT_MAX = 300;

/**
 * A read problem. Its zod schema (`readProblemSchema`, snapshot-schema.ts) is built from the lists above and
 * checked to infer this type: the content script, which makes these, carries no zod.
 */
export interface ReadProblem {
  code: ReadProblemCode;
  facts?: Partial<Record<FactName, string | number>> | undefined;
}
type Facts = NonNullable<ReadProblem['facts']>;

export type ReadProblemFacts<C extends ReadProblemCode> = Record<
  (typeof readProblemFacts)[C][number],
  string | number
>;

/** A read problem, its string facts cut to the schema's bound so that the snapshot always validates. */
export function readProblem<C extends ReadProblemCode>(
  code: C,
  ...facts: (typeof readProblemFacts)[C] extends readonly [] ? [] : [ReadProblemFacts<C>]
): ReadProblem {
  const given = facts[0] as Facts | undefined;
  if (!given) return { code };
  const bounded: Facts = {};
  for (const [name, value] of Object.entries(given) as [FactName, string | number][])
    bounded[name] = typeof value === 'string' ? value.slice(0, READ_PROBLEM_FACT_MAX) : value;
  return { code, facts: bounded };
}

type Sentence = (facts: Facts) => string;

/** A fact as text; a stored problem that lacks one still reads as a sentence. */
const fact = (facts: Facts, name: FactName) => String(facts[name] ?? '?');

/** A fact that names one of a few known things (a section, a kind of principal), in the language. */
const named = (facts: Facts, name: FactName, names: Record<string, string>) => {
  const value = fact(facts, name);
  return names[value] ?? value;
};

const en: Record<ReadProblemCode, Sentence> = (() => {
  const section = { people: 'people', partners: 'partners', 'system-users': 'system users' };
  return {
    'reader-failed': (f) => `The reader failed on this page: ${fact(f, 'error')}`,
    'access-denied': (f) => `Business Settings shows no data here: "${fact(f, 'notice')}"`,
    'list-loading': (f) => `The list of ${named(f, 'section', section)} is still loading.`,
    'no-list': (f) =>
      `Found no list of ${named(f, 'section', section)} on this page (no grid, table or list rows in the main region).`,
    'no-rows-understood': (f) =>
      `Found ${fact(f, 'total')} rows but understood none of them: no e-mail address, Business ID or access level in English, Swedish or French.`,
    'rows-not-understood': (f) =>
      `${fact(f, 'count')} of ${fact(f, 'total')} rows could not be understood and were left out.`,
    'no-access-level': (f) =>
      `${fact(f, 'count')} ${named(f, 'section', section)} have no access level the reader understands.`,
    'list-partly-loaded': (f) =>
      `Read ${fact(f, 'count')} of ${fact(f, 'total')} rows; the rest load as the list scrolls.`,
    'unknown-switch-labels': (f) =>
      `${fact(f, 'count')} permission switches have labels the reader does not know.`,
    'detail-pane-unreadable': () => 'The detail pane of the selected item could not be read.',
    'end-date-unreadable': (f) => `An end date could not be read: "${fact(f, 'sample')}"`,
    'several-current-user-markers': (f) =>
      `${fact(f, 'count')} rows are marked "(you)": none is taken for you, and everyone with full control is judged.`,
    'you-marker-in-name': (f) =>
      `${fact(f, 'count')} names end in "(you)" within the name's own text, which anyone can write: not taken for you. Set your organisation's e-mail domains in Settings.`,
    'email-in-name': (f) =>
      `${fact(f, 'count')} names hold an e-mail address within the name's own text, which anyone can write: the address was not taken.`,
    'list-over-limit': (f) =>
      `The list has ${fact(f, 'total')} rows; Scopekeeper read the first ${fact(f, 'count')}, its limit for one page.`,
    'asset-list-loading': () => 'The asset list is still loading.',
    'no-asset-selected': () => 'No asset is selected: select one to see who holds it.',
    'asset-no-sections': () => 'The selected asset’s details show no People or Partners section.',
    'asset-no-name': () => 'The selected asset has no name heading.',
    'asset-access-unknown': (f) =>
      `${fact(f, 'count')} holders of this asset have an access level the reader does not understand.`,
    'invalid-email': () => 'An e-mail address on the page is not a valid address and was left out.',
    'principal-invalid': (f) => `A ${fact(f, 'kind')} could not be validated: ${fact(f, 'issue')}`,
    'snapshot-invalid': (f) => `The snapshot did not validate: ${fact(f, 'issue')}`,
    'dialog-not-open': () => 'The dialog is not open (yet).',
    'dialog-missing-invitee': () => 'This step of the invite dialog does not show who is invited.',
    'dialog-partner-shares-to-you': () =>
      'The dialog asks a partner to share their assets; nothing of yours is being shared.',
    'dialog-missing-business-id': () =>
      'This step of the add-partner dialog does not show the partner’s Business ID.',
    'list-filtered': (f) =>
      `The list of ${named(f, 'section', section)} is filtered by a search: only the rows it shows were read, and no one is taken as removed.`,
    'two-factor-not-found': () =>
      'Business info shows no two-factor authentication setting that Scopekeeper recognises.',
    'two-factor-unknown': () =>
      'The two-factor authentication setting shows a choice Scopekeeper does not know: it is not guessed.',
    'security-lists-not-found': () =>
      'Security Center shows neither its list of people without two-factor authentication nor its inactive people.',
  };
})();

// Counts are put at the end ("…: 3") in Swedish and French, so that one wording fits one and many.
const sv: Record<ReadProblemCode, Sentence> = (() => {
  const section = { people: 'personer', partners: 'partner', 'system-users': 'systemanvändare' };
  const sectionTitle = { people: 'Personer', partners: 'Partner', 'system-users': 'Systemanvändare' };
  const kind = { person: 'En person', partner: 'En partner', 'system-user': 'En systemanvändare' };
  return {
    'reader-failed': (f) => `Läsningen av den här sidan misslyckades: ${fact(f, 'error')}`,
    'access-denied': (f) => `Företagsinställningarna visar inga uppgifter här: ”${fact(f, 'notice')}”`,
    'list-loading': (f) => `Listan över ${named(f, 'section', section)} läses fortfarande in.`,
    'no-list': (f) =>
      `Hittade ingen lista över ${named(f, 'section', section)} på sidan (inga rader i rutnät, tabell eller lista i huvudområdet).`,
    'no-rows-understood': (f) =>
      `Hittade ${fact(f, 'total')} rader men kunde inte tolka någon av dem: ingen e-postadress, inget företags-ID och ingen åtkomstnivå på engelska, svenska eller franska.`,
    'rows-not-understood': (f) =>
      `Rader som inte kunde tolkas och utelämnades: ${fact(f, 'count')} av ${fact(f, 'total')}.`,
    'no-access-level': (f) =>
      `${named(f, 'section', sectionTitle)} utan en åtkomstnivå som Scopekeeper förstår: ${fact(f, 'count')}.`,
    'list-partly-loaded': (f) =>
      `Läste ${fact(f, 'count')} av ${fact(f, 'total')} rader; resten läses in när listan rullas.`,
    'unknown-switch-labels': (f) =>
      `Behörighetsreglage med etiketter som Scopekeeper inte känner till: ${fact(f, 'count')}.`,
    'detail-pane-unreadable': () => 'Detaljpanelen för det valda objektet kunde inte läsas.',
    'end-date-unreadable': (f) => `Ett slutdatum kunde inte läsas: ”${fact(f, 'sample')}”`,
    'several-current-user-markers': (f) =>
      `Rader märkta ”(du)”: ${fact(f, 'count')}. Ingen av dem tas för dig, och alla med full kontroll bedöms.`,
    'you-marker-in-name': (f) =>
      `Namn som slutar på ”(du)” i själva namnets text, som vem som helst kan skriva: ${fact(f, 'count')}. De tas inte för dig. Ange organisationens e-postdomäner i Inställningar.`,
    'email-in-name': (f) =>
      `Namn som innehåller en e-postadress i själva namnets text, som vem som helst kan skriva: ${fact(f, 'count')}. Adressen användes inte.`,
    'list-over-limit': (f) =>
      `Listan har ${fact(f, 'total')} rader; Scopekeeper läste de första ${fact(f, 'count')}, gränsen för en sida.`,
    'asset-list-loading': () => 'Listan över tillgångar läses fortfarande in.',
    'no-asset-selected': () => 'Ingen tillgång är vald: välj en för att se vilka som har åtkomst till den.',
    'asset-no-sections': () =>
      'Detaljerna för den valda tillgången visar ingen sektion Personer eller Partner.',
    'asset-no-name': () => 'Den valda tillgången har ingen rubrik med sitt namn.',
    'asset-access-unknown': (f) =>
      `Innehavare av tillgången med en åtkomstnivå som Scopekeeper inte förstår: ${fact(f, 'count')}.`,
    'invalid-email': () => 'En e-postadress på sidan är inte giltig och utelämnades.',
    'principal-invalid': (f) => `${named(f, 'kind', kind)} kunde inte valideras: ${fact(f, 'issue')}`,
    'snapshot-invalid': (f) => `Avläsningen kunde inte valideras: ${fact(f, 'issue')}`,
    'dialog-not-open': () => 'Dialogrutan är inte öppen (än).',
    'dialog-missing-invitee': () => 'Det här steget i inbjudningsdialogen visar inte vem som bjuds in.',
    'dialog-partner-shares-to-you': () =>
      'Dialogrutan ber en partner dela sina tillgångar med dig; inget av ditt delas.',
    'dialog-missing-business-id': () =>
      'Det här steget i dialogrutan för att lägga till en partner visar inte partnerns företags-ID.',
    'list-filtered': (f) =>
      `Listan över ${named(f, 'section', section)} är filtrerad av en sökning: bara raderna som visas lästes, och ingen tas för borttagen.`,
    'two-factor-not-found': () =>
      'Företagsinformationen visar ingen inställning för tvåstegsverifiering som Scopekeeper känner igen.',
    'two-factor-unknown': () =>
      'Inställningen för tvåstegsverifiering visar ett val som Scopekeeper inte känner till: det gissas inte.',
    'security-lists-not-found': () =>
      'Säkerhetscentret visar varken listan över personer utan tvåstegsverifiering eller de inaktiva personerna.',
  };
})();

const fr: Record<ReadProblemCode, Sentence> = (() => {
  const section = { people: 'personnes', partners: 'partenaires', 'system-users': 'utilisateurs système' };
  const sectionTitle = {
    people: 'Personnes',
    partners: 'Partenaires',
    'system-users': 'Utilisateurs système',
  };
  const invalid = {
    person: 'Une personne n’a pas pu être validée',
    partner: 'Un partenaire n’a pas pu être validé',
    'system-user': 'Un utilisateur système n’a pas pu être validé',
  };
  return {
    'reader-failed': (f) => `La lecture de cette page a échoué : ${fact(f, 'error')}`,
    'access-denied': (f) =>
      `Les paramètres de l’entreprise n’affichent aucune donnée ici : « ${fact(f, 'notice')} »`,
    'list-loading': (f) => `La liste des ${named(f, 'section', section)} est encore en cours de chargement.`,
    'no-list': (f) =>
      `Aucune liste des ${named(f, 'section', section)} sur cette page (ni grille, ni tableau, ni liste dans la zone principale).`,
    'no-rows-understood': (f) =>
      `Lignes trouvées : ${fact(f, 'total')}, mais aucune n’a été comprise : ni adresse e-mail, ni ID d’entreprise, ni niveau d’accès en anglais, en suédois ou en français.`,
    'rows-not-understood': (f) =>
      `Lignes incomprises et laissées de côté : ${fact(f, 'count')} sur ${fact(f, 'total')}.`,
    'no-access-level': (f) =>
      `${named(f, 'section', sectionTitle)} sans niveau d’accès compris par Scopekeeper : ${fact(f, 'count')}.`,
    'list-partly-loaded': (f) =>
      `Lignes lues : ${fact(f, 'count')} sur ${fact(f, 'total')} ; les autres se chargent quand la liste défile.`,
    'unknown-switch-labels': (f) =>
      `Interrupteurs d’autorisation dont Scopekeeper ne connaît pas le libellé : ${fact(f, 'count')}.`,
    'detail-pane-unreadable': () => 'Le panneau de détails de l’élément sélectionné n’a pas pu être lu.',
    'end-date-unreadable': (f) => `Une date de fin n’a pas pu être lue : « ${fact(f, 'sample')} »`,
    'several-current-user-markers': (f) =>
      `Lignes marquées « (vous) » : ${fact(f, 'count')}. Aucune n’est prise pour vous, et toute personne disposant du contrôle total est évaluée.`,
    'you-marker-in-name': (f) =>
      `Noms se terminant par « (vous) » dans le texte même du nom, que chacun peut écrire : ${fact(f, 'count')}. Ils ne sont pas pris pour vous. Indiquez les domaines e-mail de votre organisation dans les Paramètres.`,
    'email-in-name': (f) =>
      `Noms contenant une adresse e-mail dans le texte même du nom, que chacun peut écrire : ${fact(f, 'count')}. L’adresse n’a pas été retenue.`,
    'list-over-limit': (f) =>
      `La liste compte ${fact(f, 'total')} lignes ; Scopekeeper a lu les ${fact(f, 'count')} premières, sa limite pour une page.`,
    'asset-list-loading': () => 'La liste des éléments est encore en cours de chargement.',
    'no-asset-selected': () =>
      'Aucun élément n’est sélectionné : sélectionnez-en un pour voir qui y a accès.',
    'asset-no-sections': () =>
      'Les détails de l’élément sélectionné ne montrent aucune section Personnes ou Partenaires.',
    'asset-no-name': () => 'L’élément sélectionné n’a pas de titre portant son nom.',
    'asset-access-unknown': (f) =>
      `Détenteurs de cet élément dont Scopekeeper ne comprend pas le niveau d’accès : ${fact(f, 'count')}.`,
    'invalid-email': () => 'Une adresse e-mail de la page n’est pas valide et a été laissée de côté.',
    'principal-invalid': (f) => `${named(f, 'kind', invalid)} : ${fact(f, 'issue')}`,
    'snapshot-invalid': (f) => `La lecture n’a pas pu être validée : ${fact(f, 'issue')}`,
    'dialog-not-open': () => 'La boîte de dialogue n’est pas (encore) ouverte.',
    'dialog-missing-invitee': () =>
      'Cette étape de la boîte de dialogue d’invitation ne montre pas qui est invité.',
    'dialog-partner-shares-to-you': () =>
      'La boîte de dialogue demande à un partenaire de partager ses éléments avec vous ; aucun des vôtres n’est partagé.',
    'dialog-missing-business-id': () =>
      'Cette étape de la boîte de dialogue d’ajout de partenaire ne montre pas l’ID d’entreprise du partenaire.',
    'list-filtered': (f) =>
      `La liste des ${named(f, 'section', section)} est filtrée par une recherche : seules les lignes affichées ont été lues, et personne n’est tenu pour retiré.`,
    'two-factor-not-found': () =>
      'Les informations sur l’entreprise ne montrent aucun réglage d’authentification à deux facteurs que Scopekeeper reconnaît.',
    'two-factor-unknown': () =>
      'Le réglage d’authentification à deux facteurs montre un choix que Scopekeeper ne connaît pas : il n’est pas deviné.',
    'security-lists-not-found': () =>
      'Le Centre de sécurité ne montre ni sa liste de personnes sans authentification à deux facteurs, ni ses personnes inactives.',
  };
})();

const sentences: Record<UiLocale, Record<ReadProblemCode, Sentence>> = { en, sv, fr };

/** A read problem in words, for the panel. */
export function describeReadProblem(locale: UiLocale, problem: ReadProblem): string {
  return sentences[locale][problem.code](problem.facts ?? {});
}
