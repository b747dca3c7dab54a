import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { defineConfig } from 'wxt';
import { pageMessagesFile } from './lib/domain/i18n/page-messages';
import { uiLocales } from './lib/domain/locales';
import { pageDataKey } from './lib/domain/page-data-copy';
import { PAGE_DATA_MESSAGE, pageDataFirst, pageDataMessage, pageDataModules } from './lib/page/page-data';

// The content script runs on our own context (lib/platform/page-context.ts), not WXT's: WXT's entrypoint
// wrapper constructs whatever `wxt/utils/content-script-context` gives in the content script's build.
const ownContext = fileURLToPath(new URL('./lib/platform/page-context.ts', import.meta.url));

const root = fileURLToPath(new URL('.', import.meta.url));
const pageDataReader = fileURLToPath(new URL('./lib/platform/page-data.ts', import.meta.url));

/**
 * The content script's build reads the reader's data from `_locales` (lib/page/page-data.ts): each data
 * module is loaded as one that exports the same names, taken from the page-data message. Also used by
 * scripts/content-size.ts, so that it measures what the build injects.
 */
export const pageDataPlugin = {
  name: 'scopekeeper:page-data-from-locales',
  enforce: 'pre' as const,
  load(id: string) {
    const key = path.relative(root, id.split('?')[0]!).split(path.sep).join('/');
    const module = Object.hasOwn(pageDataModules, key) ? pageDataModules[key] : undefined;
    if (!module) return undefined;
    return (
      `import { readPageData } from ${JSON.stringify(pageDataReader)};\n` +
      `export const { ${Object.keys(module).join(', ')} } = ` +
      `readPageData(${JSON.stringify(PAGE_DATA_MESSAGE)})[${JSON.stringify(key)}];\n`
    );
  },
};

/**
 * What runs inside business.facebook.com is wrapped so that it runs once storage has answered,
 * asynchronously, with the background's copy of the reader's data or without (lib/page/page-data.ts
 * `pageDataFirst`, under this build's data's own key), then minified once more by terser after the build's
 * own minifier (issue 12's 20 KB gzip for everything injected): about 1% smaller gzipped, the same code.
 */
const repackContent = {
  name: 'scopekeeper:repack-content',
  async generateBundle(_options: unknown, bundle: Record<string, { type: string; code?: string }>) {
    const key = pageDataKey(pageDataMessage());
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.code) continue;
      chunk.code = pageDataFirst(chunk.code, key);
      if (process.env.SK_NOMINIFY) continue;
      const packed = await minify(chunk.code, {
        ecma: 2020,
        module: true,
        // `unsafe` assumes the built-ins are the standard ones: in the content script's isolated world they
        // are (a page script cannot reach its prototypes).
        compress: { passes: 3, unsafe_arrows: true, unsafe: true },
        // Keeps the parentheses around the wrapper's function (pageDataFirst).
        format: { wrap_func_args: true },
      });
      if (packed.code) chunk.code = packed.code;
    }
  },
};

const isolatedEntry = '\0virtual:wxt-content-script-isolated-world-entrypoint?';

/**
 * The content script's entry, in place of WXT's (which wraps `main` in an async function that logs a crash
 * in development builds only, and starts WXT's plugins: Scopekeeper has none): the entrypoint's `main`, on
 * its own context (above). ~0.2 KB gzip of the page's 20 KB.
 */
const ownContentEntry = {
  name: 'scopekeeper:own-content-entry',
  enforce: 'pre' as const,
  load(id: string) {
    if (!id.startsWith(isolatedEntry)) return undefined;
    return (
      `import definition from ${JSON.stringify(id.slice(isolatedEntry.length))};\n` +
      `import { ContentScriptContext } from 'wxt/utils/content-script-context';\n` +
      'definition.main(new ContentScriptContext());\n'
    );
  },
};

/** Where a team's CouchDB may be (issue 16): any HTTPS host, or plain HTTP on this computer. */
const teamServerHosts = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

// The narrowest permissions that the mission needs (DESIGN.md): storage for settings and the ledger,
// alarms and notifications for reminders, and Business Settings only: nothing else is asked for.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // SK_NOMINIFY=1: an unminified build in .output-nomin, for scripts/profile-content.ts.
  ...(process.env.SK_NOMINIFY ? { outDir: '.output-nomin', vite: () => ({ build: { minify: false } }) } : {}),
  hooks: {
    // The panel is built on its own (issue 12, item 4): in the build of every extension page together, it
    // shared one chunk with the options, overview and review pages (zod's schemas for every message, their
    // code): the panel loaded and compiled ~640 KB on the page's critical path. Alone, it carries only what it
    // uses.
    'entrypoints:grouped'(_wxt, groups) {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const at = group.findIndex((entry) => entry.name === 'panel');
        if (at === -1) continue;
        groups.push(group.splice(at, 1));
        return;
      }
    },
    // The content script's sentences (lib/domain/i18n/on-page.ts) go into each language's messages.json
    // beside the manifest's name and description (public/_locales), from the catalogues, and with them the
    // reader's data (lib/page/page-data.ts), the same in every language.
    'build:publicAssets'(_wxt, files) {
      const pageData = {
        [PAGE_DATA_MESSAGE]: {
          message: pageDataMessage(),
          description:
            'The reader’s words and tables, for the Business Settings page (lib/page/page-data.ts).',
        },
      };
      for (const locale of uiLocales) {
        const relativeDest = `_locales/${locale}/messages.json`;
        const at = files.findIndex((file) => file.relativeDest === relativeDest);
        const own = at === -1 ? undefined : files[at]!;
        const base: Record<string, unknown> = own
          ? JSON.parse('contents' in own ? own.contents : readFileSync(own.absoluteSrc, 'utf8'))
          : {};
        const contents = JSON.stringify({ ...base, ...pageMessagesFile(locale), ...pageData }, null, 2);
        if (at === -1) files.push({ relativeDest, contents });
        else files[at] = { relativeDest, contents };
      }
    },
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      (config.plugins ??= []).push({
        name: 'scopekeeper:own-content-context',
        enforce: 'pre',
        resolveId: (id: string) => (id === 'wxt/utils/content-script-context' ? ownContext : undefined),
      });
      config.plugins.push(pageDataPlugin, ownContentEntry, repackContent);
    },
  },
  manifest: ({ browser }) => ({
    // Localised from public/_locales/<language>/messages.json (the browser's language; English otherwise).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://business.facebook.com/*'],
    // The team ledger's own CouchDB (issue 16, opt-in): nothing is granted at install; saving the server on
    // the options page asks for that one host at that moment (lib/platform/team-settings.ts). Plain HTTP
    // only to this computer (lib/domain/team-ledger.ts refuses it elsewhere: a password would travel in clear).
    // Firefox's build is Manifest V2, where optional hosts are optional permissions (WXT drops the V3 key).
    ...(browser === 'firefox'
      ? { optional_permissions: teamServerHosts }
      : { optional_host_permissions: teamServerHosts }),
    web_accessible_resources:
      browser === 'firefox'
        ? ['panel.html']
        : [
            // use_dynamic_url (issue 11, item 2): Chromium loads panel.html only through an address that
            // changes every browser session (runtime.getURL gives it; Debian's Chromium 156 checked), so a page
            // that knows the extension's id still cannot frame it. The panel token is the guard behind it.
            {
              resources: ['panel.html'],
              matches: ['https://business.facebook.com/*'],
              use_dynamic_url: true,
            },
          ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'scopekeeper@scopekeeper.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // The page code uses URL.canParse (Chromium 120) and AbortSignal.any (116): older ones are not
          // offered the extension rather than running it half.
          minimum_chrome_version: '120',
        }),
  }),
});
