import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The panel loads on the admin's page, and its code is on the critical path to the panel showing the page's
 * findings (issue 12, item 4). What it loads before its first render (its entry and the chunks that entry
 * imports statically) carries no zod: it trusts its background's states and answers (lib/platform/ask.ts,
 * panel-connection.ts). Code loaded later (`import()`, the access review) may.
 */
async function bundled(entry: string): Promise<{ staticInputs: string[]; laterInputs: string[] }> {
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
  const inputsOf = (names: string[]) => names.flatMap((name) => Object.keys(outputs[name]!.inputs));
  return {
    staticInputs: inputsOf([...seen]),
    laterInputs: inputsOf(Object.keys(outputs).filter((name) => !seen.has(name))),
  };
}
const staticInputs = async (entry: string) => (await bundled(entry)).staticInputs;

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

  it('has one language’s words: English, the other two loaded when they are the admin’s', async () => {
    const { staticInputs: first, laterInputs: later } = await bundled('entrypoints/panel/main.tsx');
    expect(first.some((path) => path.includes('lib/domain/i18n/en/screens.ts'))).toBe(true);
    expect(first.filter((path) => /lib\/domain\/i18n\/(sv|fr)\//.test(path))).toEqual([]);
    for (const locale of ['sv', 'fr'])
      expect(later.some((path) => path.includes(`lib/domain/i18n/${locale}/screens.ts`))).toBe(true);
  });

  it('leaves every other screen, and the background, with all three languages at once', async () => {
    // They import the index, which adds Swedish and French (lib/domain/i18n/words.ts has only English).
    for (const entry of ['options', 'popup', 'overview', 'review', 'changes', 'background']) {
      const inputs = await staticInputs(
        entry === 'background' ? 'entrypoints/background.ts' : `entrypoints/${entry}/main.tsx`,
      );
      expect(
        inputs.some((path) => path.endsWith('lib/domain/i18n/index.ts')),
        entry,
      ).toBe(true);
    }
  });
});
