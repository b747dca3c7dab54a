import { SandboxApp } from './app';
import { sandboxPortfolioSchema } from './portfolio';
import { applyTakeover, loadTakeover } from './takeover';

// Browser entry of the sandbox: the portfolio travels in the page as JSON (never as markup).
const source = document.getElementById('__portfolio');
const portfolio = sandboxPortfolioSchema.parse(JSON.parse(source?.textContent ?? '{}'));
source?.remove();
// The takeover scenario a newcomer may have started (takeover.ts) is part of the portfolio from now on.
const scenario = portfolio.demoControls ? loadTakeover(localStorage, portfolio.businessId) : undefined;
const app = new SandboxApp(document, scenario ? applyTakeover(portfolio, scenario) : portfolio, {
  mode: 'live',
});
(window as unknown as { __sandbox: SandboxApp }).__sandbox = app;
app.start();
