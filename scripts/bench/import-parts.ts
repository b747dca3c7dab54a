// npx tsx scripts/bench/import-parts.ts [decisions] [signed|unsigned] [runs]: where an import of a colleague's
// file spends its time in Debian's Chromium (parse, validate, canonical JSON, hashes, signatures; then the
// store's preview and import, as the options page asks them), issue 12, item 5. Medians of the runs.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/harness';

const n = Number(process.argv[2] ?? 100_000);
const signed = (process.argv[3] ?? 'unsigned') === 'signed';
const runs = Number(process.argv[4] ?? 1);

const bundle = (
  await build({
    entryPoints: ['scripts/bench/import-parts-page.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  })
).outputFiles[0]!.text;

const dir = mkdtempSync(join(tmpdir(), 'scopekeeper-import-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  await context.route('https://bench.invalid/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>import</title>' }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://bench.invalid/');
  await page.addScriptTag({ content: bundle });
  const all: Record<string, number>[] = [];
  for (let r = 0; r < runs; r++)
    all.push(
      (await page.evaluate(
        ({ n, signed }) =>
          (
            globalThis as unknown as { __benchImportParts: (n: number, s: boolean) => Promise<unknown> }
          ).__benchImportParts(n, signed),
        { n, signed },
      )) as Record<string, number>,
    );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\n${n.toLocaleString('en')} decisions, ${signed ? 'every one signed' : 'unsigned'}, ${runs} run(s)\n`,
  );
  for (const key of Object.keys(all[0]!))
    console.log(
      `${key.padEnd(16)} ${median(all.map((o) => o[key]!))
        .toFixed(key === 'mb' ? 1 : 0)
        .padStart(8)}   (${all.map((o) => o[key]!.toFixed(0)).join(', ')})`,
    );
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
