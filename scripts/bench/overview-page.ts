// Bundled into a page by scripts/bench.ts (`--only overview`, issue 15): seeds a ledger in IndexedDB with
// 200 businesses and 50,000 principals in all (each business read on People and Partners, its partners'
// assets on their panes), then times the overview's aggregation as the background runs it
// (lib/platform/handlers/overview.ts) and the overview page's render of its answer.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider, type Api } from '../../components/api';
import { OverviewPage } from '../../components/overview-page';
import { filterOverview, sortOverview } from '../../lib/domain/overview';
import { defaultSettings } from '../../lib/domain/settings';
import type { PageSnapshot, Principal } from '../../lib/domain/snapshot';
import { LedgerStore } from '../../lib/ledger/store';
import { keptOverviewRows } from '../../lib/platform/handlers/overview';

export interface OverviewBenchRow {
  businesses: number;
  principals: number;
  seedMs: number;
  firstMs: number;
  /** Opened again with nothing written since (the kept rows), and again after one more read was stored. */
  againMs: number;
  afterWriteMs: number;
  replyKb: number;
  renderMs: number;
  sortFilterMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));

function reads(businessId: string, n: number): PageSnapshot[] {
  const people: Principal[] = [];
  const partners: Principal[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 9)
      partners.push({
        kind: 'partner',
        name: `Agency ${i}`,
        businessId: `9${businessId.slice(1, 8)}${String(i).padStart(5, '0')}`,
        pending: false,
        isCurrentUser: false,
        assets: [
          {
            type: 'page',
            id: `7${i % 40}000`,
            name: `Page ${i % 40}`,
            access: 'partial',
            tasks: ['content'],
          },
        ],
      });
    else
      people.push({
        kind: 'person',
        name: `Person ${i}`,
        email: i % 3 === 0 ? `p${i}@gmail.com` : `p${i}@client${businessId.slice(-3)}.example`,
        pending: i % 17 === 0,
        isCurrentUser: i === 0,
        portfolioAccess: i % 25 === 0 ? 'full-control' : 'basic',
        assets: [],
      });
  }
  const base = { businessId, locale: 'en' as const, readStatus: 'ok' as const, readProblems: [] };
  return [
    {
      ...base,
      kind: 'people',
      url: `https://business.facebook.com/latest/settings/business_users?business_id=${businessId}`,
      principals: people,
    },
    {
      ...base,
      kind: 'partners',
      url: `https://business.facebook.com/latest/settings/partners?business_id=${businessId}`,
      principals: partners,
    },
  ];
}

async function benchOverview(
  businesses: number,
  principals: number,
  runs: number,
): Promise<OverviewBenchRow> {
  const store = new LedgerStore(`bench-overview-${Date.now()}`);
  const perBusiness = Math.floor(principals / businesses);
  const ids = Array.from({ length: businesses }, (_, i) => `12034567${String(i).padStart(8, '0')}`);
  let t0 = performance.now();
  for (const id of ids)
    for (const snapshot of reads(id, perBusiness)) {
      await store.recordSnapshot(snapshot, at(1));
      await store.observeBaseline(snapshot, at(1), []);
    }
  const seedMs = performance.now() - t0;
  const hub = {
    store,
    clock: () => at(28),
    locale: () => 'en' as const,
    currentSettings: async () => defaultSettings,
    reminders: { currentDue: () => [] },
    recording: { flush: async () => undefined },
  } as unknown as Parameters<typeof keptOverviewRows>[0];
  const aggregate = keptOverviewRows(hub);
  t0 = performance.now();
  const rows = await aggregate();
  const firstMs = performance.now() - t0;
  const again: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await aggregate();
    again.push(performance.now() - t0);
  }
  // One more read of one business stored: that business is read again, the others' rows are kept.
  const afterWrite: number[] = [];
  for (let i = 0; i < runs; i++) {
    await store.recordSnapshot(reads(ids[i]!, perBusiness)[0]!, at(2 + i));
    t0 = performance.now();
    await aggregate();
    afterWrite.push(performance.now() - t0);
  }
  const reply = JSON.stringify({ ok: true, value: { businesses: rows, at: at(28).toISOString() } });

  // The page: from render to the first rows drawn (the answer comes at once: the background's time is above).
  const renders: number[] = [];
  for (let i = 0; i < runs; i++) {
    const host = document.createElement('div');
    host.style.height = '900px';
    document.body.append(host);
    const ask = (async () => JSON.parse(reply)) as Api['ask'];
    t0 = performance.now();
    const root = createRoot(host);
    root.render(
      createElement(ApiProvider, { api: { ask, locale: 'en' }, children: createElement(OverviewPage, {}) }),
    );
    while (host.querySelectorAll('li[data-business]').length === 0)
      await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    renders.push(performance.now() - t0);
    root.unmount();
    host.remove();
  }
  const sorts: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    filterOverview(sortOverview(rows, 'risk'), 'findings', '0001');
    sorts.push(performance.now() - t0);
  }
  store.close();
  return {
    businesses,
    principals: perBusiness * businesses,
    seedMs,
    firstMs,
    againMs: median(again),
    afterWriteMs: median(afterWrite),
    replyKb: reply.length / 1024,
    renderMs: median(renders),
    sortFilterMs: median(sorts),
  };
}

(globalThis as unknown as { __benchOverview: typeof benchOverview }).__benchOverview = benchOverview;
