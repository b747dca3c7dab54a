// npx tsx scripts/bench-panel.ts [--runs 9] [--cpu]: how long the panel takes to render a tab's state of 50, 500,
// 5,000 and 20,000 principals (with the findings the rules raise on them), in Debian's Chromium at the
// panel's size, least and median of several runs. Issue 12 item 4: under one frame (16 ms) at 5,000. Not a
// test. On a busy machine wall-clock figures mostly measure waiting for a core: `--cpu` also samples the page
// with the DevTools profiler and counts the time React's work was actually running (a pending sample of a
// thread that waits for a core is taken once), per render.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, assertPrerequisites } from '../test/e2e/harness';
import type { Figure, PanelBenchRow } from './bench/panel-page';

assertPrerequisites();

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string }; children?: number[] }[];
  samples?: number[];
}

/** Time (ms, 50 µs samples) spent in React's render and commit under renderFirst / renderNext, per run. */
function reactSamples(profile: CpuProfile, runs: number): { first: number; next: number } {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const node of profile.nodes) {
    name.set(node.id, node.callFrame.functionName);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const count = { first: 0, next: 0 };
  for (const sample of profile.samples ?? []) {
    let react = false;
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const fn = name.get(id);
      if (fn === 'performWorkOnRoot') react = true;
      if (react && fn === 'renderFirst') count.first++;
      if (react && fn === 'renderNext') count.next++;
      if (fn === 'renderFirst' || fn === 'renderNext') break;
    }
  }
  return { first: (count.first * 0.05) / runs, next: (count.next * 0.05) / runs };
}
const cpu = process.argv.includes('--cpu');
const runs = process.argv.includes('--runs') ? Number(process.argv[process.argv.indexOf('--runs') + 1]) : 9;
/** "least / median" in ms. */
const ms = (f: Figure) => `${f.min.toFixed(1)} / ${f.median.toFixed(1)}`;
const sizes = [50, 500, 5000, 20_000];

const bundle = await build({
  entryPoints: ['scripts/bench/panel-page.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'chrome120',
  // Unminified with --cpu: the profile is read by function names.
  minify: !cpu,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env': '{}' },
  // The panel's stylesheets are not part of what is timed here (a side-effect import of a .css file).
  loader: { '.css': 'empty' },
  logLevel: 'silent',
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
});
try {
  // The panel's iframe is 340 px wide and at most 520 px tall (lib/platform/overlay.ts).
  const page = await browser.newPage({ viewport: { width: 340, height: 520 } });
  page.on('pageerror', (error) => console.error(`panel page: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`panel page: ${m.text()}`));
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addStyleTag({ content: readFileSync('entrypoints/panel/style.css', 'utf8') });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const cdp = cpu ? await page.context().newCDPSession(page) : undefined;
  const rows: PanelBenchRow[] = [];
  const cpuMs: { first: number; next: number }[] = [];
  for (const size of sizes) {
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    }
    rows.push(
      ...((await page.evaluate(
        ({ sizes: s, runs: r }) =>
          (
            globalThis as unknown as { __benchPanel: (s: number[], r: number) => Promise<unknown> }
          ).__benchPanel(s, r),
        { sizes: [size], runs },
      )) as PanelBenchRow[]),
    );
    if (cdp) cpuMs.push(reactSamples((await cdp.send('Profiler.stop')).profile, runs));
  }
  const header = [
    'principals',
    'findings',
    'parse ms',
    'first state: commit ms',
    '+ layout ms',
    'next state: commit ms',
    '+ layout ms',
    'elements (rows)',
    '≤ 16 ms at 5,000 (least)',
    ...(cpu ? ['React running, first / next ms'] : []),
  ];
  const table = rows.map((r, i) => [
    r.principals.toLocaleString('en'),
    r.findings.toLocaleString('en'),
    ms(r.parseMs),
    ms(r.firstMs),
    ms(r.firstLayoutMs),
    ms(r.againMs),
    ms(r.againLayoutMs),
    `${r.elements} (${r.principalRows})`,
    r.principals === 5000 ? (r.firstLayoutMs.min <= 16 && r.againLayoutMs.min <= 16 ? 'pass' : 'FAIL') : '',
    ...(cpu ? [`${cpuMs[i]!.first.toFixed(1)} / ${cpuMs[i]!.next.toFixed(1)}`] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(`\nThe panel in Chromium at 340×520: least / median of ${runs} runs (ms)\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table) console.log(line(row));
} finally {
  await browser.close();
}
