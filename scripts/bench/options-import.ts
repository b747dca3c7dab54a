// `npm run bench -- --only import`: a colleague's ledger file imported through the real options page, as
// the admin does it (issue 12, item 5). The built extension in Debian's Chromium; options.html; the file
// set on its file input; timed in the page from the input's change to the preview shown, then from the
// click on "Import" to "Imported …". A fresh profile for every run (an empty ledger), the median of runs.
//
// The file is what a colleague's export holds (lib/ledger/store.ts exportFile): every decision signed by
// their key, their public key, and their chain head signed by it. Made once per size with Node's Web
// Crypto and kept in the system's temporary folder (making 100,000 signatures takes a while).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExport, exportText } from '../../lib/domain/ledger/export';
import type { Decision, PublicKey } from '../../lib/domain/ledger/records';
import {
  chainSigningText,
  decisionSigningText,
  publicKeyOf,
  signText,
} from '../../lib/domain/ledger/signing';
import { BUSINESS_URL, extensionId, launchWithExtension } from '../../test/e2e/harness';
import { LARGE_LEDGER, largeChain } from '../../test/lib/ledger/large-ledger';
import { generatePortfolio } from '../../test/sandbox/generate';

/** The target: the whole path at 100,000 decisions (issue 12). */
export const IMPORT_TARGET_MS = 5000;
const FILE_VERSION = 2;

/** A colleague's export of `n` signed decisions, as a file on disk (made once); its path and size. */
async function colleagueFile(n: number): Promise<{ path: string; bytes: number }> {
  const dir = join(tmpdir(), 'scopekeeper-bench-import');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `colleague-${n}-v${FILE_VERSION}.json`);
  if (!existsSync(path)) {
    process.stderr.write(`import: making a signed file of ${n} decisions (once)\n`);
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const publicKey: PublicKey = publicKeyOf(await crypto.subtle.exportKey('jwk', keys.publicKey));
    const chain = await largeChain(n);
    const signed: Decision[] = [];
    for (let i = 0; i < chain.length; i += 1000)
      for (const d of await Promise.all(
        chain
          .slice(i, i + 1000)
          .map(async (d) => ({ ...d, sig: await signText(keys.privateKey, decisionSigningText(d.hash)) })),
      ))
        signed.push(d);
    const file = buildExport(
      LARGE_LEDGER,
      [],
      new Map([[LARGE_LEDGER, signed]]),
      new Date('2026-11-29T12:00:00Z'),
    );
    const text = exportText({
      ...file,
      publicKey,
      chainHeadSignature: await signText(keys.privateKey, chainSigningText(LARGE_LEDGER, file.chainHead)),
    });
    writeFileSync(path, text);
  }
  return { path, bytes: statSync(path).size };
}

export interface OptionsImportRun {
  /** From the file input's change to the preview on screen (or the error), ms. */
  previewMs: number;
  /** From the click on "Import" to "Imported …" on screen, ms. */
  importMs: number;
  /** Whether the progress bar showed during the preview and during the import. */
  barInPreview: boolean;
  barInImport: boolean;
  error?: string;
}

/**
 * Waits in the page until `test` (an expression over the document) gives a text (checked on every DOM
 * change); resolves with the time and that text.
 */
function pageWait(test: string, timeoutMs: number) {
  return `new Promise((resolve, reject) => {
    const done = () => { const text = ${test}; return text ? [performance.now(), text] : undefined; };
    const now = done(); if (now) return resolve(now);
    const obs = new MutationObserver(() => { const d = done(); if (d) { obs.disconnect(); resolve(d); } });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => { obs.disconnect(); reject(new Error('timed out')); }, ${timeoutMs});
  })`;
}
const PREVIEW_OR_ALERT = `document.querySelector('[aria-label="Import preview"]')?.textContent || document.querySelector('[role="alert"]')?.textContent`;
const IMPORTED_OR_ALERT = `[...document.querySelectorAll('[role="status"]')].map((e) => e.textContent).find((t) => t.startsWith('Imported')) || document.querySelector('[role="alert"]')?.textContent`;

/** With BENCH_DEBUG: the worker's performance marks since `from` (ms since its time origin), then cleared. */
async function workerMarks(context: import('playwright-core').BrowserContext, label: string): Promise<void> {
  if (!process.env.BENCH_DEBUG) return;
  for (const worker of context.serviceWorkers()) {
    const marks = await worker
      .evaluate(() => {
        const out = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const);
        performance.clearMarks();
        return out;
      })
      .catch(() => []);
    const start = marks[0]?.[1] ?? 0;
    process.stderr.write(
      `import: worker marks (${label}): ${marks.map(([n, t]) => `${n} +${(t - start).toFixed(0)}`).join(', ')}\n`,
    );
  }
}

/** With BENCH_DEBUG: the page's performance marks, in ms after `from` (the page's clock), then cleared. */
async function pageMarks(page: import('playwright-core').Page, from: number, label: string): Promise<void> {
  if (!process.env.BENCH_DEBUG) return;
  const marks = await page.evaluate(() => {
    const out = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const);
    performance.clearMarks();
    return out;
  });
  process.stderr.write(
    `import: page marks (${label}): ${marks.map(([n, t]) => `${n} +${(t - from).toFixed(0)}`).join(', ')}\n`,
  );
}

async function measureOnce(
  path: string,
  timeoutMs: number,
  extensionDir?: string,
): Promise<OptionsImportRun> {
  const session = await launchWithExtension(generatePortfolio({ people: 5 }), {
    ...(extensionDir ? { extensionDir } : {}),
  });
  try {
    const { context, page } = session;
    // The worker is up (and the ledger opened) before the clock starts: what the admin's browser has.
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=1234567890123456`);
    await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    await page.getByLabel('Import a ledger export').waitFor();
    await workerMarks(context, 'before');
    // Marks in the page: the file input's change, and whether a progress bar ever showed.
    await page.evaluate(() => {
      const w = window as unknown as {
        __chosen?: number;
        __bar?: boolean;
        __stages: Record<string, number>;
      };
      w.__stages = {};
      document.addEventListener('change', () => (w.__chosen = performance.now()), true);
      // When each stage of the bar first showed (the bar shows after a second: earlier stages are missed).
      new MutationObserver(() => {
        const bar = document.querySelector('.import-progress');
        if (!bar) return;
        w.__bar = true;
        const stage = bar.getAttribute('data-stage') ?? '?';
        w.__stages[stage] ??= performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const previewShown = page.evaluate(pageWait(PREVIEW_OR_ALERT, timeoutMs)) as Promise<[number, string]>;
    await page.getByLabel('Import a ledger export').setInputFiles(path);
    const [previewAt, previewText] = await previewShown;
    const {
      chosen,
      bar: barInPreview,
      stages,
    } = await page.evaluate(() => {
      const w = window as unknown as { __chosen?: number; __bar?: boolean; __stages: Record<string, number> };
      const out = { chosen: w.__chosen ?? NaN, bar: !!w.__bar, stages: w.__stages };
      w.__bar = false;
      w.__stages = {};
      return out;
    });
    if (process.env.BENCH_DEBUG)
      process.stderr.write(
        `import: preview stages first shown at ${Object.entries(stages)
          .map(([k, v]) => `${k} ${(v - chosen).toFixed(0)} ms`)
          .join(', ')}\n`,
      );
    const previewMs = previewAt - chosen;
    await pageMarks(page, chosen, 'preview');
    await workerMarks(context, 'preview');
    if (!(await page.locator('[aria-label="Import preview"]').count()))
      return { previewMs, importMs: NaN, barInPreview, barInImport: false, error: previewText.slice(0, 200) };
    const importedShown = page.evaluate(pageWait(IMPORTED_OR_ALERT, timeoutMs)) as Promise<[number, string]>;
    const clicked = await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Import');
      const at = performance.now();
      button!.click();
      return at;
    });
    const [importedAt, importedText] = await importedShown;
    await pageMarks(page, clicked, 'import');
    await workerMarks(context, 'import');
    const { barInImport, importStages } = await page.evaluate(() => {
      const w = window as unknown as { __bar?: boolean; __stages: Record<string, number> };
      return { barInImport: !!w.__bar, importStages: w.__stages };
    });
    if (process.env.BENCH_DEBUG)
      process.stderr.write(
        `import: import stages first shown at ${Object.entries(importStages)
          .map(([k, v]) => `${k} ${(v - clicked).toFixed(0)} ms`)
          .join(', ')}\n`,
      );
    return {
      previewMs,
      importMs: importedAt - clicked,
      barInPreview,
      barInImport,
      ...(importedText.startsWith('Imported') ? {} : { error: importedText.slice(0, 200) }),
    };
  } catch (error) {
    return {
      previewMs: NaN,
      importMs: NaN,
      barInPreview: false,
      barInImport: false,
      error: error instanceof Error ? error.message.slice(0, 200) : String(error),
    };
  } finally {
    await session.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Runs the section and prints its table (`print`: bench.ts's Markdown table). */
export async function benchOptionsImport(
  print: (title: string, header: string[], rows: string[][]) => void,
  sizes = (process.env.BENCH_IMPORT_SIZES ?? '10000,50000,100000').split(',').map(Number),
  runs = Number(process.env.BENCH_IMPORT_RUNS ?? 3),
): Promise<void> {
  const rows: string[][] = [];
  // BENCH_IMPORT_BUILDS=dirA,dirB: several builds (say, before and after a change), their runs alternating
  // (A, B, A, B, …) so that the machine's load falls on each alike; one row per build and size.
  const builds = (process.env.BENCH_IMPORT_BUILDS ?? '').split(',').filter(Boolean);
  const dirs: (string | undefined)[] = builds.length ? builds : [undefined];
  for (const n of sizes) {
    const { path, bytes } = await colleagueFile(n);
    const byBuild = dirs.map(() => [] as OptionsImportRun[]);
    for (let i = 0; i < runs; i++) {
      for (const [b, dir] of dirs.entries()) {
        process.stderr.write(
          `import: ${n} decisions through the options page, run ${i + 1} of ${runs}${dir ? ` (${dir})` : ''}\n`,
        );
        const run = await measureOnce(path, 300_000, dir);
        if (run.error) process.stderr.write(`import: ${run.error}\n`);
        else
          process.stderr.write(
            `import: ${(run.previewMs / 1000).toFixed(1)} s + ${(run.importMs / 1000).toFixed(1)} s\n`,
          );
        byBuild[b]!.push(run);
      }
    }
    for (const [b, results] of byBuild.entries()) {
      const ok = results.filter((r) => !r.error);
      const preview = ok.length ? median(ok.map((r) => r.previewMs)) : NaN;
      const imported = ok.length ? median(ok.map((r) => r.importMs)) : NaN;
      const total = preview + imported;
      const all = results.map((r) => (r.error ? 'error' : ((r.previewMs + r.importMs) / 1000).toFixed(1)));
      rows.push([
        `${n.toLocaleString('en')}${dirs[b] ? ` (${dirs[b]})` : ''}`,
        `${(bytes / 1024 / 1024).toFixed(1)} MB`,
        `${preview.toFixed(0)} ms`,
        `${imported.toFixed(0)} ms`,
        n === 100_000
          ? `${(total / 1000).toFixed(1)} s (≤ ${IMPORT_TARGET_MS / 1000}) ${total <= IMPORT_TARGET_MS ? 'pass' : 'FAIL'}`
          : `${(total / 1000).toFixed(1)} s`,
        all.join(' / '),
        `${ok.filter((r) => r.barInPreview).length} / ${ok.filter((r) => r.barInImport).length} of ${ok.length}`,
      ]);
    }
  }
  print(
    `A colleague's signed ledger file imported through the options page in Chromium (median of ${runs} runs, a fresh profile each)`,
    [
      'decisions',
      'file',
      'chosen → preview',
      'Import → imported',
      'whole path',
      'each run, s',
      'progress bar (preview / import)',
    ],
    rows,
  );
}
