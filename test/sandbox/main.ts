import { SandboxApp } from './app';
import { sandboxPortfolioSchema } from './portfolio';

// Browser entry of the sandbox: the portfolio travels in the page as JSON (never as markup).
const source = document.getElementById('__portfolio');
const portfolio = sandboxPortfolioSchema.parse(JSON.parse(source?.textContent ?? '{}'));
source?.remove();
const app = new SandboxApp(document, portfolio, { mode: 'live' });
(window as unknown as { __sandbox: SandboxApp }).__sandbox = app;
app.start();
