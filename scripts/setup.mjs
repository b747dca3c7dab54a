// The first step of `npm test` and `npm run demo`: installs what a fresh Debian machine lacks, saying in one
// line each what and why, so that these two commands are the whole set-up. Plain Node, builtins only: it runs
// before node_modules exists. Usage: node scripts/setup.mjs test|demo
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Debian's browsers, and Chromium's language packs: where the tests and the demo look for them, what each
 * is, and what each command needs it for. Without `chromium-l10n` Chromium knows only en-US: a browser
 * started in Swedish or French still tells the extension `en-US` (`i18n.getUILanguage`), and only the
 * pages the test tool emulates speak the admin's language, so the background's words and the panel's
 * could differ in a test or the demo as they never do in an admin's browser.
 */
const BROWSERS = {
  chromium: {
    path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    what: "Debian's browser",
    for: { test: 'the end-to-end tests', demo: 'the demo' },
  },
  'chromium-l10n': {
    path: '/usr/lib/chromium/locales/fr.pak',
    what: "Chromium's own Swedish and French",
    for: { test: 'the end-to-end tests in Swedish and French', demo: 'the demo in Swedish and French' },
  },
  'firefox-esr': {
    path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    what: "Debian's browser",
    for: { test: 'the Firefox end-to-end test' },
  },
};

/**
 * Why node_modules does not hold what package-lock.json pins, or null when it does. npm records what it
 * installed in node_modules/.package-lock.json with the lock's own entries; optional packages for other
 * platforms (esbuild's, rollup's) are absent there by design.
 */
export function getLockDrift(lock, installed) {
  if (!installed) return 'node_modules has no record of what npm installed';
  const pinned = lock.packages ?? {};
  const present = installed.packages ?? {};
  for (const [path, entry] of Object.entries(present)) {
    if (!(path in pinned)) return `${path} is installed but no longer in package-lock.json`;
    if (JSON.stringify(entry) !== JSON.stringify(pinned[path]))
      return `${path} differs from package-lock.json`;
  }
  for (const [path, entry] of Object.entries(pinned)) {
    const mayBeAbsent = path === '' || entry.optional || entry.devOptional;
    if (!mayBeAbsent && !(path in present)) return `${path} is in package-lock.json but not installed`;
  }
  return null;
}

/**
 * What the set-up does, from what it found: a list of steps, each with the line that says what and why.
 * facts: { command: 'test' | 'demo', nodeModules: boolean, nodeModulesLink: string | null, lock: object,
 * installedLock: object | null, wxtPrepared: boolean, browsers: { [debianPackage]: { path, present } } }.
 */
export function getSetupSteps(facts) {
  const steps = [];
  const drift = facts.nodeModules ? getLockDrift(facts.lock, facts.installedLock) : 'node_modules is missing';
  // A linked node_modules (a worktree sharing another's) is that tree's to install: npm ci would empty it.
  if (drift && facts.nodeModulesLink)
    steps.push({
      kind: 'stop',
      line: `setup: not running npm ci through the link node_modules -> ${facts.nodeModulesLink}, though ${drift}; install there`,
    });
  else if (drift) steps.push({ kind: 'npm-ci', line: `setup: npm ci, because ${drift}` });
  else if (!facts.wxtPrepared)
    steps.push({
      kind: 'wxt-prepare',
      line: "setup: wxt prepare, because WXT's generated types (.wxt) are missing",
    });
  for (const [name, { path, present }] of Object.entries(facts.browsers)) {
    const use = BROWSERS[name]?.for[facts.command];
    if (use && !present)
      steps.push({
        kind: 'apt-get',
        package: name,
        line: `setup: apt-get install ${name}, ${BROWSERS[name].what} for ${use}, because ${path} is missing`,
      });
  }
  return steps;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function run(command, args, env = process.env) {
  const { status, error } = spawnSync(command, args, { stdio: 'inherit', env });
  if (status !== 0) {
    console.error(`setup: ${command} ${args.join(' ')} failed${error ? `: ${error.message}` : ''}`);
    process.exit(status || 1);
  }
}

function main(command) {
  if (command !== 'test' && command !== 'demo') {
    console.error('usage: node scripts/setup.mjs test|demo');
    process.exit(2);
  }
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  const link = existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink();
  const steps = getSetupSteps({
    command,
    nodeModules: existsSync('node_modules'),
    nodeModulesLink: link ? readlinkSync('node_modules') : null,
    lock: readJson('package-lock.json') ?? {},
    installedLock: readJson('node_modules/.package-lock.json'),
    wxtPrepared: existsSync('.wxt/tsconfig.json'),
    browsers: Object.fromEntries(
      Object.entries(BROWSERS).map(([name, { path }]) => [name, { path, present: existsSync(path) }]),
    ),
  });
  for (const step of steps) console.log(step.line);
  for (const step of steps) {
    if (step.kind === 'stop') process.exit(1);
    if (step.kind === 'npm-ci') run('npm', ['ci', '--no-audit', '--no-fund']);
    if (step.kind === 'wxt-prepare') run(resolve('node_modules/.bin/wxt'), ['prepare']);
  }
  const packages = steps.filter((step) => step.kind === 'apt-get').map((step) => step.package);
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`setup: run as root: apt-get update && apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], env);
  run('apt-get', ['install', '-y', '-qq', ...packages], env);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv[2]);
