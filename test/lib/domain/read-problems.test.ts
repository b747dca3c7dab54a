import { describe, expect, it } from 'vitest';
import {
  describeReadProblem,
  READ_PROBLEM_FACT_MAX,
  readProblem,
  readProblemCodes,
  readProblemFacts,
  type ReadProblem,
  type ReadProblemCode,
} from '@/lib/domain/read-problems';
import { readProblemSchema } from '@/lib/domain/snapshot-schema';
import { expectEveryCodeTranslated, expectSentenceForEveryCode, type CodedSentences } from './coded-facts';

/** One problem of every code, with the facts the reader gives it, and its English sentence as it was
 * when problems were still English sentences (the panel must show the same words). */
const examples: Record<ReadProblemCode, [ReadProblem['facts'], string]> = {
  'reader-failed': [{ error: 'boom' }, 'The reader failed on this page: boom'],
  'access-denied': [
    { notice: 'This content isn’t available' },
    'Business Settings shows no data here: "This content isn’t available"',
  ],
  'list-loading': [{ section: 'system-users' }, 'The list of system users is still loading.'],
  'no-list': [
    { section: 'people' },
    'Found no list of people on this page (no grid, table or list rows in the main region).',
  ],
  'no-rows-understood': [
    { total: 2 },
    'Found 2 rows but understood none of them: no e-mail address, Business ID or access level in English, Swedish or French.',
  ],
  'rows-not-understood': [{ count: 3, total: 10 }, '3 of 10 rows could not be understood and were left out.'],
  'no-access-level': [
    { count: 1, section: 'people' },
    '1 people have no access level the reader understands.',
  ],
  'list-partly-loaded': [
    { count: 40, total: 300 },
    'Read 40 of 300 rows; the rest load as the list scrolls.',
  ],
  'unknown-switch-labels': [{ count: 2 }, '2 permission switches have labels the reader does not know.'],
  'detail-pane-unreadable': [undefined, 'The detail pane of the selected item could not be read.'],
  'end-date-unreadable': [{ sample: 'soon-ish' }, 'An end date could not be read: "soon-ish"'],
  'several-current-user-markers': [
    { count: 2 },
    '2 rows are marked "(you)": none is taken for you, and everyone with full control is judged.',
  ],
  'you-marker-in-name': [
    { count: 1 },
    '1 names end in "(you)" within the name\'s own text, which anyone can write: not taken for you. Set your organisation\'s e-mail domains in Settings.',
  ],
  'email-in-name': [
    { count: 2 },
    "2 names hold an e-mail address within the name's own text, which anyone can write: the address was not taken.",
  ],
  'list-over-limit': [
    { count: 20000, total: 25000 },
    'The list has 25000 rows; Scopekeeper read the first 20000, its limit for one page.',
  ],
  'asset-list-loading': [undefined, 'The asset list is still loading.'],
  'no-asset-selected': [undefined, 'No asset is selected: select one to see who holds it.'],
  'asset-no-sections': [undefined, 'The selected asset’s details show no People or Partners section.'],
  'asset-no-name': [undefined, 'The selected asset has no name heading.'],
  'asset-access-unknown': [
    { count: 4 },
    '4 holders of this asset have an access level the reader does not understand.',
  ],
  'invalid-email': [undefined, 'An e-mail address on the page is not a valid address and was left out.'],
  'principal-invalid': [
    { kind: 'system-user', issue: 'Too big' },
    'A system-user could not be validated: Too big',
  ],
  'snapshot-invalid': [{ issue: 'Invalid URL' }, 'The snapshot did not validate: Invalid URL'],
  'dialog-not-open': [undefined, 'The dialog is not open (yet).'],
  'dialog-missing-invitee': [undefined, 'This step of the invite dialog does not show who is invited.'],
  'dialog-partner-shares-to-you': [
    undefined,
    'The dialog asks a partner to share their assets; nothing of yours is being shared.',
  ],
  'dialog-missing-business-id': [
    undefined,
    'This step of the add-partner dialog does not show the partner’s Business ID.',
  ],
  'list-filtered': [
    { section: 'people' },
    'The list of people is filtered by a search: only the rows it shows were read, and no one is taken as removed.',
  ],
  'two-factor-not-found': [
    {},
    'Business info shows no two-factor authentication setting that Scopekeeper recognises.',
  ],
  'two-factor-unknown': [
    {},
    'The two-factor authentication setting shows a choice Scopekeeper does not know: it is not guessed.',
  ],
  'security-lists-not-found': [
    {},
    'Security Center shows neither its list of people without two-factor authentication nor its inactive people.',
  ],
};

const problemOf = (code: ReadProblemCode): ReadProblem => {
  const facts = examples[code][0];
  return facts ? { code, facts } : { code };
};

const sentences: CodedSentences<ReadProblemCode, ReadProblem> = {
  codes: readProblemCodes,
  example: problemOf,
  schema: readProblemSchema,
  facts: readProblemFacts,
  describe: describeReadProblem,
  notInSentence: /undefined|\?|\[object/,
  // Counts and page text appear as given; sections and kinds of principal are put into words.
  factsInWords: ['section', 'kind'],
};

describe('read problems', () => {
  it('keep the English sentences the reader used to write', () => {
    for (const code of readProblemCodes)
      expect(describeReadProblem('en', problemOf(code)), code).toBe(examples[code][1]);
  });

  it('have a sentence for every code in every UI language, with every fact in it', () => {
    expectSentenceForEveryCode(sentences);
  });

  it('are translated: no Swedish or French sentence is the English one', () => {
    expectEveryCodeTranslated(sentences);
  });

  it('name sections and kinds of principal in the language', () => {
    const section = readProblem('no-access-level', { count: 2, section: 'system-users' });
    expect(describeReadProblem('sv', section)).toContain('Systemanvändare');
    expect(describeReadProblem('fr', section)).toContain('Utilisateurs système');
    const invalid = readProblem('principal-invalid', { kind: 'person', issue: 'x' });
    expect(describeReadProblem('fr', invalid)).toMatch(/^Une personne n’a pas pu être validée/);
  });

  it('bound the page text they carry, so a snapshot always validates', () => {
    const problem = readProblem('access-denied', { notice: 'x'.repeat(READ_PROBLEM_FACT_MAX + 50) });
    expect(problem.facts?.notice).toHaveLength(READ_PROBLEM_FACT_MAX);
    expect(readProblemSchema.safeParse(problem).success).toBe(true);
    expect(readProblem('invalid-email')).toEqual({ code: 'invalid-email' });
  });

  it('refuse unknown codes and unknown facts', () => {
    expect(readProblemSchema.safeParse({ code: 'something-else' }).success).toBe(false);
    expect(readProblemSchema.safeParse({ code: 'invalid-email', facts: { name: 'Anna' } }).success).toBe(
      false,
    );
  });
});
