import { Window } from 'happy-dom';
import { SandboxApp } from './app';
import type { SandboxPortfolio } from './portfolio';

/** Renders a sandbox page synchronously in happy-dom, for reader unit tests. */
export function renderSandbox(
  portfolio: SandboxPortfolio,
  url: string,
): { doc: Document; app: SandboxApp; window: Window } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  const doc = window.document as unknown as Document;
  const app = new SandboxApp(doc, structuredClone(portfolio), { mode: 'sync' });
  app.start();
  return { doc, app, window };
}

/** A page from hand-written markup (other structures than the sandbox's). */
export function htmlPage(html: string, url: string, lang?: string): { doc: Document; window: Window } {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true },
  });
  const doc = window.document as unknown as Document;
  if (lang) doc.documentElement.setAttribute('lang', lang);
  // Test fixtures are our own markup, parsed by happy-dom's parser; no page data is involved.
  (window.document.body as unknown as { innerHTML: string }).innerHTML = html;
  return { doc, window };
}
