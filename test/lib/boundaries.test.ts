import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The house rules of STYLE.md hold because ESLint enforces them, not because someone remembers. */
describe('import boundaries', () => {
  const eslint = new ESLint();
  const lint = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.map((m) => m.ruleId);
  };

  it('keeps lib/domain pure: no page, ledger or platform imports, no extension APIs or DOM globals', async () => {
    expect(
      await lint(
        'lib/domain/probe.ts',
        "import { readPage } from '../page/read';\nexport const x = readPage;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await lint(
        'lib/domain/probe.ts',
        "import { browser } from 'wxt/browser';\nexport const x = browser;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await lint('lib/domain/probe.ts', 'export const x = document.title;\n')).toContain(
      'no-restricted-globals',
    );
    expect(
      await lint('lib/domain/probe.ts', "import { z } from 'zod';\nexport const x = z.string();\n"),
    ).toEqual([]);
  });

  it('keeps extension APIs out of lib/page', async () => {
    expect(
      await lint(
        'lib/page/probe.ts',
        "import { sendMessage } from '../platform/messaging';\nexport const x = sendMessage;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await lint('lib/page/probe.ts', 'export const x = browser.runtime;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('forbids building markup from strings in shipped code', async () => {
    expect(
      await lint(
        'lib/platform/probe.ts',
        'export function f(el: Element, t: string) { el.innerHTML = t; }\n',
      ),
    ).toContain('no-restricted-properties');
    expect(
      await lint(
        'components/probe.tsx',
        'export const X = ({ t }: { t: string }) => <div dangerouslySetInnerHTML={{ __html: t }} />;\n',
      ),
    ).toContain('no-restricted-syntax');
  });

  it('keeps ledger and platform code out of components: their API comes through React context', async () => {
    expect(
      await lint(
        'components/probe.tsx',
        "import { ask } from '@/lib/platform/page-api';\nexport const x = ask;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await lint(
        'components/probe.tsx',
        "import { LedgerStore } from '../lib/ledger/store';\nexport const x = LedgerStore;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await lint(
        'components/probe.tsx',
        "import type { MessageName } from '@/lib/domain/protocol';\nexport type X = MessageName;\n",
      ),
    ).toEqual([]);
  });

  describe('import cycles, type-only ones included', () => {
    // Real files on disk: the rule follows imports through the files themselves, as it does in the repo.
    let dir = '';
    beforeAll(() => void (dir = mkdtempSync('test/.probe-cycles-')));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, code: string) => {
      writeFileSync(path.join(dir, name), code);
      return { filePath: path.join(dir, name), code };
    };
    const cycles = async ({ filePath, code }: { filePath: string; code: string }) => {
      const [result] = await eslint.lintText(code, { filePath });
      return result!.messages
        .filter((m) => m.ruleId === 'scopekeeper/no-import-cycles')
        .map((m) => m.message);
    };

    it('reports a two-file cycle and names it', async () => {
      const a = write('a.ts', "import { b } from './b';\nexport const a = () => b();\n");
      write('b.ts', "import { a } from './a';\nexport const b = () => a();\n");
      expect(await cycles(a)).toEqual([
        `Import cycle: ${dir}/a.ts → ${dir}/b.ts → ${dir}/a.ts. Move the shared piece into a module of its own.`,
      ]);
    });

    it('reports a cycle made of type-only imports, through the @/ alias and an index', async () => {
      const c = write('c.ts', `import type { D } from '@/${dir}/d';\nexport type C = { d?: D };\n`);
      mkdirSync(path.join(dir, 'd'));
      write('d/index.ts', "export type { D } from './e';\n");
      write('d/e.ts', "import type { C } from '../c';\nexport type D = { c?: C };\n");
      expect(await cycles(c)).toEqual([
        `Import cycle: ${dir}/c.ts → ${dir}/d/index.ts → ${dir}/d/e.ts → ${dir}/c.ts. Move the shared piece into a module of its own.`,
      ]);
    });

    it('accepts a chain that never comes back', async () => {
      const f = write('f.ts', "import { g } from './g';\nexport const f = () => g();\n");
      write('g.ts', "import type { H } from './h';\nexport const g = (): H => ({});\n");
      write('h.ts', "import { z } from 'zod';\nexport type H = { z?: typeof z };\n");
      expect(await cycles(f)).toEqual([]);
    });
  });
});
