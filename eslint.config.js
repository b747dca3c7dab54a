import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import scopekeeper from './eslint-rules/index.js';

const extensionApis = ['wxt', 'wxt/*', '#imports', 'wxt/browser', '@webext-core/*', '@wxt-dev/*'];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-nomin/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'demo-output/**',
      'bench-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text is untrusted: never build markup from strings (STYLE.md, DESIGN.md).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes or React text; never markup from strings.' },
        { property: 'outerHTML', message: 'Build DOM nodes or React text; never markup from strings.' },
        {
          property: 'insertAdjacentHTML',
          message: 'Build DOM nodes or React text; never markup from strings.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never render page text as HTML.',
        },
      ],
    },
  },
  {
    // The house rule of STYLE.md: lib/domain is pure.
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Relative paths out of lib/domain (one or two levels up), and the alias.
              group: [
                '../page/*',
                '../../page/*',
                '../ledger/*',
                '../../ledger/*',
                '../platform/*',
                '../../platform/*',
                '@/lib/page/*',
                '@/lib/ledger/*',
                '@/lib/platform/*',
              ],
              message: 'lib/domain is pure: it imports no page, ledger or platform code.',
            },
            { group: extensionApis, message: 'lib/domain is pure: no extension APIs.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'browser',
        'chrome',
        'document',
        'window',
        'navigator',
        'localStorage',
      ],
    },
  },
  {
    // Page reading touches the DOM it is given, never extension APIs or storage.
    files: ['lib/page/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ledger/**', '**/platform/**', '@/lib/ledger/*', '@/lib/platform/*'],
              message: 'lib/page reads pages; it does not store or message.',
            },
            { group: extensionApis, message: 'lib/page uses no extension APIs: those live in lib/platform.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'browser', 'chrome'],
    },
  },
  {
    // Components get their API through React context and their types from lib/domain (issue 9).
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The alias and relative paths at any depth; lib/domain/ledger stays allowed.
              group: ['**/lib/ledger', '**/lib/ledger/**', '**/lib/platform', '**/lib/platform/**'],
              message:
                'components import no ledger or platform code: their API comes through React context (components/api.tsx), their types from lib/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox is the reader's examiner: built from its own words (test/sandbox/strings.ts), never from
    // the reader's code or data, or a shared mistake would pass unseen.
    files: ['test/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/lib/page',
                '**/lib/page/**',
                '**/lib/domain/lexicon',
                '**/lib/domain/i18n',
                '**/lib/domain/i18n/**',
              ],
              message: 'The sandbox imports nothing of the reader: no lib/page, no lexicon, no i18n.',
            },
          ],
        },
      ],
    },
  },
  {
    // Issue 9: no import cycles, type-only ones included.
    files: ['{lib,components,entrypoints,scripts,test}/**/*.{ts,tsx,mts,js,mjs}'],
    plugins: { scopekeeper },
    rules: { 'scopekeeper/no-import-cycles': 'error' },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}', 'eslint-rules/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-properties': 'off' },
  },
);
