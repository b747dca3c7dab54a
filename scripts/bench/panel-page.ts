// Bundled into a page by scripts/bench-panel.ts: times the panel's render of a tab's state in the browser
// (React in production mode, the panel's own stylesheet, the panel's size), issue 12 item 4.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createElement } from 'react';
import { z } from 'zod';
import { ApiProvider, type Api } from '../../components/api';
import { Panel } from '../../components/panel';
import { usePanelStore } from '../../components/panel-store';
import { tabStateSchema, type TabState } from '../../lib/domain/ui-state';
import { panelState } from '../../test/components/panel-state';
import { asTabState } from '../../lib/platform/panel-connection';

// The extension's pages run zod without JIT (their CSP forbids eval): so does this bench.
z.config({ jitless: true });

/** A figure over the runs: its least (the machine least busy) and its median. */
export interface Figure {
  min: number;
  median: number;
}

export interface PanelBenchRow {
  principals: number;
  findings: number;
  /** The port's message checked by the panel (asTabState, by hand): before any render. */
  parseMs: Figure;
  /** From setting the state to its commit (render, commit, layout effects: the panel's mark). */
  firstMs: Figure;
  /** The same, plus the browser's style and layout of what was committed. */
  firstLayoutMs: Figure;
  /** A second state (one principal changed, every object new, as a port message brings it). */
  againMs: Figure;
  againLayoutMs: Figure;
  /** Elements in the panel's document after the first state (rows in view only). */
  elements: number;
  principalRows: number;
}

// What the panel asks for while it renders, answered as an empty ledger would.
const ask = (async (name: string) => ({
  ok: true,
  value: name === 'changeTimeline' ? { entries: [] } : { grants: [], decisions: [] },
})) as unknown as Api['ask'];
const figure = (xs: number[]): Figure => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
};
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Sets a state and returns [until commit, until laid out] in ms; checks the panel marked it. */
function render(state: TabState): [number, number] {
  // The garbage of parsing the message is collected first (Chromium started with --expose-gc): the figure is
  // the render's own cost, not a collection that parsing made due.
  (globalThis as { gc?: () => void }).gc?.();
  performance.clearMarks('scopekeeper:panel-rendered');
  const start = performance.now();
  flushSync(() => usePanelStore.getState().setState(state));
  const committed = performance.now();
  void document.body.offsetHeight; // style and layout, now
  const laidOut = performance.now();
  const mark = performance.getEntriesByName('scopekeeper:panel-rendered')[0] as PerformanceMark | undefined;
  const detail = mark?.detail as { principals: number; findings: number } | undefined;
  if (detail?.principals !== state.snapshot?.principals.length || detail?.findings !== state.findings.length)
    throw new Error(
      `the panel did not mark its render of ${state.snapshot?.principals.length} principals (${JSON.stringify(detail)}; ${document.body.textContent?.slice(0, 200)})`,
    );
  return [committed - start, laidOut - start];
}

// Named apart, so that `--cpu` (scripts/bench-panel.ts) can tell a first state's samples from a next one's.
function renderFirst(state: TabState): [number, number] {
  return render(state);
}
function renderNext(state: TabState): [number, number] {
  return render(state);
}

async function benchPanel(sizes: number[], runs: number): Promise<PanelBenchRow[]> {
  const rows: PanelBenchRow[] = [];
  for (const n of sizes) {
    const first = panelState(n);
    const second = panelState(n, 1);
    const times = { parse: [] as number[], first: [] as number[], firstLayout: [] as number[] };
    const again = { commit: [] as number[], layout: [] as number[] };
    let elements = 0;
    let principalRows = 0;
    for (let run = 0; run < runs; run++) {
      usePanelStore.setState({ state: tabStateSchema.parse({}), refused: false });
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      flushSync(() =>
        root.render(
          createElement(ApiProvider, { api: { ask, locale: 'en' }, children: createElement(Panel) }),
        ),
      );
      await nextFrame();
      // What arrives over the port: plain data, parsed by the panel before it is shown.
      const message = JSON.parse(JSON.stringify(first)) as unknown;
      const parseStart = performance.now();
      const parsed = asTabState(message)!;
      times.parse.push(performance.now() - parseStart);
      const [commit, layout] = renderFirst(parsed);
      times.first.push(commit);
      times.firstLayout.push(layout);
      elements = host.querySelectorAll('*').length;
      principalRows = host.querySelectorAll('[data-principal]').length;
      await nextFrame();
      await nextFrame();
      const [commit2, layout2] = renderNext(asTabState(JSON.parse(JSON.stringify(second)))!);
      again.commit.push(commit2);
      again.layout.push(layout2);
      await nextFrame();
      root.unmount();
      host.remove();
    }
    rows.push({
      principals: n,
      findings: first.findings.length,
      parseMs: figure(times.parse),
      firstMs: figure(times.first),
      firstLayoutMs: figure(times.firstLayout),
      againMs: figure(again.commit),
      againLayoutMs: figure(again.layout),
      elements,
      principalRows,
    });
  }
  return rows;
}

(globalThis as unknown as { __benchPanel: typeof benchPanel }).__benchPanel = benchPanel;
