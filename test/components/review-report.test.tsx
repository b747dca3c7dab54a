// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { ReviewReportPage } from '@/components/review-report';
import { observe, type Baseline } from '@/lib/domain/baseline';
import type { UiLocale } from '@/lib/domain/locales';
import { decide, foldRead, signOff, startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { campaignReport, reportHash, rosterCsv } from '@/lib/domain/review/report';
import type { AssetGrant, PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { me, partner, person, snapshot } from '../lib/domain/rules/helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const OWN = ['sjobod.se'];
const BID = '1203456789012345';
const T0 = '2026-11-01T10:00:00.000Z';
const START = new Date('2026-11-02T10:00:00.000Z');
const LATER = new Date('2026-11-03T10:00:00.000Z');

const ads: AssetGrant = {
  type: 'ad-account',
  id: '1111',
  name: 'Sjöbod Ads',
  access: 'partial',
  tasks: ['ads'],
};
// A name is page text written by someone else: the report shows it as text, never as markup.
const hostile = person('<img src=x onerror=alert(1)>', 'mallory@evil.example', {
  portfolioAccess: 'full-control',
});
const lisa = person('Lisa Kant', 'lisa@sjobod.se');
const agency = partner('Byrå AB', '3228568050780001', [ads]);

const list = (kind: PageSnapshot['kind'], principals: Principal[]): PageSnapshot => ({
  ...snapshot(principals, kind),
  url: `https://business.facebook.com/latest/settings/${kind}?business_id=${BID}`,
});
const fold = (reads: [PageSnapshot, string][], from?: Baseline): Baseline => {
  let baseline = from;
  for (const [read, at] of reads) baseline = observe(baseline, read, at, OWN).baseline;
  return baseline!;
};

function must<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

/** A first month: People and Partners read, System users not; keep Lisa, revoke the intruder (verified), reduce the agency. */
function firstCampaign(): ReviewCampaign {
  const baseline = fold([
    [list('people', [me, lisa, hostile]), T0],
    [list('partners', [agency]), T0],
  ]);
  let c = startCampaign({
    id: 'c1',
    businessId: BID,
    now: START,
    startedBy: 'Anna Berg',
    baseline,
    source: 'baseline',
    facts: (s) =>
      s === 'partner:3228568050780001'
        ? { grant: { id: 'g1', case: 'Ads agency', endsAt: '2027-01-31' }, accepted: ['no-expiry'] }
        : { accepted: [] },
  });
  c = must(
    decide(
      c,
      c.items.map((i) =>
        i.name === hostile.name
          ? { itemId: i.id, kind: 'revoke' as const, rationale: 'Unknown person\n=cmd|"/c calc"' }
          : i.name === 'Byrå AB' && i.access.kind === 'asset'
            ? {
                itemId: i.id,
                kind: 'reduce' as const,
                rationale: 'Reporting only',
                reduce: { tasks: ['ads' as const] },
              }
            : { itemId: i.id, kind: 'keep' as const, rationale: '' },
      ),
      'Anna Berg',
      START,
    ),
  ).campaign;
  // People is read again: the intruder is gone, verified on the page.
  const after = fold([[list('people', [me, lisa]), LATER.toISOString()]], baseline);
  c = foldRead(c, after, { at: LATER.toISOString(), page: 'people', url: list('people', []).url });
  return must(signOff(c, { reviewer: 'Anna Berg', role: 'Business admin' }, LATER)).campaign;
}

let root: Root | undefined;
let host: HTMLElement;

async function mount(locale: UiLocale, campaignId: string | undefined, answer: Api['ask']): Promise<void> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <ApiProvider api={{ ask: answer, locale }}>
        <ReviewReportPage campaignId={campaignId} />
      </ApiProvider>,
    ),
  );
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function reportOf(campaign: ReviewCampaign) {
  const report = campaignReport(campaign, { chainHead: 'ab'.repeat(32), keyFingerprint: 'fp-1' }, LATER);
  return { report, hash: await reportHash(report), csv: rosterCsv(campaign) };
}

function answering(campaign: ReviewCampaign, made: Awaited<ReturnType<typeof reportOf>>) {
  const asked: unknown[] = [];
  const ask = (async (name: string, data: unknown) => {
    asked.push([name, data]);
    if (name !== 'reviewGet') throw new Error(`unexpected ${name}`);
    return { ok: true, value: { campaign, ...made } };
  }) as Api['ask'];
  return { ask, asked };
}

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
});

describe('the access review report page (issue 14, item 5)', () => {
  it('renders a signed-off campaign as a document: who had what, each decision and why, the removal verified, the hash', async () => {
    const campaign = firstCampaign();
    const made = await reportOf(campaign);
    const { ask, asked } = answering(campaign, made);
    await mount('en', 'c1', ask);

    // The report is produced when the page opens (it ticks "export the report" in the periodic review).
    expect(asked).toEqual([['reviewGet', { campaignId: 'c1', report: true }]]);
    expect(host.querySelector('h1')?.textContent).toBe('Access review report');
    expect(host.querySelector('[data-report-business]')?.textContent).toContain(`Business ID ${BID}`);
    expect(host.querySelector('[data-signed-off="true"]')?.textContent).toMatch(
      /^Anna Berg, Business admin, signed off /,
    );
    expect(host.querySelector('[data-report-summary]')?.textContent).toMatch(/1 revoked\.$/);

    const rows = [...host.querySelectorAll('tr[data-item]')];
    expect(rows).toHaveLength(campaign.items.length);
    const row = (name: string, asset = false) =>
      rows.find(
        (r) =>
          r.querySelector('strong')?.textContent === name &&
          r.textContent!.includes('Business portfolio') !== asset,
      )!;
    // The hostile name is text: no element was made from it.
    expect(host.querySelector('img')).toBeNull();
    const intruder = row(hostile.name);
    expect(intruder.getAttribute('data-decision')).toBe('revoke');
    expect(intruder.textContent).toContain('Business portfolio: Full control');
    expect(intruder.querySelector('.rationale')?.textContent).toBe('Unknown person\n=cmd|"/c calc"');
    expect(intruder.querySelector('[data-follow-up="verified"]')?.textContent).toMatch(
      /^Removed, verified .* on People$/,
    );
    // A partner's portfolio level is not on the page: said so in words, never a bare "?".
    expect(row('Byrå AB').textContent).toContain('Business portfolio: level not shown on the page');
    expect(host.querySelector('table')!.textContent).not.toMatch(/: \?/);
    const byra = row('Byrå AB', true);
    expect(byra.textContent).toContain('Reduce');
    expect(byra.textContent).toContain('Ad account Sjöbod Ads (1111)');
    expect(byra.textContent).toContain('Grant: Ads agency (ends');
    // The agency's reduce is not verified yet: an open follow-up.
    expect(host.querySelector('[data-report-open]')?.textContent).toContain('Byrå AB');

    // System users were never read: the scope is incomplete, and the report says so.
    expect(host.querySelector('[data-report-complete="false"]')?.textContent).toContain('Incomplete');
    expect(host.querySelector('[data-report-complete]')?.textContent).toContain(
      'System users: not read during the review',
    );
    // The hash shown is the one over the report's canonical JSON.
    expect(host.querySelector('[data-report-hash]')?.textContent).toBe(made.hash);
    expect(host.textContent).toContain('ab'.repeat(32));
  });

  it('starts the second month with what changed since the first', async () => {
    const first = firstCampaign();
    const baseline = fold([
      [list('people', [me, person('Nora Dahl', 'nora@sjobod.se')]), T0],
      [list('partners', [partner('Byrå AB', '3228568050780001', [{ ...ads, tasks: ['insights'] }])]), T0],
    ]);
    const second = startCampaign({
      id: 'c2',
      businessId: BID,
      now: LATER,
      startedBy: 'Anna Berg',
      baseline,
      source: 'baseline',
      previous: first,
    });
    const { ask } = answering(second, await reportOf(second));
    await mount('en', 'c2', ask);
    const delta = host.querySelector('[data-report-delta]')!.textContent!;
    expect(delta).toContain('new: Nora Dahl <nora@sjobod.se>');
    expect(delta).toContain('changed: Byrå AB');
    expect(host.querySelector('[data-report-removed]')?.textContent).toContain('Lisa Kant');
    expect(host.querySelector('[data-signed-off="false"]')?.textContent).toBe(
      'Not signed off: this report is a draft.',
    );
  });

  it('is in Swedish and French, and says what is wrong when there is no report', async () => {
    const campaign = firstCampaign();
    const made = await reportOf(campaign);
    await mount('sv', 'c1', answering(campaign, made).ask);
    expect(host.querySelector('h1')?.textContent).toBe('Rapport från behörighetsgranskning');
    expect(host.textContent).toContain('Företagsportfölj');
    expect(host.textContent).toContain('Företagsportfölj: nivån visas inte på sidan');
    act(() => root?.unmount());
    host.remove();
    await mount('fr', 'c1', answering(campaign, made).ask);
    expect(host.querySelector('h1')?.textContent).toBe('Rapport de revue des accès');
    expect(host.textContent).toContain('Révoquer');
    expect(host.textContent).toContain('Portefeuille business\u00a0: niveau non affiché sur la page');
    act(() => root?.unmount());
    host.remove();

    await mount('en', undefined, answering(campaign, made).ask);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('No review is named');
    act(() => root?.unmount());
    host.remove();
    const refusing = (async () => ({
      ok: false,
      error: { code: 'review-missing' },
    })) as unknown as Api['ask'];
    await mount('en', 'gone', refusing);
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('This access review no longer exists.');
  });
});
