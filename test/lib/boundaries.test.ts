import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

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
});
