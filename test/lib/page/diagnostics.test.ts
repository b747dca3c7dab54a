import { describe, expect, it } from 'vitest';
import { diagnosticsSchema } from '@/lib/domain/messages';
import { readProblem } from '@/lib/domain/read-problems';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import {
  buildDiagnostics,
  describeText,
  getDiagnosticPath,
  getDiagnosticQueryKeys,
} from '@/lib/page/diagnostics';
import { readPage } from '@/lib/page/read';
import { htmlPage, renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';

const B = 'https://business.facebook.com';

function snapshotOf(url: string, problems: PageSnapshot['readProblems']): PageSnapshot {
  return {
    kind: 'people',
    url,
    locale: 'en',
    readStatus: 'partial',
    readProblems: problems,
    principals: [],
  };
}

/** Every string of `secrets` is absent from the bundle's JSON (case-insensitive); the failing one is named. */
function expectNoneOf(bundle: unknown, secrets: string[]): void {
  const text = JSON.stringify(bundle).toLowerCase();
  for (const secret of secrets)
    expect(text, `the bundle contains “${secret}”`).not.toContain(secret.toLowerCase());
}

describe('the diagnostics bundle carries no names, e-mail addresses or IDs (issue 10, item 5)', () => {
  it('replaces the IDs of a classic URL path and keeps no query values', () => {
    const url =
      `${B}/settings/people/100200300400501?business_id=1203456789012345&selected_user_id=61000000000002` +
      `&email=anna%40sjobod.se&100200300400502=1&anna.berg%40sjobod.se=x&name=Anna+Berg`;
    const diagnostics = buildDiagnostics(snapshotOf(url, []), htmlPage('<main></main>', url).doc.body);
    expect(diagnostics.path).toBe('/settings/people/{id}');
    expect(diagnostics.queryKeys).toEqual([
      'business_id',
      'selected_user_id',
      'email',
      '{id}',
      '{email}',
      'name',
    ]);
    expectNoneOf(diagnostics, [
      '100200300400501',
      '100200300400502',
      '1203456789012345',
      '61000000000002',
      'anna',
      'sjobod',
      'Berg',
      '@',
    ]);
  });

  it('keeps a query key only when shaped like a parameter name, each once', () => {
    expect(
      getDiagnosticQueryKeys(new URLSearchParams('modal=x&modal=y&businessId=1&Anna=2&x_1=3&nils%40b.se=4')),
    ).toEqual(['modal', '{word}', '{id}', '{email}']);
  });

  it('keeps the words of Business Settings routes and only those', () => {
    expect(getDiagnosticPath('/latest/settings/business_users')).toBe('/latest/settings/business_users');
    expect(getDiagnosticPath('/settings/instagram-account-v2/17841400000000001')).toBe(
      '/settings/instagram-account-v2/{id}',
    );
    expect(getDiagnosticPath('/business/123456/settings/pages/')).toBe('/{word}/{id}/settings/pages/');
    expect(getDiagnosticPath('/settings/people/act_98765')).toBe('/settings/people/{id}');
    expect(getDiagnosticPath('/settings/people/anna.berg@sjobod.se')).toBe('/settings/people/{email}');
    expect(getDiagnosticPath('/settings/people/anna.berg%40sjobod.se')).toBe('/settings/people/{email}');
    expect(getDiagnosticPath('/annaberg/settings')).toBe('/{word}/settings');
    expect(getDiagnosticPath('/settings/%EA%A')).toBe('/settings/{word}');
  });

  it('describes every string fact of a read problem instead of quoting it, and keeps codes, counts and own words', () => {
    const url = `${B}/latest/settings/business_users?business_id=1203456789012345`;
    const problems = [
      readProblem('end-date-unreadable', { sample: 'Anna Berg until 31 Febtember' }),
      readProblem('access-denied', { notice: 'Only anna.berg@sjobod.se (ID 100200300400501) can see this' }),
      readProblem('reader-failed', { error: 'TypeError: cannot read “Nils Holm” of nils@byraab.se' }),
      readProblem('principal-invalid', { kind: 'person', issue: 'Invalid email “eve@@contractor”' }),
      readProblem('snapshot-invalid', { issue: 'Business 61000000000002 not valid' }),
      readProblem('rows-not-understood', { count: 3, total: 40 }),
      readProblem('no-list', { section: 'people' }),
      readProblem('no-list', { section: 'Maja Lind' }),
    ];
    const diagnostics = buildDiagnostics(snapshotOf(url, problems), htmlPage('<main></main>', url).doc.body);
    expect(diagnostics.readProblems.map((p) => p.code)).toEqual(problems.map((p) => p.code));
    expect(diagnostics.readProblems[0]).toEqual({
      code: 'end-date-unreadable',
      facts: { sample: '<text: 28 characters; letters, digits, spaces>' },
    });
    expect(diagnostics.readProblems[3]?.facts?.kind).toBe('person');
    expect(diagnostics.readProblems[5]).toEqual({
      code: 'rows-not-understood',
      facts: { count: 3, total: 40 },
    });
    expect(diagnostics.readProblems[6]).toEqual({ code: 'no-list', facts: { section: 'people' } });
    expectNoneOf(diagnostics, [
      'Anna',
      'Berg',
      'Febtember',
      'sjobod',
      '100200300400501',
      '61000000000002',
      'Nils',
      'Holm',
      'byraab',
      'eve',
      'contractor',
      'Maja',
      'TypeError',
      '@',
    ]);
  });

  it('describes a text by length and character classes only', () => {
    expect(describeText('')).toBe('<text: 0 characters>');
    expect(describeText('é')).toBe('<text: 1 character; letters>');
    expect(describeText('a@b.se 1')).toBe(
      '<text: 8 characters; letters, digits, spaces, at signs, punctuation>',
    );
    expect(describeText('x\u200B')).toBe('<text: 2 characters; letters, control or format characters>');
  });

  it('keeps no text, ids, labels or free attribute values of the page in its outline', () => {
    const url = `${B}/latest/settings/business_users?business_id=1203456789012345`;
    const { doc } = htmlPage(
      `<main id="anna-berg-main" aria-label="Anna Berg’s people">
         <h1 id="user-100200300400501" title="Anna Berg">People of Anna Berg</h1>
         <div role="grid" aria-label="anna.berg@sjobod.se" aria-rowcount="Anna Berg" data-id="61000000000002">
           <div role="row" aria-level="anna@sjobod.se" aria-selected="Nils" id="row-61000000000002">
             <div role="gridcell" aria-describedby="nils-holm">Nils Holm</div>
             <div role="nils.holm@byraab.se">nils.holm@byraab.se</div>
             <input type="Anna" aria-checked="100200300400501" value="Maja Lind" placeholder="maja@lind.se" />
           </div>
           <div role="row" aria-level="2"><span role="switch" aria-checked="true">On</span></div>
         </div>
         <maja-lind role="region"><ul><li>Maja Lind</li><li>100200300400501</li></ul></maja-lind>
         <ol class="Anna"><li data-testid="anna">x</li></ol>
       </main>`,
      url,
    );
    const diagnostics = buildDiagnostics(snapshotOf(url, []), doc.body);
    expect(diagnostics.outline).toEqual([
      'main',
      '  h1',
      '  div[role=grid] aria-rowcount=?',
      '    div[role=row] aria-level=? aria-selected=?',
      '      div[role=gridcell]',
      '      div[role=?]',
      '      input aria-checked=? type=?',
      '    div[role=row] aria-level=2',
      '      span[role=switch] aria-checked=true',
      '  *[role=region]',
      '    ul',
      '      li',
      '      … ×1 more alike',
      '  ol',
      '    li',
    ]);
    expectNoneOf(diagnostics, [
      'Anna',
      'Berg',
      'sjobod',
      'Nils',
      'Holm',
      'byraab',
      'Maja',
      'Lind',
      '100200300400501',
      '61000000000002',
      '@',
    ]);
  });

  it('holds none of the sample portfolio’s names, addresses or IDs on a real page with an ID in the path', () => {
    const portfolio = samplePortfolio('en', 'table');
    const url = `${B}/settings/people/61000000000002?business_id=${portfolio.businessId}`;
    const { doc } = renderSandbox(portfolio, url);
    const read = readPage(url, doc);
    const diagnostics = buildDiagnostics(
      {
        ...read,
        readStatus: 'partial',
        readProblems: [readProblem('end-date-unreadable', { sample: 'Nils Holm nils@byraab.se' })],
      },
      doc.body,
    );
    expect(diagnostics.path).toBe('/settings/people/{id}');
    expect(diagnostics.outline.length).toBeGreaterThan(3);
    const secrets = [portfolio.businessId, '61000000000002', '@'];
    for (const p of read.principals) {
      secrets.push(...p.name.split(/\s+/).filter((w) => w.length > 3 && /^\p{L}+$/u.test(w)));
      if (p.kind === 'person' && p.email) secrets.push(p.email, p.email.split('@')[1]!.split('.')[0]!);
      if (p.kind === 'partner' && p.businessId) secrets.push(p.businessId);
    }
    expect(secrets.length).toBeGreaterThan(8);
    expectNoneOf(diagnostics, secrets);
  });
});

describe('the diagnostics bundle fits what the background accepts, whatever the page', () => {
  it('on a page nested thousands deep, with a long path and many query keys', () => {
    const path = '/settings/people/' + Array.from({ length: 300 }, (_, i) => `segment${i}`).join('/');
    const query = Array.from({ length: 120 }, (_, i) => `key_${'k'.repeat(i % 20)}${i}=v`).join('&');
    const url = `${B}${path}?${query}`;
    const { doc } = htmlPage('<main></main>', url);
    let parent = doc.querySelector('main')!;
    for (let depth = 0; depth < 3000; depth++) {
      const child = doc.createElement(depth % 2 ? 'div' : 'section');
      child.setAttribute('role', depth % 3 ? 'group' : 'region');
      child.setAttribute('aria-level', String(depth));
      parent.append(child);
      parent = child;
    }
    const problems = Array.from({ length: 100 }, () =>
      readProblem('end-date-unreadable', { sample: 'x'.repeat(300) }),
    );
    const diagnostics = buildDiagnostics(snapshotOf(url, problems), doc.body);
    const parsed = diagnosticsSchema.safeParse(diagnostics);
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    expect(diagnostics.outline).toHaveLength(400);
    expect(diagnostics.queryKeys.length).toBeLessThanOrEqual(50);
    expect(diagnostics.path.endsWith('/…')).toBe(true);
  });

  it('on a page wide enough to reach the line limit, saying where it stopped', () => {
    const url = `${B}/latest/settings/business_users`;
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<div role="row" aria-level="${i}"><div role="gridcell">n</div></div>`,
    ).join('');
    const { doc } = htmlPage(`<main><div role="grid">${rows}</div></main>`, url);
    const diagnostics = buildDiagnostics(snapshotOf(url, []), doc.body);
    expect(diagnosticsSchema.safeParse(diagnostics).success).toBe(true);
    expect(diagnostics.outline).toHaveLength(400);
    expect(diagnostics.outline.at(-1)).toBe('… cut at 400 lines');
  });
});
