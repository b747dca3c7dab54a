// npm run bench: measures, in Debian's Chromium, how long the page reader takes on People pages of
// 50, 500 and 5,000 people (every row rendered), median of several runs, and the size of the built
// content script. Prints a table. Not a test: figures vary with the machine.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import {
  BUSINESS_URL,
  CHROMIUM,
  CHROMIUM_ARGS,
  assertPrerequisites,
  launchWithExtension,
} from '../test/e2e/harness';
import { generatePortfolio } from '../test/sandbox/generate';
import { routeSandbox } from '../test/sandbox/serve';
import type { LedgerBenchRow } from './bench/ledger-page';
import type { RemindersBenchRow } from './bench/reminders-page';

assertPrerequisites();
// `npm run bench -- --only reader|findings|ledger|reminders` runs one section.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const want = (section: string) => only === undefined || only === section;
const RUNS = 9;

/** Prints a titled Markdown table, numbers right-aligned. */
function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}
const sizes = [50, 500, 5000];

/** Bundles code to run inside a bench page (one script, for `page.addScriptTag`). */
async function pageBundle(entry: { stdin: string } | { file: string }): Promise<string> {
  const result = await build({
    ...('stdin' in entry
      ? { stdin: { contents: entry.stdin, resolveDir: process.cwd(), loader: 'ts' as const } }
      : { entryPoints: [entry.file] }),
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const readerJs = await pageBundle({
  stdin: "import { readPage } from './lib/page/read';\n(globalThis as any).__readPage = readPage;",
});

const content = readFileSync('.output/chrome-mv3/content-scripts/content.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (want('reader')) {
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

  printTable(
    `Reading a People page in Chromium (${RUNS} runs each, every row rendered)`,
    ['people', 'variant', 'median ms', 'min ms', 'max ms'],
    rows,
  );
  console.log(
    `\nContent script: ${content.length} bytes, ${gzipSync(content).length} bytes gzip (.output/chrome-mv3/content-scripts/content.js)`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Findings on the page: the same People page with and without the extension, side by side.
// - rows→findings: from the sandbox's mark when the rows are on the page to Scopekeeper's mark when its
//   findings are drawn (badges), through read → background → rules → content script.
// - script ms: the page's whole scripting time (DevTools Performance.getMetrics ScriptDuration, all worlds
//   of the tab, the content script included; the service worker runs in its own process and is not counted).
// - long tasks: tasks over 50 ms on the page's main thread after the rows were rendered (PerformanceObserver).
const FINDINGS_RUNS = 3;

interface PageRun {
  latency?: number;
  script: number;
  longTasks: number;
  longMs: number;
  findings: boolean;
}

async function measure(people: number, withExtension: boolean): Promise<PageRun> {
  const portfolio = generatePortfolio({ people, batchSize: people, rowDelayMs: 300, seed: 21 });
  const session = await launchWithExtension(portfolio, { extension: withExtension });
  try {
    const { page } = session;
    await page.addInitScript(() => {
      const w = window as unknown as { __long: { start: number; duration: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=${portfolio.businessId}`);
    await page.waitForFunction(() => performance.getEntriesByName('sandbox:rows-rendered').length > 0, null, {
      timeout: 60_000,
    });
    if (withExtension) {
      await page.waitForFunction(
        () => performance.getEntriesByName('scopekeeper:findings-shown').length > 0,
        null,
        { timeout: 60_000 },
      );
    }
    await page.waitForTimeout(2000);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const result = await page.evaluate(() => {
      const rows = performance.getEntriesByName('sandbox:rows-rendered')[0]!.startTime;
      const shown = performance.getEntriesByName('scopekeeper:findings-shown')[0]?.startTime;
      const long = (window as unknown as { __long: { start: number; duration: number }[] }).__long.filter(
        (t) => t.start + t.duration >= rows,
      );
      return {
        latency: shown === undefined ? undefined : shown - rows,
        longTasks: long.length,
        longMs: long.reduce((a, t) => a + t.duration, 0),
      };
    });
    const script = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
    return { ...result, script, findings: result.latency !== undefined };
  } finally {
    await session.close();
  }
}

if (want('findings')) {
  const findingRows: string[][] = [];
  for (const people of sizes) {
    const base: PageRun[] = [];
    const ext: PageRun[] = [];
    for (let i = 0; i < FINDINGS_RUNS; i++) {
      base.push(await measure(people, false));
      ext.push(await measure(people, true));
    }
    const m = (runs: PageRun[], pick: (r: PageRun) => number) => median(runs.map(pick));
    findingRows.push([
      String(people),
      m(ext, (r) => r.latency ?? NaN).toFixed(0),
      m(base, (r) => r.script).toFixed(0),
      m(ext, (r) => r.script).toFixed(0),
      `${m(base, (r) => r.longTasks)} / ${m(base, (r) => r.longMs).toFixed(0)}`,
      `${m(ext, (r) => r.longTasks)} / ${m(ext, (r) => r.longMs).toFixed(0)}`,
    ]);
  }
  const fHeader = [
    'people',
    'rows→findings ms',
    'script ms (no ext)',
    'script ms (ext)',
    'long tasks n/ms (no ext)',
    'long tasks n/ms (ext)',
  ];
  printTable(
    `Findings on a People page in Chromium, without and with the extension (median of ${FINDINGS_RUNS} runs)`,
    fHeader,
    findingRows,
  );
  console.log('\nlong tasks: tasks over 50 ms after the rows were rendered, count / total ms.');
}

// ---------------------------------------------------------------------------------------------------
// The ledger in Chromium (IndexedDB through Dexie, SHA-256 through Web Crypto): the store is seeded
// with 1,000, 10,000 and 100,000 chained decisions, then timed: one append (mean of 200), the rules'
// facts for a business, one subject's history, reading the whole chain; one signature, "Verify chain"
// (hashes and signatures), every signature of a fully signed chain; export and import of the largest.
if (want('ledger')) {
  const ledgerJs = await pageBundle({ file: 'scripts/bench/ledger-page.ts' });
  const ledgerSizes = [1000, 10_000, 100_000];
  const session = await launchWithExtension(generatePortfolio({ people: 5 }), { extension: false });
  try {
    const { page } = session;
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=1234567890123456`);
    await page.addScriptTag({ content: ledgerJs });
    const rows = (await page.evaluate(
      ({ sizes: s }) =>
        (
          globalThis as unknown as { __benchLedger: (s: number[], a: number) => Promise<unknown> }
        ).__benchLedger(s, 200),
      { sizes: ledgerSizes },
    )) as LedgerBenchRow[];
    const header = [
      'decisions',
      'append ms/decision (median / mean)',
      'latest decision of a business ms',
      'chain tail ms',
      'rule facts ms (first / again)',
      'subject history ms',
      'whole chain ms',
      'sign ms/decision',
      'verify chain ms',
      'all signatures ms',
    ];
    const table = rows.map((r) => [
      r.size.toLocaleString('en'),
      `${r.appendMedianMs.toFixed(2)} / ${r.appendMs.toFixed(2)}`,
      r.lastDecisionMs.toFixed(1),
      r.tailMs.toFixed(2),
      `${r.factsMs.toFixed(1)} / ${r.factsCachedMs.toFixed(1)}`,
      r.historyMs.toFixed(1),
      r.chainMs.toFixed(0),
      r.signMs.toFixed(3),
      r.verifyMs.toFixed(0),
      r.signaturesMs.toFixed(0),
    ]);
    printTable('The ledger in Chromium (IndexedDB, Web Crypto)', header, table);
    const largest = rows.at(-1)!;
    console.log(
      `\nExport of ${largest.size.toLocaleString('en')} decisions: ${largest.exportMs!.toFixed(0)} ms (${largest.fileMb!.toFixed(1)} MB); import into an empty ledger, every hash and signature verified, as the options page asks it (preview, then import): ${largest.previewMs!.toFixed(0)} + ${largest.applyMs!.toFixed(0)} ms.`,
    );
    // The targets of issue 12 (item 5), beside the figures.
    const smallest = rows[0]!;
    const appendRatio = largest.appendMedianMs / smallest.appendMedianMs;
    printTable(
      'Ledger targets (issue 12)',
      ['target', 'measured', 'result'],
      [
        [
          `import ${largest.size.toLocaleString('en')} decisions ≤ 5 s (preview + import, in the page)`,
          `${(largest.importMs! / 1000).toFixed(1)} s`,
          largest.importMs! <= 5000 ? 'pass' : 'FAIL',
        ],
        [
          `  of which: the same ${largest.size.toLocaleString('en')} decisions written straight into IndexedDB (no checks; a bound)`,
          `${(largest.seedWriteMs / 1000).toFixed(1)} s`,
          '',
        ],
        [
          `append at ${largest.size.toLocaleString('en')} ≤ 1.5× append at ${smallest.size.toLocaleString('en')} (median)`,
          `${largest.appendMedianMs.toFixed(2)} / ${smallest.appendMedianMs.toFixed(2)} ms = ${appendRatio.toFixed(2)}×`,
          appendRatio <= 1.5 ? 'pass' : 'FAIL',
        ],
      ],
    );
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Reminders and checklists in Chromium: what is due over 1,000 to 10,000 grants (each notification
// check and each alarm), and the evidence check of 5 open runs against a stored People list of the same
// size (what runs per snapshot of a business with open checklists).
if (want('reminders')) {
  const remindersJs = await pageBundle({ file: 'scripts/bench/reminders-page.ts' });
  const session = await launchWithExtension(generatePortfolio({ people: 5 }), { extension: false });
  try {
    const { page } = session;
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=1234567890123456`);
    await page.addScriptTag({ content: remindersJs });
    const rows = (await page.evaluate(
      (sizes) =>
        (globalThis as unknown as { __benchReminders: (s: number[]) => Promise<unknown> }).__benchReminders(
          sizes,
        ),
      [1000, 5000, 10_000],
    )) as RemindersBenchRow[];
    const header = ['grants / people', 'due now ms', 'next alarm ms', 'evidence per snapshot ms'];
    const table = rows.map((r) => [
      r.size.toLocaleString('en'),
      r.dueMs.toFixed(1),
      r.nextMs.toFixed(1),
      r.evidenceMs.toFixed(1),
    ]);
    printTable('Reminders and checklists in Chromium (median of 5)', header, table);
  } finally {
    await session.close();
  }
}
