import { describe, expect, it } from 'vitest';
import { sealDecision } from '@/lib/domain/ledger/chain';
import { buildExport, csvCell, decisionsCsv, exportText, grantsCsv } from '@/lib/domain/ledger/export';
import { MAX_IMPORT_BYTES, planImport, type LedgerContents } from '@/lib/domain/ledger/import';
import type { Decision, GrantRecord } from '@/lib/domain/ledger/records';
import { createRun, tickByHand, type ChecklistRun } from '@/lib/domain/checklists/runs';
import { chainOf, grant, LEDGER, OTHER_LEDGER } from './fixtures';
import { describeEvidence, describeProblem } from '@/lib/domain/i18n';
import { legacyRun } from '../checklists/legacy-run';
import type { Problem } from '@/lib/domain/problems';

/** A refusal as the admin reads it in English (the file's problem, in words). */
const english = <T extends object>(r: ({ ok: true } & T) | { ok: false; error: Problem }) =>
  r.ok ? r : { ok: false, error: describeProblem('en', r.error) };

const NOW = new Date('2026-11-28T12:00:00Z');

function contents(grants: GrantRecord[], chains: [string, Decision[]][], ledgerId = LEDGER): LedgerContents {
  return { ledgerId, grants: new Map(grants.map((g) => [g.id, g])), chains: new Map(chains) };
}

const empty = (ledgerId = OTHER_LEDGER) => contents([], [], ledgerId);

async function fileText(
  grants: GrantRecord[],
  chains: [string, Decision[]][],
  ledgerId = LEDGER,
): Promise<string> {
  return JSON.stringify(buildExport(ledgerId, grants, new Map(chains), NOW));
}

describe('export', () => {
  it('writes the documented shape: ours first, each chain in order, chainHead = our last hash', async () => {
    const ours = await chainOf(3);
    const theirs = await chainOf(2, OTHER_LEDGER);
    const file = buildExport(
      LEDGER,
      [grant('g2'), grant('g1')],
      new Map([
        [OTHER_LEDGER, theirs],
        [LEDGER, ours],
      ]),
      NOW,
    );
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'ledgerId',
      'exportedAt',
      'grants',
      'decisions',
      'chainHead',
      'checklistRuns',
    ]);
    expect(file).toMatchObject({
      format: 'scopekeeper-ledger',
      version: 1,
      ledgerId: LEDGER,
      exportedAt: '2026-11-28T12:00:00.000Z',
      chainHead: ours[2]!.hash,
    });
    expect(file.grants.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(file.decisions.map((d) => d.id)).toEqual([...ours, ...theirs].map((d) => d.id));
    expect(buildExport(LEDGER, [], new Map(), NOW).chainHead).toBeNull();
  });

  it('neutralises spreadsheet formulas in every CSV cell', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(evil).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b "c"')).toBe('"a,b ""c"""');
    const csv = grantsCsv([grant('g1', { case: '=cmd|/c calc', notes: '@evil' })]);
    expect(csv.split('\r\n')[0]).toBe(
      'id,businessId,subject,assets,case,ticket,approver,startsAt,endsAt,notes,createdAt,updatedAt',
    );
    expect(csv).toContain(",'=cmd|/c calc,");
    expect(csv).toContain(",'@evil,");
  });

  it('writes a mostly Latin ledger in ASCII (the same JSON), and one in another script as it is', () => {
    const latin = {
      grants: [grant('g1', { notes: 'Sjöbod Café, “spring” — 😀 and a lone \ud800', case: 'ÅÄÖ' })],
      text: 'plain '.repeat(200),
    };
    const text = exportText(latin);
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    expect(text).toContain('Sj\\u00f6bod Caf\\u00e9');
    expect(text).toContain('\\ud83d\\ude00');
    expect(JSON.parse(text)).toEqual(latin);
    // A ledger in another script: escapes would make it larger, so it stays as JSON.stringify writes it.
    const cyrillic = { notes: 'Доступ агентства до конца кампании '.repeat(20) };
    expect(exportText(cyrillic)).toBe(JSON.stringify(cyrillic));
    expect(exportText({ a: 'ascii only' })).toBe('{"a":"ascii only"}');
    // Escapes that would take the file over the import's limit are not written.
    const plain = JSON.stringify(latin);
    expect(exportText(latin, text.length - 1)).toBe(plain);
    expect(exportText(latin, text.length)).toBe(text);
  });

  it('writes one CSV row per decision', async () => {
    const chain = await chainOf(2);
    const rows = decisionsCsv(chain).trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(chain[0]!.hash);
  });
});

describe('import', () => {
  it('round-trips: an export imports into an empty ledger in full, then again adds nothing', async () => {
    const ours = await chainOf(3);
    const text = await fileText([grant('g1')], [[LEDGER, ours]]);
    const first = await planImport(text, text.length, empty());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.plan.addGrants.map((g) => g.id)).toEqual(['g1']);
    expect(first.plan.addDecisions).toEqual(ours);
    expect(first.plan.ledgers).toMatchObject([{ ledgerId: LEDGER, ours: false, adding: 3 }]);
    const again = await planImport(
      text,
      text.length,
      contents([grant('g1')], [[LEDGER, ours]], OTHER_LEDGER),
    );
    expect(again).toMatchObject({
      ok: true,
      plan: { addGrants: [], identicalGrants: 1, addDecisions: [], knownDecisions: 3 },
    });
  });

  it('keeps another installation’s chain beside ours, and accepts an extension of a chain we hold', async () => {
    const theirs = await chainOf(4, OTHER_LEDGER);
    const text = await fileText([], [[OTHER_LEDGER, theirs]], OTHER_LEDGER);
    const ours = await chainOf(2);
    const result = await planImport(
      text,
      text.length,
      contents(
        [],
        [
          [LEDGER, ours],
          [OTHER_LEDGER, theirs.slice(0, 2)],
        ],
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      plan: {
        addDecisions: theirs.slice(2),
        knownDecisions: 2,
        ledgers: [{ ledgerId: OTHER_LEDGER, ours: false, adding: 2 }],
      },
    });
  });

  it('refuses an export of our own ledger that does not match or extend our chain', async () => {
    const ours = await chainOf(3);
    const { hash: _h, prevHash: _p, ...second } = ours[1]!;
    const other = await sealDecision({ ...second, rationale: 'another decision' }, ours[0]!.hash);
    const text = await fileText([], [[LEDGER, [ours[0]!, other]]]);
    const result = await planImport(text, text.length, contents([], [[LEDGER, ours]]));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(describeProblem('en', result.error)).toMatch(/^Conflict: decision #2 of ledger 6f1c2b8e/);
  });

  it('reports a conflicting grant instead of overwriting it, and adds the rest', async () => {
    const text = await fileText([grant('g1', { case: 'Another case' }), grant('g2')], []);
    const result = await planImport(text, text.length, contents([grant('g1')], [], OTHER_LEDGER));
    expect(result).toMatchObject({
      ok: true,
      plan: { conflictingGrants: [{ id: 'g1', subject: 'partner:3228568050780001' }] },
    });
    if (result.ok) expect(result.plan.addGrants.map((g) => g.id)).toEqual(['g2']);
  });

  it('refuses a tampered file, naming the decision that breaks the chain', async () => {
    const ours = await chainOf(5);
    const file = JSON.parse(await fileText([], [[LEDGER, ours]]));
    file.decisions[3].rationale = 'quietly edited';
    const text = JSON.stringify(file);
    const result = await planImport(text, text.length, empty());
    expect(english(result)).toEqual({
      ok: false,
      error: `The chain of ledger ${LEDGER} breaks at decision ${ours[3]!.id} (#4 of that ledger): its content does not match its hash (it was changed). Nothing was imported.`,
    });
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, t.length / 2), /not complete JSON/],
    ['not JSON', () => 'hello', /not complete JSON/],
    [
      'another format',
      () => JSON.stringify({ format: 'other', version: 1 }),
      /not a Scopekeeper ledger export/,
    ],
    [
      'a future version',
      (t: string) => t.replace('"version":1', '"version":2'),
      /version 2; this Scopekeeper reads version 1/,
    ],
    [
      'a grant without a case',
      (t: string) => t.replace('"case":"Spring campaign",', ''),
      /^Grant #1 g1: case/,
    ],
    [
      'a decision with a bad hash',
      (t: string) => t.replace(/"hash":"[0-9a-f]{64}"/, '"hash":"xyz"'),
      /^Decision #1 .*hash/,
    ],
    ['an unknown field', (t: string) => t.replace('"format"', '"extra":1,"format"'), /Unrecognized key/i],
    [
      'a wrong chainHead',
      (t: string) => t.replace(/"chainHead":"[0-9a-f]{64}"/, `"chainHead":"${'1'.repeat(64)}"`),
      /chainHead/,
    ],
  ])('refuses %s with a clear error', async (_label, mangle, error) => {
    const text = mangle(await fileText([grant('g1')], [[LEDGER, await chainOf(2)]]));
    const result = await planImport(text, text.length, empty());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeProblem('en', result.error)).toMatch(error);
  });

  it('refuses a file over 100 MB before reading it', async () => {
    const result = await planImport('{}', MAX_IMPORT_BYTES + 1, empty());
    expect(english(result)).toEqual({ ok: false, error: 'The file is 100.0 MB; the limit is 100 MB.' });
  });

  it('refuses duplicate ids inside one file', async () => {
    const file = JSON.parse(await fileText([grant('g1')], []));
    file.grants.push(file.grants[0]);
    const text = JSON.stringify(file);
    expect(english(await planImport(text, text.length, empty()))).toEqual({
      ok: false,
      error: 'Grant g1 appears twice in the file.',
    });
  });

  describe('checklist runs', () => {
    const B = '1203456789012345';
    const run = (id: string, subject = 'person:lena@studio.example'): ChecklistRun =>
      createRun({ id, businessId: B, templateId: 'onboard-person', subject, case: 'Menu photos', now: NOW });
    const withRuns = async (runs: ChecklistRun[]) =>
      JSON.stringify(buildExport(LEDGER, [], new Map(), NOW, runs));
    const holding = (runs: ChecklistRun[]): LedgerContents => ({
      ...empty(),
      runs: new Map(runs.map((r) => [r.id, r])),
    });

    it('travel with the export and come back in full, open or finished, ticks and all', async () => {
      const ticked = tickByHand(run('r1'), 'set-end-date', true, NOW)!;
      const finished: ChecklistRun = { ...run('r2', 'person:omar@pixelverket.fr'), status: 'finished' };
      const text = await withRuns([finished, ticked]);
      const check = await planImport(text, text.length, empty());
      expect(check.ok && check.plan.addRuns).toEqual([ticked, finished]);
      const again = await planImport(text, text.length, holding([ticked, finished]));
      expect(again).toMatchObject({ ok: true, plan: { addRuns: [], identicalRuns: 2, conflictingRuns: [] } });
    });

    it('an older run, its evidence still English sentences, imports, exports and imports again unchanged', async () => {
      const file = JSON.parse(await withRuns([]));
      file.checklistRuns = [structuredClone(legacyRun)];
      const oldText = JSON.stringify(file);
      const check = await planImport(oldText, oldText.length, empty());
      expect(check.ok && check.plan.addRuns).toEqual([legacyRun]);
      const imported = check.ok ? check.plan.addRuns[0]! : legacyRun;
      // Shown as it was seen, whatever the language.
      expect(describeEvidence('fr', imported.steps[3]!.evidence!)).toBe('Listed as pending on People.');
      const text = await withRuns([imported]);
      expect(JSON.parse(text).checklistRuns).toEqual([legacyRun]);
      expect(await planImport(text, text.length, holding([legacyRun]))).toMatchObject({
        ok: true,
        plan: { addRuns: [], identicalRuns: 1, conflictingRuns: [] },
      });
    });

    it('never overwrite the run being worked on here, and never open a second run of one checklist', async () => {
      const mine = tickByHand(run('r1'), 'set-end-date', true, NOW)!;
      const text = await withRuns([run('r1'), run('r9')]);
      const check = await planImport(text, text.length, holding([mine]));
      expect(check).toMatchObject({
        ok: true,
        plan: {
          addRuns: [],
          conflictingRuns: [
            { id: 'r1', subject: 'person:lena@studio.example', reason: 'differs' },
            { id: 'r9', subject: 'person:lena@studio.example', reason: 'open-here' },
          ],
        },
      });
    });

    it('an export from before checklists imports as one without runs; a broken run is named', async () => {
      const old = JSON.parse(await withRuns([]));
      delete old.checklistRuns;
      const oldText = JSON.stringify(old);
      expect(await planImport(oldText, oldText.length, empty())).toMatchObject({
        ok: true,
        plan: { addRuns: [], identicalRuns: 0 },
      });
      const broken = JSON.parse(await withRuns([run('r1')]));
      broken.checklistRuns[0].templateId = 'onboard-everyone';
      const brokenText = JSON.stringify(broken);
      const result = await planImport(brokenText, brokenText.length, empty());
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(describeProblem('en', result.error)).toMatch(/^Checklist run #1 r1: templateId /);
      const twice = JSON.parse(await withRuns([run('r1')]));
      twice.checklistRuns.push(twice.checklistRuns[0]);
      const twiceText = JSON.stringify(twice);
      expect(english(await planImport(twiceText, twiceText.length, empty()))).toEqual({
        ok: false,
        error: 'Checklist run r1 appears twice in the file.',
      });
    });
  });
});
