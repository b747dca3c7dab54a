import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

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
});
