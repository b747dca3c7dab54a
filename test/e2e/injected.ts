import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Everything a build's manifest injects into business.facebook.com (content scripts' js and css), with its size gzipped. */
export function injectedIntoBusiness(outputDir: string): { file: string; gzip: number }[] {
  const manifest = JSON.parse(readFileSync(`${outputDir}/manifest.json`, 'utf8')) as {
    content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  };
  const onBusiness = (manifest.content_scripts ?? []).filter((c) =>
    (c.matches ?? []).some(
      (m) => /^(\*|https):\/\/(\*\.facebook\.com|business\.facebook\.com|\*)\//.test(m) || m === '<all_urls>',
    ),
  );
  return onBusiness
    .flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])
    .map((file) => ({ file, gzip: gzipSync(readFileSync(`${outputDir}/${file}`)).length }));
}

/** Issue 12, item 2: the target for what runs inside business.facebook.com (npm run bench shows it). */
export const INJECTED_GZIP_LIMIT = 20 * 1024;

/**
 * What the builds test holds the content scripts to today: a ratchet, lowered as the content script shrinks
 * until it is INJECTED_GZIP_LIMIT. 2026-11-30: 24.7 KB gzip, after the script's own context (no WXT
 * context) and its sentences from _locales; what is left is the reader (its lexicon in three languages
 * alone is 3.3 KB), the diagnostics outline, the badges, the guarded host and the overlay. The build of
 * main before issue 12 was 57 KB and fails it.
 */
export const INJECTED_GZIP_BUDGET = 26 * 1024;
