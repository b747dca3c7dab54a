import { describe, expect, it } from 'vitest';

// scripts/setup.mjs is plain Node (it runs before node_modules exists), so it has no types: these are its own.
interface Lock {
  packages?: Record<string, { version?: string; optional?: boolean; dev?: boolean }>;
}
interface Facts {
  command: 'test' | 'demo';
  nodeModules: boolean;
  nodeModulesLink: string | null;
  lock: Lock;
  installedLock: Lock | null;
  wxtPrepared: boolean;
  browsers: Record<string, { path: string; present: boolean }>;
}
interface Step {
  kind: 'npm-ci' | 'wxt-prepare' | 'apt-get' | 'stop';
  package?: string;
  line: string;
}
const setupUrl = new URL('../../scripts/setup.mjs', import.meta.url).href;
const { getSetupSteps } = (await import(setupUrl)) as { getSetupSteps: (facts: Facts) => Step[] };

const lock: Lock = {
  packages: {
    '': { version: '0.1.0' },
    'node_modules/wxt': { version: '0.21.4', dev: true },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
  },
};
// What npm records in node_modules/.package-lock.json: the lock's entries but the root and other platforms'.
const installed: Lock = { packages: { 'node_modules/wxt': { version: '0.21.4', dev: true } } };

const fresh: Facts = {
  command: 'test',
  nodeModules: true,
  nodeModulesLink: null,
  lock,
  installedLock: installed,
  wxtPrepared: true,
  browsers: {
    chromium: { path: '/usr/bin/chromium', present: true },
    'chromium-l10n': { path: '/usr/lib/chromium/locales/fr.pak', present: true },
    'firefox-esr': { path: '/usr/bin/firefox-esr', present: true },
  },
};
const browsers = (chromium: boolean, firefox: boolean, languages = true): Facts['browsers'] => ({
  chromium: { path: '/usr/bin/chromium', present: chromium },
  'chromium-l10n': { path: '/usr/lib/chromium/locales/fr.pak', present: languages },
  'firefox-esr': { path: '/usr/bin/firefox-esr', present: firefox },
});
const kinds = (facts: Facts) => getSetupSteps(facts).map((step) => step.kind);

describe('the set-up step of npm test and npm run demo', () => {
  it('does nothing when node_modules matches package-lock.json and the browsers are there', () => {
    expect(getSetupSteps(fresh)).toEqual([]);
    expect(getSetupSteps({ ...fresh, command: 'demo' })).toEqual([]);
  });

  it('runs npm ci when node_modules is missing', () => {
    const steps = getSetupSteps({ ...fresh, nodeModules: false, installedLock: null });
    expect(steps).toEqual([{ kind: 'npm-ci', line: 'setup: npm ci, because node_modules is missing' }]);
  });

  it('runs npm ci when package-lock.json pins other packages than were installed', () => {
    const bumped: Lock = {
      packages: { ...lock.packages, 'node_modules/wxt': { version: '0.21.5', dev: true } },
    };
    const added: Lock = {
      packages: { ...lock.packages, 'node_modules/puppeteer-core': { version: '24.43.1', dev: true } },
    };
    const removed: Lock = { packages: { '': { version: '0.1.0' } } };
    expect(getSetupSteps({ ...fresh, lock: bumped })[0]?.line).toBe(
      'setup: npm ci, because node_modules/wxt differs from package-lock.json',
    );
    expect(getSetupSteps({ ...fresh, lock: added })[0]?.line).toBe(
      'setup: npm ci, because node_modules/puppeteer-core is in package-lock.json but not installed',
    );
    expect(kinds({ ...fresh, lock: removed })).toEqual(['npm-ci']);
    expect(kinds({ ...fresh, installedLock: null })).toEqual(['npm-ci']);
  });

  it('does not run npm ci through a linked node_modules, and says so', () => {
    expect(kinds({ ...fresh, nodeModulesLink: '/work/main/node_modules' })).toEqual([]);
    const steps = getSetupSteps({
      ...fresh,
      nodeModulesLink: '/work/main/node_modules',
      installedLock: null,
    });
    expect(steps.map((step) => step.kind)).toEqual(['stop']);
    expect(steps[0]?.line).toContain('node_modules -> /work/main/node_modules');
  });

  it('runs wxt prepare when its generated types are missing and npm ci (whose postinstall does it) does not run', () => {
    expect(kinds({ ...fresh, wxtPrepared: false })).toEqual(['wxt-prepare']);
    expect(kinds({ ...fresh, wxtPrepared: false, nodeModules: false })).toEqual(['npm-ci']);
  });

  it('installs a missing browser with apt-get, saying which and why: Firefox for the tests only', () => {
    const none = browsers(false, false);
    expect(getSetupSteps({ ...fresh, browsers: none })).toEqual([
      {
        kind: 'apt-get',
        package: 'chromium',
        line: "setup: apt-get install chromium, Debian's browser for the end-to-end tests, because /usr/bin/chromium is missing",
      },
      {
        kind: 'apt-get',
        package: 'firefox-esr',
        line: "setup: apt-get install firefox-esr, Debian's browser for the Firefox end-to-end test, because /usr/bin/firefox-esr is missing",
      },
    ]);
    expect(getSetupSteps({ ...fresh, command: 'demo', browsers: none })).toEqual([
      {
        kind: 'apt-get',
        package: 'chromium',
        line: "setup: apt-get install chromium, Debian's browser for the demo, because /usr/bin/chromium is missing",
      },
    ]);
    expect(kinds({ ...fresh, command: 'demo', browsers: browsers(true, false) })).toEqual([]);
  });

  it("installs Chromium's language packs when they are missing: a Swedish or French browser is one then", () => {
    const line = (use: string) =>
      `setup: apt-get install chromium-l10n, Chromium's own Swedish and French for ${use}, because /usr/lib/chromium/locales/fr.pak is missing`;
    expect(getSetupSteps({ ...fresh, browsers: browsers(true, true, false) })).toEqual([
      { kind: 'apt-get', package: 'chromium-l10n', line: line('the end-to-end tests in Swedish and French') },
    ]);
    expect(getSetupSteps({ ...fresh, command: 'demo', browsers: browsers(true, true, false) })).toEqual([
      { kind: 'apt-get', package: 'chromium-l10n', line: line('the demo in Swedish and French') },
    ]);
  });
});
