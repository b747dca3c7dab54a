import type { ProblemText, ReportProblemText } from '../en/problems';
import { f } from '../facts';

const listName: Record<string, string> = {
  grants: 'Åtkomstpost',
  decisions: 'Beslut',
  checklistRuns: 'Checklista',
  baselines: 'Utgångsläget för företaget',
  changes: 'Ändringen',
};
const watchSize: Record<string, string> = {
  businesses: 'företag',
  rows: 'ändringsrader',
  principals: 'personer och parter',
  assets: 'tillgångar för en enda person eller part',
  'asset-pages': 'tillgångssidor',
};
export const chainBreak = {
  'other-ledger': 'det tillhör en annan liggare',
  'prev-hash': 'dess prevHash pekar inte på beslutet före',
  hash: 'innehållet stämmer inte med dess hash (det har ändrats)',
};

/** The problems a page's report can be answered with (see en/problems.ts). */
export const reportProblems: ReportProblemText = {
  'invalid-request': (x) => `Begäran avvisades: fältet ”${f(x, 'field')}” saknas eller är ogiltigt.`,
  'sender-not-allowed': () => 'Ändringen tas bara emot från Scopekeepers egna sidor.',
  'unknown-message': () => 'Scopekeeper förstod inte begäran.',
  internal: (x) => `Något gick fel i Scopekeeper (${f(x, 'message')}). Inget ändrades; försök igen.`,
  'snapshot-no-tab': () => 'Ögonblicksbilder tas bara emot från en flik.',
  'snapshot-other-origin': () => 'Ögonblicksbilden anger en annan webbplats än sin flik.',
  'snapshot-not-business': () => 'Ögonblicksbilden kommer inte från business.facebook.com.',
};

/** Every problem in Swedish (see en/problems.ts). */
export const problems: ProblemText = {
  ...reportProblems,
  'grant-missing': () => 'Åtkomstposten finns inte längre.',
  'end-date-required': () => 'En tredje part måste ha ett slutdatum.',
  'end-before-start': () => 'Slutdatumet ligger före startdatumet.',
  'end-beyond-max': (x) =>
    `Slutdatumet får ligga högst ${f(x, 'days')} dagar efter starten (${f(x, 'date')}).`,
  'extend-not-later': (x) => `Det nya slutdatumet måste ligga efter ${f(x, 'date')}.`,
  'extend-beyond-max': (x) =>
    `En förlängning får nå högst ${f(x, 'days')} dagar från i dag (${f(x, 'date')}).`,
  'review-date-past': () => 'Granskningsdatumet måste ligga i framtiden.',
  'who-email': () => 'Ange e-postadressen som inbjudan skickas till.',
  'who-business-id': () => 'Ange partnerns företags-ID (5 till 20 siffror).',
  'run-missing': () => 'Checklistan finns inte längre.',
  'run-closed': () => 'Steget kan inte ändras (checklistan är avslutad).',
  'run-already-finished': () => 'Checklistan är redan avslutad.',
  'run-is-record': () => 'En avslutad checklista är en del av dokumentationen.',
  'steps-open': (x) => `Steg som återstår: ${f(x, 'steps')}.`,
  'import-too-large': (x) => `Filen är ${f(x, 'megabytes')} MB; gränsen är ${f(x, 'limit')} MB.`,
  'import-not-json': () =>
    'Filen är inte fullständig JSON (den kan vara avkortad eller inte en export från Scopekeeper).',
  'import-not-export': () =>
    'Det här är inte en liggarexport från Scopekeeper (dess "format" är inte "scopekeeper-ledger").',
  'import-version': (x) =>
    `Exporten har version ${f(x, 'version')}; den här versionen av Scopekeeper läser version 1.`,
  'import-invalid-record': (x) =>
    `${listName[f(x, 'list')] ?? 'Post'} nr ${f(x, 'number')} ${f(x, 'id')}: ${f(x, 'field')} saknas eller är ogiltigt (${f(x, 'issue')}).`,
  'import-invalid-file': (x) => `Filens ${f(x, 'field')} saknas eller är ogiltigt (${f(x, 'issue')}).`,
  'import-repeated-id': (x) =>
    `${listName[f(x, 'list')] ?? 'Post'} ${f(x, 'id')} förekommer två gånger i filen.`,
  'import-chains-interleaved': () => 'Besluten i en liggare står inte tillsammans och i ordning.',
  'import-chain-broken': (x) =>
    `Kedjan i liggaren ${f(x, 'ledgerId')} bryts vid beslutet ${f(x, 'id')} (nr ${f(x, 'number')} i den liggaren): ${chainBreak[f(x, 'reason') as keyof typeof chainBreak] ?? f(x, 'reason')}. Inget importerades.`,
  'import-chain-head-wrong': () =>
    'Filens chainHead är inte hashen av det sista beslutet i dess egen liggare.',
  'import-chain-head-missing': () => 'Filens chainHead saknas.',
  'import-chain-conflict': (x) =>
    `Konflikt: beslut nr ${f(x, 'number')} i liggaren ${f(x, 'ledgerId')} (${f(x, 'id')}) skiljer sig från det som redan finns (${f(x, 'held')}). En kedja får bara förlängas, så inget importerades.`,
  'import-chain-gap': (x) =>
    `Filen fortsätter liggaren ${f(x, 'ledgerId')} från ett beslut som den här installationen inte har (före ${f(x, 'id')}): importera den liggarens tidigare beslut först. Inget importerades.`,
  'import-decision-elsewhere': (x) => `Beslutet ${f(x, 'id')} finns redan i en annan kedja.`,
  'review-beyond-max': (x) =>
    `Ett fynd kan godtas i högst ${f(x, 'days')} dagar (till ${f(x, 'date')}); granska det igen då.`,
  'import-time-future': (x) =>
    `${listName[f(x, 'list')] ?? 'Filen'} ${f(x, 'id')}: ${f(x, 'field')} är ${f(x, 'value')}, senare än nu. Inget importerades.`,
  'import-date-far': (x) =>
    `${listName[f(x, 'list')] ?? 'Posten'} ${f(x, 'id')}: ${f(x, 'field')} är ${f(x, 'value')}, efter ${f(x, 'limit')}. Inget importerades.`,
  'import-review-beyond-max': (x) =>
    `Beslutet ${f(x, 'id')} godtar ett fynd till ${f(x, 'date')}, längre än högst ${f(x, 'days')} dagar (${f(x, 'cap')}). Inget importerades.`,
  'import-signature-missing': (x) =>
    `Beslutet ${f(x, 'id')} i liggaren ${f(x, 'ledgerId')} är inte signerat, fast den liggaren signerar sina beslut. Inget importerades.`,
  'import-own-chain-forged': (x) =>
    `Filen lägger till beslutet ${f(x, 'id')} i den här installationens egen liggare, men den här installationen har inte signerat det. Inget importerades.`,
  'import-signature-bad': (x) =>
    `Signaturen på beslutet ${f(x, 'id')} i liggaren ${f(x, 'ledgerId')} stämmer inte med dess nyckel. Inget importerades.`,
  'import-chain-head-signature': () =>
    'Filens kedjehuvud är inte signerat med nyckeln som filen bär. Inget importerades.',
  'panel-not-ours': () =>
    'Den här panelen öppnades inte av Scopekeeper på den här sidan: den visar ingenting och kan inte ändra något.',
  'undo-unavailable': () =>
    'Det här kan inte längre ångras (det har ändrats sedan dess, eller Scopekeeper startade om). Ändra det för hand.',
  'import-invalid-watch': (x) =>
    `${f(x, 'list') === 'changes' ? 'Ändring' : 'Utgångsläge'} nr ${f(x, 'number')} (företag ${f(x, 'business')}): ${f(x, 'field')} saknas eller är ogiltigt (${f(x, 'issue')}). Inget importerades.`,
  'import-watch-too-large': (x) =>
    `Filens utgångslägen och ändringar är för stora: ${f(x, 'count')} ${watchSize[f(x, 'what')] ?? f(x, 'what')} (högst ${f(x, 'limit')})${f(x, 'business') !== '-' ? ` i utgångsläget för företaget ${f(x, 'business')}` : ''}. Inget importerades.`,
  'import-watch-signature': () =>
    'Filens utgångslägen och ändringar är inte signerade med nyckeln som filen bär (de ändrades efter exporten). Inget importerades.',
  'review-missing': () => 'Den här åtkomstgranskningen finns inte längre.',
  'review-open-exists': () => 'En åtkomstgranskning av det här företaget pågår redan: avsluta den först.',
  'review-finished': () => 'Den här åtkomstgranskningen är godkänd: dess beslut kan inte längre ändras.',
  'review-unknown-item': () => 'Den här åtkomsten ingår inte i granskningen.',
  'review-rationale-required': () => 'Ange varför: en begränsning eller återkallelse behöver en motivering.',
  'review-reduce-empty': () => 'Ange vad som ska tas bort: uppgifter, tillgångar eller en lägre åtkomst.',
  'review-undecided-items': (x) =>
    `${f(x, 'count')} åtkomster saknar beslut: besluta om var och en innan du godkänner.`,
  'review-changed': () =>
    'Granskningen ändrades under tiden (en annan flik eller en sidläsning). Försök igen.',
  'import-preview-gone': () =>
    'Förhandsvisningen av filen finns inte längre (den importerades eller avbröts, den gick ut, eller Scopekeeper startade om). Välj filen igen. Inget importerades.',
};
