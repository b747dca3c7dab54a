// npm run bench: measures, in Debian's Chromium, how long the page reader takes on People pages of
// 50, 500 and 5,000 people (every row rendered), median of several runs, and the size of the built
// content script. Prints a table. Not a test: figures vary with the machine.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, assertPrerequisites } from '../test/e2e/harness';
import { generatePortfolio } from '../test/sandbox/generate';
import { routeSandbox } from '../test/sandbox/serve';

assertPrerequisites();
const RUNS = 9;
const sizes = [50, 500, 5000];

const reader = await build({
  stdin: {
    contents: "import { readPage } from './lib/page/read';\n(globalThis as any).__readPage = readPage;",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'iife',
  target: 'chrome120',
  minify: true,
  logLevel: 'silent',
});
const readerJs = reader.outputFiles[0]!.text;

const content = readFileSync('.output/chrome-mv3/content-scripts/content.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
const rows: string[][] = [];
try {
  for (const people of sizes) {
    for (const variant of ['grid', 'list', 'table'] as const) {
      const portfolio = generatePortfolio({ people, variant, batchSize: people, rowDelayMs: 0, seed: 11 });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await routeSandbox(context, portfolio);
      const page = await context.newPage();
      await page.goto(
        `https://business.facebook.com/latest/settings/business_users?business_id=${portfolio.businessId}`,
      );
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll(
            '[role="main"] [role="row"], [role="main"] tbody tr, [role="main"] [role="listitem"]',
          ).length >= n,
        people,
      );
      await page.addScriptTag({ content: readerJs });
      const result = await page.evaluate(
        ({ runs }) => {
          const read = (
            globalThis as unknown as {
              __readPage: (u: string, d: Document) => { principals: unknown[]; readStatus: string };
            }
          ).__readPage;
          const times: number[] = [];
          let snapshot = read(location.href, document);
          for (let i = 0; i < runs; i++) {
            const start = performance.now();
            snapshot = read(location.href, document);
            times.push(performance.now() - start);
          }
          return { times, principals: snapshot.principals.length, status: snapshot.readStatus };
        },
        { runs: RUNS },
      );
      if (result.principals !== people || result.status !== 'ok') {
        throw new Error(
          `read ${result.principals} of ${people} people (${result.status}) in the ${variant} variant`,
        );
      }
      rows.push([
        String(people),
        variant,
        median(result.times).toFixed(1),
        Math.min(...result.times).toFixed(1),
        Math.max(...result.times).toFixed(1),
      ]);
      await context.close();
    }
  }
} finally {
  await browser.close();
}

const header = ['people', 'variant', 'median ms', 'min ms', 'max ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(`\nReading a People page in Chromium (${RUNS} runs each, every row rendered)\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  `\nContent script: ${content.length} bytes, ${gzipSync(content).length} bytes gzip (.output/chrome-mv3/content-scripts/content.js)`,
);
