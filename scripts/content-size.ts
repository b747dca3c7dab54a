// npx tsx scripts/content-size.ts: what each module costs the content script, as WXT builds it (rolldown,
// minified): bytes in the bundle and gzipped on its own (a module's share of the whole is smaller, since
// gzip shares words across modules). For finding what to cut towards issue 12's 20 KB gzip. The build's
// wrapper that reads the page data's copy (wxt.config.ts repackContent) is not in it: ~60 B gzip more.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { SourceMapConsumer, type MappingItem } from 'source-map-js';
import { pageDataPlugin } from '../wxt.config';

const root = process.cwd();
const entry = path.join(root, '.output/content-size-entry.ts');
await import('node:fs').then(({ mkdirSync, writeFileSync }) => {
  mkdirSync(path.dirname(entry), { recursive: true });
  writeFileSync(
    entry,
    "import { runContentSession } from '@/lib/platform/content-session';\n" +
      "import { ContentScriptContext } from '@/lib/platform/page-context';\n" +
      'runContentSession(new ContentScriptContext());\n',
  );
});
const env = { BROWSER: '"chrome"', FIREFOX: 'false', CHROME: 'true', MANIFEST_VERSION: '3', DEV: 'false' };
const out = await build({
  input: entry,
  cwd: root,
  resolve: { alias: { '@': root } },
  // The reader's data comes from _locales, as in the build (wxt.config.ts).
  plugins: [pageDataPlugin],
  transform: {
    define: Object.fromEntries(Object.entries(env).map(([k, v]) => [`import.meta.env.${k}`, v])),
  },
  output: { format: 'iife', minify: true, sourcemap: true },
  write: false,
  logLevel: 'silent',
});
const chunk = out.output[0];
const code = chunk.code;
console.log(`content script: ${code.length} bytes, ${gzipSync(code).length} bytes gzip\n`);
const mappings: MappingItem[] = [];
new SourceMapConsumer(chunk.map as never).eachMapping((m) => mappings.push(m));
mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
const lines = code.split('\n');
const bySource = new Map<string, string[]>();
mappings.forEach((m, i) => {
  const next = mappings[i + 1];
  const line = lines[m.generatedLine - 1]!;
  const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
  const source = (m.source ?? '?')
    .replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
    .replace(/^(\.\.\/)+/, '');
  bySource.set(source, [...(bySource.get(source) ?? []), line.slice(m.generatedColumn, end)]);
});
const rows = [...bySource].map(([source, parts]) => {
  const text = parts.join('');
  return { source, bytes: text.length, gzip: gzipSync(text).length };
});
for (const r of rows.sort((a, b) => b.bytes - a.bytes))
  if (r.bytes >= 200)
    console.log(`${String(r.bytes).padStart(7)} ${String(r.gzip).padStart(6)}  ${r.source}`);
