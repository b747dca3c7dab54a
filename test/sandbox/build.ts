import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { SandboxPortfolio } from './portfolio';

/** The static files of a sandbox: one HTML shell (served for every Business Settings URL) and the app. */
export interface SandboxFiles {
  html: string;
  appJs: string;
}

export const SANDBOX_APP_PATH = '/__sandbox/app.js';

let bundled: Promise<string> | undefined;

/** Bundles the sandbox app for the browser (once per process). */
export function bundleSandboxApp(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

/** JSON that is safe inside a <script> element: no "</script>", no "<!--". */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export async function buildSandbox(portfolio: SandboxPortfolio): Promise<SandboxFiles> {
  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    '<title>Meta Business Suite</title></head><body>',
    `<script type="application/json" id="__portfolio">${scriptSafeJson(portfolio)}</script>`,
    `<script src="${SANDBOX_APP_PATH}"></script>`,
    '</body></html>',
  ].join('');
  return { html, appJs: await bundleSandboxApp() };
}
