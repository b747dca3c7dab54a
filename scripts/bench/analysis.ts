// npx tsx scripts/bench/analysis.ts: the background's cost per delta of a People page (issue 12, items 1
// and 3) at 50, 500 and 5,000 people, in Node (no browser): validating what arrives, making the read
// whole (applyDelta), folding it into the business view (mergeSnapshot), and the findings, the whole
// `analyse()` of before against the incremental `AnalysisState`. Median per delta over several runs. Not a
// test: figures vary with the machine (and with what else runs on it).
import { AnalysisState } from '../../lib/domain/analysis-state';
import { mergeSnapshot, type BusinessView } from '../../lib/domain/business-view';
import { snapshotDeltaSchema, snapshotReportSchema, type SnapshotDelta } from '../../lib/domain/messages';
import { analyse } from '../../lib/domain/rules';
import type { LedgerFacts, RuleContext } from '../../lib/domain/rules/types';
import { defaultSettings } from '../../lib/domain/settings';
import { applyDelta } from '../../lib/domain/snapshot-delta';
import { getSubjectKey, type PageSnapshot, type Person, type Principal } from '../../lib/domain/snapshot';
import { makeRandom } from '../../test/sandbox/generate';

const BUSINESS = '1203456789012345';
const STREAM = '0123456789abcdef';
const DELTAS = 40;
const RUNS = 5;

function people(n: number, random: () => number): Person[] {
  const domains = ['sjobod.se', 'sjobod.se', 'sjobod.se', 'byraab.se', 'gmail.com', 'hotmail.fr'];
  const access = ['basic', 'basic', 'partial', 'partial', 'full-control'] as const;
  return Array.from({ length: n }, (_, i) => ({
    kind: 'person',
    name: `Person ${i}`,
    email: `p${i}@${domains[Math.floor(random() * domains.length)]}`,
    pending: random() < 0.1,
    isCurrentUser: i === 0,
    portfolioAccess: i === 0 ? 'full-control' : access[Math.floor(random() * access.length)]!,
    assets: [],
  }));
}

const snapshotOf = (principals: Principal[]): PageSnapshot => ({
  kind: 'people',
  businessId: BUSINESS,
  url: `https://business.facebook.com/latest/settings/business_users?business_id=${BUSINESS}`,
  locale: 'en',
  readStatus: 'ok',
  readProblems: [],
  principals,
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The median and, in parentheses, the least of the samples (the cost with the least interference). */
const both = (xs: number[]): Figure => ({ median: median(xs), min: Math.min(...xs) });
interface Figure {
  median: number;
  min: number;
}

interface Row {
  n: number;
  findings: number;
  parseDelta: Figure;
  parseFull: Figure;
  apply: Figure;
  merge: Figure;
  full: Figure;
  incremental: Figure;
  /** The same change arriving as a full report: every row a new object, compared by value. */
  incrementalFull: Figure;
}

function measure(n: number): Row {
  const sample: Record<Exclude<keyof Row, 'n' | 'findings'>, number[]> = {
    parseDelta: [],
    parseFull: [],
    apply: [],
    merge: [],
    full: [],
    incremental: [],
    incrementalFull: [],
  };
  let findings = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const random = makeRandom(run + 1);
    let list = people(n, random);
    let held = { snapshot: snapshotOf(list), stream: STREAM, seq: 1 };
    let view: BusinessView | undefined = mergeSnapshot(undefined, held.snapshot);
    const ledger: LedgerFacts = {
      grants: new Map(
        list.filter((_, i) => i % 20 === 1).map((p) => [getSubjectKey(p), { endsAt: '2026-12-03' }]),
      ),
      firstSeen: new Map(
        list.filter((p) => p.pending).map((p) => [getSubjectKey(p), '2026-11-10T09:00:00.000Z']),
      ),
      accepted: new Map(),
    };
    let now = new Date('2026-11-28T12:00:00Z').getTime();
    const context = (): RuleContext => ({
      settings: defaultSettings,
      now: new Date(now),
      ownDomains: ['sjobod.se'],
      ledger,
      peopleListComplete: true,
    });
    const state = new AnalysisState();
    state.analyse(snapshotOf(view!.principals), undefined, context(), 'en');
    const fromReports = new AnalysisState();
    fromReports.analyse(snapshotOf(structuredClone(view!.principals)), undefined, context(), 'en');
    for (let d = 0; d < DELTAS; d += 1) {
      // One row changes (an invitation accepted or sent) and the clock moves on, as between two reads.
      const at = 1 + Math.floor(random() * (n - 1));
      list = [...list];
      list[at] = { ...list[at]!, pending: !list[at]!.pending };
      now += 250;
      const { principals: _all, ...header } = snapshotOf(list);
      const delta: SnapshotDelta = {
        stream: STREAM,
        seq: held.seq + 1,
        header,
        count: list.length,
        upsert: [{ at, principal: list[at]! }],
        remove: [],
      };
      let t = performance.now();
      snapshotDeltaSchema.parse(delta);
      sample.parseDelta.push(performance.now() - t);
      t = performance.now();
      snapshotReportSchema.parse({ snapshot: snapshotOf(list) });
      sample.parseFull.push(performance.now() - t);
      t = performance.now();
      const applied = applyDelta(held, delta);
      sample.apply.push(performance.now() - t);
      if (!applied.ok) throw new Error(applied.reason);
      held = { snapshot: applied.snapshot, stream: STREAM, seq: delta.seq };
      t = performance.now();
      view = mergeSnapshot(view, applied.snapshot);
      sample.merge.push(performance.now() - t);
      const business = snapshotOf(view!.principals);
      const ctx = context();
      t = performance.now();
      const whole = analyse(business, undefined, ctx, 'en');
      sample.full.push(performance.now() - t);
      t = performance.now();
      const incremental = state.analyse(business, undefined, ctx, 'en');
      sample.incremental.push(performance.now() - t);
      if (incremental.findings.length !== whole.findings.length) throw new Error('the two analyses differ');
      const copies = snapshotOf(structuredClone(view!.principals));
      t = performance.now();
      fromReports.analyse(copies, undefined, ctx, 'en');
      sample.incrementalFull.push(performance.now() - t);
      findings = whole.findings.length;
    }
  }
  return {
    n,
    findings,
    parseDelta: both(sample.parseDelta),
    parseFull: both(sample.parseFull),
    apply: both(sample.apply),
    merge: both(sample.merge),
    full: both(sample.full),
    incremental: both(sample.incremental),
    incrementalFull: both(sample.incrementalFull),
  };
}

const num = (x: number) => x.toFixed(x < 1 ? 3 : 2);
const ms = (f: Figure) => `${num(f.median)} (${num(f.min)})`;
const rows = [50, 500, 5000].map(measure);
const header = [
  'people',
  'findings',
  'validate delta',
  'validate full report',
  'applyDelta',
  'mergeSnapshot',
  'analyse() whole',
  'incremental',
  'speed-up',
  'incremental, full report',
];
const cells = rows.map((r) => [
  r.n.toLocaleString('en'),
  String(r.findings),
  ms(r.parseDelta),
  ms(r.parseFull),
  ms(r.apply),
  ms(r.merge),
  ms(r.full),
  ms(r.incremental),
  `${(r.full.median / r.incremental.median).toFixed(0)}×`,
  ms(r.incrementalFull),
]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
const line = (c: string[]) => `| ${c.map((x, i) => x.padStart(widths[i]!)).join(' | ')} |`;
console.log(
  `\nBackground cost per delta (one row changed), ms per delta: median (least) of ${RUNS} runs of ${DELTAS} deltas\n`,
);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
for (const c of cells) console.log(line(c));
