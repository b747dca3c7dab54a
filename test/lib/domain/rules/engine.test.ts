import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse, pickUiLocale, rules } from '@/lib/domain/rules';
import { defineRule, uiLocales, type RawFinding } from '@/lib/domain/rules/types';
import { context, me, page, partner, person, snapshot } from './helpers';

const ruleFiles = readdirSync('lib/domain/rules')
  .filter(
    (f) =>
      f.endsWith('.ts') &&
      !['index.ts', 'types.ts', 'words.ts', 'watch-facts.ts', 'security-words.ts'].includes(f),
  )
  .map((f) => f.replace(/\.ts$/, ''));

describe('the rule set (meta)', () => {
  it('registers every rule file under its file name, and nothing else', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(ruleFiles.sort());
    expect(rules).toHaveLength(24);
  });

  it('documents every rule in the README rules table with its severity', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const rule of rules) {
      expect(readme, rule.id).toMatch(new RegExp(`\\|\\s*\`${rule.id}\`\\s*\\|\\s*${rule.severity}\\s*\\|`));
    }
  });

  it('has a positive and a negative test for every rule', () => {
    for (const rule of rules) {
      const test = readFileSync(`test/lib/domain/rules/${rule.id}.test.ts`, 'utf8');
      expect(test, rule.id).toMatch(/it\('raises/);
      expect(test, rule.id).toMatch(/it\('does not raise/);
    }
  });

  it('has a message, why and fix in English, Swedish and French for every rule', () => {
    const sample: RawFinding = {
      subject: 'partner:3228568050780001',
      principal: partner('Byrå AB', '3228568050780001', [page()]),
      asset: page(),
      facts: {
        count: 7,
        max: 5,
        days: 9,
        domain: 'gmail.com',
        endsAt: '2026-12-01',
        change: 'asset-added',
        asset: 'Sjöbod Café',
        seen: '2026-11-20',
        more: 2,
        full: 1,
      },
    };
    for (const rule of rules) {
      const texts = uiLocales.map((locale) => {
        const t = rule.text[locale];
        return [t.message(sample), t.why, t.fix(sample)];
      });
      for (const [i, [message, why, fix]] of texts.entries()) {
        expect(message!.length, `${rule.id} ${uiLocales[i]}`).toBeGreaterThan(10);
        expect(why!.length, `${rule.id} ${uiLocales[i]}`).toBeGreaterThan(20);
        expect(fix!.length, `${rule.id} ${uiLocales[i]}`).toBeGreaterThan(20);
        expect(`${message}${fix}`).not.toMatch(/undefined|NaN|\[object/);
      }
      // Three languages, three different texts.
      expect(new Set(texts.map((t) => t[1])).size, rule.id).toBe(3);
    }
  });
});

describe('analyse', () => {
  it('isolates a rule that throws and still runs the others', () => {
    const broken = defineRule({
      ...rules[0]!,
      id: 'broken',
      check: () => {
        throw new Error('boom');
      },
    });
    const result = analyse(
      snapshot([me, person('Lisa', 'lisa@gmail.com', { pending: true })]),
      undefined,
      context(),
      'en',
      [broken, ...rules],
    );
    expect(result.failedRules).toEqual([{ ruleId: 'broken', error: 'boom' }]);
    expect(result.findings.map((f) => f.ruleId)).toContain('pending-invite');
  });

  it('skips rules the admin switched off', () => {
    const snap = snapshot([me, person('Lisa', 'lisa@gmail.com', { pending: true })]);
    const ids = (disabledRules: string[]) =>
      analyse(snap, undefined, context({ settings: { disabledRules } }), 'en').findings.map((f) => f.ruleId);
    expect(ids([])).toContain('pending-invite');
    expect(ids(['pending-invite'])).not.toContain('pending-invite');
  });

  it('orders findings by severity, runs dialog rules only on a dialog, and speaks the chosen language', () => {
    const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control', pending: true });
    const draft = snapshot(
      [person('new@x.example', 'new@x.example', { portfolioAccess: 'full-control' })],
      'invite-dialog',
    );
    const withoutDialog = analyse(snapshot([me, nils]), undefined, context(), 'sv');
    expect(withoutDialog.findings.map((f) => f.severity)).toEqual(
      [...withoutDialog.findings.map((f) => f.severity)].sort(
        (a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b),
      ),
    );
    expect(withoutDialog.findings.some((f) => f.ruleId.startsWith('invite-'))).toBe(false);
    expect(withoutDialog.findings.find((f) => f.ruleId === 'pending-invite')?.message).toBe(
      'Inbjudan till Nils Holm (nils@byraab.se) väntar fortfarande.',
    );
    const withDialog = analyse(snapshot([me]), draft, context(), 'fr');
    expect(
      withDialog.findings
        .map((f) => f.ruleId)
        .filter((id) => id.startsWith('invite-'))
        .sort(),
    ).toEqual(['invite-full-control', 'invite-no-expiry']);
    expect(withDialog.findings.find((f) => f.ruleId === 'invite-full-control')!.message).toBe(
      'Cette invitation donne le «\u00a0Contrôle total\u00a0» de tout le portefeuille business.',
    );
  });

  it('picks the UI language from the browser, English when unsupported', () => {
    expect(pickUiLocale('sv-SE')).toBe('sv');
    expect(pickUiLocale('fr')).toBe('fr');
    expect(pickUiLocale('de-DE')).toBe('en');
    expect(pickUiLocale(undefined)).toBe('en');
  });
});
