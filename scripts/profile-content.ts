// npx tsx scripts/profile-content.ts [people=5000] [rowDelayMs=300]: where the content script's time goes on a
// People page of that size (issue 12). Build unminified first: `SK_NOMINIFY=1 npx wxt build` (to
// .output-nomin). Samples the page's main thread with the DevTools profiler from the page load until 8 s after
// the last row and prints, for stacks that run the content script, self and inclusive time by function.
// Not a benchmark (`npm run bench` is): on a shared machine the figures include waiting for a core. Its
// profile is new, so the page load is the first after an install: the reader's data comes from a synchronous
// getMessage, not the worker's copy (npm run bench starts on a profile that has it).
import { launchWithExtension, BUSINESS_URL } from '../test/e2e/harness';
import { generatePortfolio } from '../test/sandbox/generate';
const people = Number(process.argv[2] ?? 5000);
const portfolio = generatePortfolio({
  people,
  batchSize: people,
  rowDelayMs: Number(process.argv[3] ?? 300),
  seed: 21,
});
const s = await launchWithExtension(portfolio, { extensionDir: '.output-nomin/chrome-mv3' });
const { page } = s;
const cdp = await s.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=${portfolio.businessId}`);
await page.waitForFunction(() => performance.getEntriesByName('sandbox:rows-rendered').length > 0, null, {
  timeout: 60_000,
});
await page.waitForTimeout(8000);
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const { profile } = (await cdp.send('Profiler.stop')) as {
  profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
};
const byId = new Map<number, Node>(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt: number[] = profile.timeDeltas;
// inclusive time of content.js functions (outermost content.js frame in the stack) + self time by fn within content script stacks
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
profile.samples.forEach((id: number, i: number) => {
  const d = (dt[i + 1] ?? 0) / 1000;
  const stack: Node[] = [];
  for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) stack.push(byId.get(p)!);
  if (!stack.some((n) => n.callFrame.url.includes('content-scripts'))) return;
  total += d;
  const leaf = stack[0]!;
  const k = `${leaf.callFrame.functionName || '(anon)'} ${leaf.callFrame.url.split('/').pop()}:${leaf.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + d);
  const seen = new Set<string>();
  for (const n of stack) {
    if (!n.callFrame.url.includes('content-scripts')) continue;
    const kk = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
    if (seen.has(kk)) continue;
    seen.add(kk);
    incl.set(kk, (incl.get(kk) ?? 0) + d);
  }
});
console.log('content-script stacks total ms', total.toFixed(1));
console.log('SELF');
console.log(
  [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `${v.toFixed(1)} ${k}`)
    .join('\n'),
);
console.log('INCLUSIVE');
console.log(
  [...incl]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, v]) => `${v.toFixed(1)} ${k}`)
    .join('\n'),
);
await s.close();
