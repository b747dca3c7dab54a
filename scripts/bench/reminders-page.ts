// Bundled into a page by scripts/bench.ts: times what runs in the background for reminders and checklists,
// in the browser (IndexedDB through Dexie): computing what is due over many grants, and checking the open
// checklist runs of a business against its stored lists when a snapshot arrives.
import { applyEvidence, type BusinessEvidence, type ListRead } from '../../lib/domain/checklists/evidence';
import { createRun } from '../../lib/domain/checklists/runs';
import { dueItems, dueReminders, nextReminderAt, type ReminderGrant } from '../../lib/domain/reminders';
import type { PageSnapshot, Principal } from '../../lib/domain/snapshot';
import { LedgerStore } from '../../lib/ledger/store';

const B = '1203456789012345';
const settings = { leadDays: [7, 1], reviewEveryDays: 30, hour: 9, timeZone: 'Europe/Stockholm' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
async function timed(work: () => unknown, runs = 5): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    out.push(performance.now() - start);
  }
  return median(out);
}

export interface RemindersBenchRow {
  size: number;
  dueMs: number;
  nextMs: number;
  evidenceMs: number;
}

export async function benchReminders(sizes: number[]): Promise<RemindersBenchRow[]> {
  const rows: RemindersBenchRow[] = [];
  const now = new Date('2026-11-28T12:00:00Z');
  for (const size of sizes) {
    // Grants ending over the year around now (a tenth of them overdue by up to a month).
    const grants: ReminderGrant[] = Array.from({ length: size }, (_, i) => ({
      id: `g${i}`,
      businessId: B,
      subject: `person:p${i}@agency.example`,
      endsAt: new Date(now.getTime() + ((i % 395) - 30) * 86_400_000).toISOString().slice(0, 10),
    }));
    const input = { grants, reviews: [{ businessId: B, since: '2026-10-01T00:00:00Z' }] };
    const dueMs = await timed(() => {
      dueReminders(input, settings, now, new Set());
      dueItems(input, settings, now);
    });
    const nextMs = await timed(() => nextReminderAt(input, settings, now, new Set()));

    // A People list of `size` people stored as the ledger keeps it, and 5 open checklist runs.
    const store = new LedgerStore(`bench-reminders-${size}-${Date.now()}`);
    const principals: Principal[] = grants.map((g, i) => ({
      kind: 'person',
      name: `Person ${i}`,
      email: g.subject.slice(7),
      portfolioAccess: 'basic',
      pending: i % 10 === 0,
      isCurrentUser: false,
      assets: [],
    }));
    const snapshot: PageSnapshot = {
      kind: 'people',
      businessId: B,
      url: `https://business.facebook.com/latest/settings/business_users?business_id=${B}`,
      locale: 'en',
      readStatus: 'ok',
      readProblems: [],
      principals,
    };
    await store.recordSnapshot(snapshot, now);
    const runs = Array.from({ length: 5 }, (_, i) =>
      createRun({
        id: `r${i}`,
        businessId: B,
        templateId: 'onboard-person',
        subject: `person:new${i}@studio.example`,
        case: 'Bench',
        now,
      }),
    );
    await store.saveRuns(runs);
    // What the background does per snapshot of a business with open runs (lib/platform/checklists.ts).
    const evidenceMs = await timed(async () => {
      const open = (await store.runs({ businessId: B })).filter((r) => r.status === 'open');
      const stored = await store.latestSnapshots(B);
      const people = stored.find((r) => r.kind === 'people')!;
      const list: ListRead = {
        seenAt: people.seenAt,
        complete: true,
        principals: people.snapshot.principals,
      };
      const evidence: BusinessEvidence = {
        now,
        lists: { people: list },
        known: principals,
        grants: await store.grants({ businessId: B }),
      };
      for (const run of open) applyEvidence(run, evidence);
    });
    rows.push({ size, dueMs, nextMs, evidenceMs });
    store.close();
  }
  return rows;
}

(globalThis as unknown as { __benchReminders: typeof benchReminders }).__benchReminders = benchReminders;
