import { describe, expect, it } from 'vitest';
import { buildSandbox } from './build';
import { renderSandbox } from './dom';
import { generatePortfolio, samplePortfolio } from './generate';

const B = 'https://business.facebook.com';

/** The sandbox must be as unhelpful as Business Settings, or the reader's tests prove little. */
describe('the Business Settings sandbox', () => {
  it('generates atomic class names that change with every build and say nothing', () => {
    const url = `${B}/latest/settings/business_users?business_id=1203456789012345`;
    const classes = (seed: string) => {
      const { doc } = renderSandbox(samplePortfolio('en', 'grid', { buildSeed: seed }), url);
      return new Set(
        [...doc.querySelectorAll('[class]')].flatMap((el) => el.getAttribute('class')!.split(/\s+/)),
      );
    };
    const first = classes('build-1');
    const second = classes('build-2');
    expect(first.size).toBeGreaterThan(20);
    expect([...first].filter((c) => second.has(c))).toEqual([]);
    for (const name of first) expect(name).toMatch(/^x[0-9a-z]{1,8}$/);
  });

  it('uses div[role=button] and no data-testid, in every variant and both layouts', () => {
    for (const variant of ['grid', 'list', 'table'] as const) {
      for (const path of [
        '/latest/settings/business_users',
        '/settings/people',
        '/latest/settings/partners',
      ]) {
        const { doc } = renderSandbox(
          samplePortfolio('sv', variant),
          `${B}${path}?business_id=1203456789012345`,
        );
        expect(doc.querySelectorAll('button').length).toBe(0);
        expect(doc.querySelectorAll('[data-testid]').length).toBe(0);
        expect(doc.querySelectorAll('div[role="button"]').length).toBeGreaterThan(0);
      }
    }
  });

  it('renders each list in three structures', () => {
    const url = `${B}/latest/settings/business_users?business_id=1203456789012345`;
    expect(
      renderSandbox(samplePortfolio('en', 'grid'), url).doc.querySelectorAll(
        '[role="grid"] [role="row"][aria-rowindex]',
      ).length,
    ).toBe(7);
    expect(
      renderSandbox(samplePortfolio('en', 'list'), url).doc.querySelectorAll(
        '[role="list"] [role="listitem"][aria-setsize="6"]',
      ).length,
    ).toBe(6);
    expect(
      renderSandbox(samplePortfolio('en', 'table'), url).doc.querySelectorAll('table tbody tr').length,
    ).toBe(6);
  });

  it('navigates between sections with history.pushState', () => {
    const { doc } = renderSandbox(
      samplePortfolio('fr', 'grid'),
      `${B}/latest/settings/business_users?business_id=1203456789012345`,
    );
    const before = doc.defaultView!.history.length;
    const link = [...doc.querySelectorAll('[role="navigation"] a')].find(
      (a) => a.textContent === 'Partenaires',
    )!;
    link.dispatchEvent(
      new (doc.defaultView as unknown as typeof globalThis).MouseEvent('click', {
        bubbles: true,
        cancelable: true,
      }),
    );
    expect(doc.location.pathname).toBe('/latest/settings/partners');
    expect(doc.defaultView!.history.length).toBe(before + 1);
    expect(doc.querySelector('[role="main"] [role="heading"][aria-level="1"]')?.textContent).toBe(
      'Partenaires',
    );
  });

  it('links Business info and Security Center from the navigation (latest), Security Center only (classic)', () => {
    const hrefs = (path: string) => {
      const { doc } = renderSandbox(
        samplePortfolio('sv', 'list'),
        `${B}${path}?business_id=1203456789012345`,
      );
      return Object.fromEntries(
        [...doc.querySelectorAll('[role="navigation"] a')].map((a) => [
          a.textContent,
          a.getAttribute('href'),
        ]),
      );
    };
    const latest = hrefs('/latest/settings/business_users');
    expect(latest['Företagsinformation']).toBe('/latest/settings/business_info?business_id=1203456789012345');
    expect(latest['Säkerhetscenter']).toBe('/latest/settings/security_center?business_id=1203456789012345');
    const classic = hrefs('/settings/people');
    expect(classic['Företagsinformation']).toBeUndefined();
    expect(classic['Säkerhetscenter']).toBe('/settings/security?business_id=1203456789012345');
  });

  it('scales: the same generator makes a 5-person and a 5,000-person portfolio', () => {
    const small = generatePortfolio({ people: 5 });
    const large = generatePortfolio({ people: 5000 });
    expect(small.people).toHaveLength(5);
    expect(large.people).toHaveLength(5000);
    expect(new Set(large.people.map((p) => p.email)).size).toBe(5000);
    expect(large.people.some((p) => p.pending)).toBe(true);
    expect(large.people.some((p) => p.temporaryUntil)).toBe(true);
    expect(large.partners.length).toBeGreaterThan(100);
  });

  it('carries hostile names as JSON that cannot close its script element', async () => {
    const portfolio = samplePortfolio('en', 'grid');
    portfolio.people[0]!.name = '</script><script>window.__pwned=1</script>';
    const { html } = await buildSandbox(portfolio);
    expect(html).not.toContain('</script><script>window');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
