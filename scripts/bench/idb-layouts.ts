// npx tsx scripts/bench/idb-layouts.ts [decisions] [repeats]: what writing a ledger's decisions into
// IndexedDB costs in Debian's Chromium, by store layout, durability and transaction size (issue 12, item 5).
// Bare writes, no checks: the bound under any import. Figures vary with the machine; medians are printed.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/harness';
import type { Variant } from './idb-layouts-page';

const n = Number(process.argv[2] ?? 100_000);
const repeats = Number(process.argv[3] ?? 3);
const only = process.env.LAYOUTS?.split(',');

const V4 = 'id, [ledgerId+seq], ledgerId, at, [businessId+subject], [businessId+action], [businessId+at]';
const all: Variant[] = [
  {
    name: 'v4 indexes, strict, 5,000 a transaction',
    schema: V4,
    durability: 'strict',
    batch: 5000,
    perTransaction: 1,
  },
  {
    name: 'v4 indexes, relaxed, 5,000 a transaction',
    schema: V4,
    durability: 'relaxed',
    batch: 5000,
    perTransaction: 1,
  },
  {
    name: 'v4 indexes, strict, one transaction',
    schema: V4,
    durability: 'strict',
    batch: 5000,
    perTransaction: 0,
  },
  {
    name: 'primary key + [ledgerId+seq], strict',
    schema: 'id, [ledgerId+seq]',
    durability: 'strict',
    batch: 5000,
    perTransaction: 0,
  },
  { name: 'primary key only, strict', schema: 'id', durability: 'strict', batch: 5000, perTransaction: 0 },
  {
    name: 'chunks of 1,000 (objects), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 10,
    perTransaction: 0,
    chunk: 1000,
  },
  {
    name: 'chunks of 1,000 (JSON text), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 10,
    perTransaction: 0,
    chunk: 1000,
    asText: true,
  },
  {
    name: 'chunks of 100 (objects), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 100,
  },
  {
    name: 'chunks of 250 (objects), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 250,
  },
  {
    name: 'chunks of 100 (JSON text), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 100,
    asText: true,
  },
  {
    name: 'chunks of 100 (objects), relaxed',
    schema: '[ledgerId+first]',
    durability: 'relaxed',
    batch: 100,
    perTransaction: 0,
    chunk: 100,
  },
  {
    name: 'chunks of 100, keyed (*subjects, *actions, *latest)',
    schema: '[ledgerId+first], *subjects, *actions, *latest',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 100,
    keyed: true,
  },
  {
    name: 'chunks of 50 (objects), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 50,
  },
  {
    name: 'chunks of 50, keyed',
    schema: '[ledgerId+first], *subjects, *actions, *latest',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 50,
    keyed: true,
  },
  {
    name: 'chunks of 100 (UTF-8 bytes), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 100,
    asBytes: true,
  },
  {
    name: 'chunks of 100 (JSON text), keyed',
    schema: '[ledgerId+first], *subjects, *actions, *latest',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 100,
    asText: true,
    keyed: true,
  },
  {
    name: 'chunks of 50 (JSON text), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 50,
    asText: true,
  },
  {
    name: 'chunks of 80 (UTF-8 bytes), strict',
    schema: '[ledgerId+first]',
    durability: 'strict',
    batch: 100,
    perTransaction: 0,
    chunk: 80,
    asBytes: true,
  },
  {
    name: 'IndexedDB without Dexie, primary key only, strict',
    schema: 'id',
    durability: 'strict',
    batch: 0,
    perTransaction: 0,
    raw: true,
  },
  {
    name: 'IndexedDB without Dexie, primary key only, relaxed',
    schema: 'id',
    durability: 'relaxed',
    batch: 0,
    perTransaction: 0,
    raw: true,
  },
];
const variants = only ? all.filter((_, i) => only.includes(String(i))) : all;

const bundle = (
  await build({
    entryPoints: ['scripts/bench/idb-layouts-page.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  })
).outputFiles[0]!.text;

// A profile on disk (IndexedDB as an installed extension has it), an https origin of our own.
const dir = mkdtempSync(join(tmpdir(), 'scopekeeper-idb-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  await context.route('https://bench.invalid/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>idb</title>' }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://bench.invalid/');
  await page.addScriptTag({ content: bundle });
  const result = (await page.evaluate(
    ({ n, variants, repeats }) =>
      (globalThis as unknown as { __benchLayouts: (...a: unknown[]) => Promise<unknown> }).__benchLayouts(
        n,
        variants,
        repeats,
      ),
    { n, variants, repeats },
  )) as { bytes: number; out: { name: string; ms: number[]; readMs: number[] }[] };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\n${n.toLocaleString('en')} decisions (${(result.bytes / 1024 / 1024).toFixed(1)} MB as JSON), ${repeats} runs each, interleaved\n`,
  );
  console.log(
    `${'layout'.padEnd(52)} ${'write ms'.padStart(8)} ${'read ms'.padStart(8)}   (write runs; read runs)`,
  );
  for (const { name, ms, readMs } of result.out)
    console.log(
      `${name.padEnd(52)} ${median(ms).toFixed(0).padStart(8)} ${median(readMs).toFixed(0).padStart(8)}   (${ms.map((m) => m.toFixed(0)).join(', ')}; ${readMs.map((m) => m.toFixed(0)).join(', ')})`,
    );
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
