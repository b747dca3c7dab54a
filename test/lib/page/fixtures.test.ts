import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findCards, findMain, findRows, type RowSet } from '@/lib/page/dom';
import { readPage } from '@/lib/page/read';
import { listStructures, paneStructures, type ListStructure } from '../../sandbox/structures';
import { factDiff, readFacts, type SavedFacts } from './facts';

/**
 * Reader tests on saved HTML (issue 10, item 6; STYLE.md, "Readers: saved HTML fixtures"): every page in
 * test/fixtures/reader, saved by scripts/save-fixtures.ts from the sandbox or written by hand, must read
 * as the facts saved beside it. Unlike the metamorphic test, these pages do not change when the sandbox
 * does: a reader change that breaks a page seen before fails here even if the sandbox moved on.
 */

const DIR = join(import.meta.dirname, '../../fixtures/reader');
const locales = ['en', 'sv', 'fr'] as const;

interface Fixture {
  name: string;
  html: string;
  saved: SavedFacts;
}

const files = readdirSync(DIR);
const fixtures: Fixture[] = files
  .filter((f) => f.endsWith('.html') && existsSync(join(DIR, f.replace(/\.html$/, '.facts.json'))))
  .sort()
  .map((file) => {
    const name = file.replace(/\.html$/, '');
    return {
      name,
      html: readFileSync(join(DIR, file), 'utf8'),
      saved: JSON.parse(readFileSync(join(DIR, `${name}.facts.json`), 'utf8')) as SavedFacts,
    };
  });

/** A saved page as the browser would have it: the whole document, its <html lang> kept. */
function load(fixture: Fixture): { doc: Document; window: Window } {
  const window = new Window({
    url: fixture.saved.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  // Our own saved markup, parsed by happy-dom's parser; no page data is involved.
  window.document.write(fixture.html);
  return { doc: window.document as unknown as Document, window };
}

/**
 * The rows of a list the way the reader looks for them (lib/page/readers/list.ts): rows by role, <tr> or
 * list items, else the largest group of cards (the reader keeps the first group it understands).
 */
function listRows(doc: Document): RowSet {
  const main = findMain(doc);
  const rows = findRows(main);
  return rows.rows.length > 0 ? rows : (findCards(main)[0] ?? rows);
}

/** Which of findRows / findCards finds each list structure's rows. */
const rowStructureOf: Record<ListStructure, RowSet['structure']> = {
  grid: 'grid',
  list: 'list',
  table: 'table',
  'labelled-rows': 'list',
  cards: 'cards',
};

describe('saved HTML fixtures (test/fixtures/reader)', () => {
  it('has fixtures, each with its facts and each facts file with its page', () => {
    expect(fixtures.length).toBeGreaterThan(10);
    const names = (suffix: string) =>
      files
        .filter((f) => f.endsWith(suffix))
        .map((f) => f.slice(0, -suffix.length))
        .sort();
    expect(names('.facts.json')).toEqual(names('.html'));
  });

  it('covers every list structure, every pane structure, every language and hand-written markup', () => {
    const lists = new Set(
      fixtures.filter((f) => f.saved.shows === 'list').map((f) => f.saved.structures.list),
    );
    const panes = new Set(fixtures.map((f) => f.saved.structures.pane));
    for (const list of listStructures) expect(lists, `a list fixture in "${list}"`).toContain(list);
    for (const pane of paneStructures) expect(panes, `a pane fixture in "${pane}"`).toContain(pane);
    for (const locale of locales)
      expect(
        fixtures.map((f) => f.saved.locale),
        `a fixture in ${locale}`,
      ).toContain(locale);
    expect(fixtures.some((f) => f.saved.shows === 'asset')).toBe(true);
    expect(fixtures.filter((f) => f.saved.source === 'hand-written').length).toBeGreaterThanOrEqual(2);
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const { saved } = fixture;

      it('starts with a dated comment that says what it is: structures, language and URL', () => {
        expect(fixture.html).toMatch(/^<!-- 20\d\d-\d\d-\d\d /);
        const comment = fixture.html.slice(0, fixture.html.indexOf('-->'));
        expect(comment).not.toContain('\n');
        expect(comment).toContain(`, ${saved.locale} · URL: ${saved.url} · what it represents: `);
        if (saved.source === 'hand-written') expect(comment).toContain(' · hand-written ');
        if (saved.structures.list) expect(comment).toContain(`"${saved.structures.list}" (list)`);
        if (saved.structures.pane) expect(comment).toContain(`"${saved.structures.pane}" (pane)`);
      });

      it('reads as the saved facts', async () => {
        const { doc, window } = load(fixture);
        try {
          expect(doc.documentElement.getAttribute('lang')).toBe(saved.locale);
          const snapshot = readPage(saved.url, doc);
          expect
            .soft(snapshot.readStatus, `readStatus, problems: ${JSON.stringify(snapshot.readProblems)}`)
            .toBe(saved.readStatus);
          expect.soft(snapshot.locale).toBe(saved.locale);
          // A pending invitee's name is not compared (several structures show the invited e-mail): the
          // saved facts leave it out, and so does the read.
          const unnamed = new Set(saved.facts.filter((f) => f.name === undefined).map((f) => f.key));
          const facts = readFacts(snapshot, unnamed);
          const diff = factDiff(facts, saved.facts);
          // The failure message is the diff, one difference a line; then the whole, for exact equality.
          expect(diff, `read vs the saved facts:\n  ${diff.join('\n  ')}\n`).toEqual([]);
          expect(facts).toEqual(saved.facts);
        } finally {
          await window.happyDOM.close();
        }
      });

      if (saved.shows === 'list') {
        // STYLE.md: a selector kept as data has a test counting its matches in saved HTML.
        it('has as many rows, by the reader’s selectors, as principals in its facts', async () => {
          const { doc, window } = load(fixture);
          try {
            const rows = listRows(doc);
            expect(rows.rows).toHaveLength(saved.facts.length);
            const list = saved.structures.list as ListStructure | undefined;
            if (list) expect(rows.structure).toBe(rowStructureOf[list]);
          } finally {
            await window.happyDOM.close();
          }
        });
      }
    });
  }
});
