import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The panel's entry chunk and every chunk it loads, statically or later (`import()`), by path. */
function panelChunks(target: string): string[] {
  const html = `.output/${target}/panel.html`;
  if (!existsSync(html)) throw new Error(`No ${html}: run \`npx wxt build\` (and \`-b firefox\`) first.`);
  const entry = /<script[^>]+src="\/?([^"]+)"/.exec(readFileSync(html, 'utf8'))?.[1];
  if (!entry) throw new Error(`No script in ${html}`);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(/(?:from|import\()\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g))
      visit(join(dirname(path), m[1]!));
  };
  visit(`.output/${target}/${entry}`);
  return [...seen];
}

/**
 * The panel's own code goes without zod (issue 12, item 4: it is on the admin's page's critical path; the
 * access review, which needs zod, is loaded later). A component shared with the options page that imported
 * a schema module would bring ~100 KB of zod into it unseen: the built panel's entry chunk is checked.
 */
describe('the built panel', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: the panel’s entry chunk carries no zod', (target) => {
    const html = `.output/${target}/panel.html`;
    if (!existsSync(html)) throw new Error(`No ${html}: run \`npx wxt build\` (and \`-b firefox\`) first.`);
    const entry = /<script[^>]+src="\/?([^"]+)"/.exec(readFileSync(html, 'utf8'))?.[1];
    expect(entry).toBeDefined();
    const code = readFileSync(`.output/${target}/${entry}`, 'utf8');
    // Markers zod's code keeps when minified: its error class and its issue codes.
    expect(code).not.toContain('ZodError');
    expect(code).not.toContain('invalid_type');
    // The team ledger's conflict marker is in it (the check reads the right file).
    expect(code).toContain('data-team-conflict');
  });

  // Issue 12, item 4: the access review's code, loaded once the panel shows a state, goes without zod too
  // (its counts come from lib/domain/review/summary.ts, not from the schemas' module): ~95 KB less to fetch,
  // compile and run in the panel's frame while the page's first findings are drawn.
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: no chunk the panel loads carries zod', (target) => {
    const chunks = panelChunks(target);
    expect(chunks.some((c) => /review-section/.test(c))).toBe(true);
    for (const chunk of chunks) {
      const code = readFileSync(chunk, 'utf8');
      expect(code.includes('ZodError') || code.includes('invalid_type'), chunk).toBe(false);
    }
  });
});
