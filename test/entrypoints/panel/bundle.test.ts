import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The panel loads on the admin's page, and its code is on the critical path to the panel showing the page's
 * findings (issue 12, item 4). What it loads before its first render (its entry and the chunks that entry
 * imports statically) carries no zod: it trusts its background's states and answers (lib/platform/ask.ts,
 * panel-connection.ts). Code loaded later (`import()`, the access review) may.
 */
async function staticInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out',
    write: false,
    metafile: true,
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const first = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entry)!;
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of outputs[name]!.imports)
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(first);
  return [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs));
}

describe('the panel’s code before its first render (issue 12, item 4)', () => {
  it('has no zod, and still has React and the findings', async () => {
    const inputs = await staticInputs('entrypoints/panel/main.tsx');
    expect(inputs.some((path) => path.includes('components/findings.tsx'))).toBe(true);
    expect(inputs.some((path) => path.includes('node_modules/react-dom/'))).toBe(true);
    expect(inputs.filter((path) => path.includes('node_modules/zod/'))).toEqual([]);
    // Nor the protocol's schemas, nor another page's code.
    expect(
      inputs.filter((path) => /lib\/domain\/protocol\.ts|components\/options|overview-page\.tsx/.test(path)),
    ).toEqual([]);
  });
});
