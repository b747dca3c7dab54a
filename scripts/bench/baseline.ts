// npx tsx scripts/bench/baseline.ts: the baseline of a business (issue 13) at 50, 500 and 5,000 people,
// in Node: its size as stored (JSON, and gzipped as an export would carry it) and the time of one change
// detection (`observe` of a People read with one person's access raised, against the baseline of the read
// before; a third of the people read on their pane with one asset each). Median of several runs. Not a
// test: figures vary with the machine.
import { gzipSync } from 'node:zlib';
import { observe } from '../../lib/domain/baseline';
import type { PageSnapshot, Person } from '../../lib/domain/snapshot';

const BUSINESS = '1203456789012345';
const RUNS = 15;

function people(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'person',
    name: `Person ${i}`,
    email: `p${i}@${i % 4 === 0 ? 'byraab.se' : 'sjobod.se'}`,
    pending: i % 10 === 0,
    isCurrentUser: i === 0,
    portfolioAccess: i === 0 || i % 25 === 0 ? 'full-control' : 'basic',
    ...(i % 9 === 0 ? { temporaryUntil: '2027-01-31' } : {}),
    assets:
      i % 3 === 0
        ? [
            {
              type: 'page',
              id: String(100000 + (i % 40)),
              name: `Page ${i % 40}`,
              access: 'partial',
              tasks: ['content', 'messages'],
            },
          ]
        : [],
  }));
}

const read = (principals: Person[]): PageSnapshot => ({
  kind: 'people',
  businessId: BUSINESS,
  url: `https://business.facebook.com/latest/settings/business_users?business_id=${BUSINESS}`,
  locale: 'en',
  readStatus: 'ok',
  readProblems: [],
  principals,
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log('| people | baseline stored (JSON) | gzip | one change detection (median) |');
console.log('|---:|---:|---:|---:|');
for (const n of [50, 500, 5000]) {
  const before = people(n);
  const after = before.map((p, i) => (i === 7 ? { ...p, portfolioAccess: 'full-control' as const } : p));
  const { baseline } = observe(undefined, read(before), '2026-11-01T10:00:00.000Z', ['sjobod.se']);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const { changes } = observe(baseline, read(after), '2026-11-20T10:00:00.000Z', ['sjobod.se']);
    times.push(performance.now() - start);
    if (changes.length !== 1) throw new Error(`expected one change, got ${changes.length}`);
  }
  const json = JSON.stringify(baseline);
  console.log(
    `| ${n.toLocaleString('en')} | ${(json.length / 1024).toFixed(0)} KB | ${(gzipSync(json).length / 1024).toFixed(0)} KB | ${median(times).toFixed(1)} ms |`,
  );
}
