import { SandboxApp } from './app';
import { sandboxPortfolioSchema } from './portfolio';
import { applyEdits, loadEdits } from './edits';
import { applyTakeover, loadTakeover } from './takeover';

// Browser entry of the sandbox: the portfolio travels in the page as JSON (never as markup).
const source = document.getElementById('__portfolio');
const portfolio = sandboxPortfolioSchema.parse(JSON.parse(source?.textContent ?? '{}'));
source?.remove();
// The takeover scenario a newcomer may have started (takeover.ts) is part of the portfolio from now on.
const scenario = portfolio.demoControls ? loadTakeover(localStorage, portfolio.businessId) : undefined;
// So is the access the admin switched off since (edits.ts).
const edits = portfolio.demoControls ? loadEdits(localStorage, portfolio.businessId) : [];
const app = new SandboxApp(
  document,
  applyEdits(scenario ? applyTakeover(portfolio, scenario) : portfolio, edits),
  { mode: 'live' },
);
(window as unknown as { __sandbox: SandboxApp }).__sandbox = app;
app.start();
