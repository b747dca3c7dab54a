import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ChecklistRun } from '@/lib/domain/checklists/runs';
import { PANEL_RUNS, RunsCache } from '@/lib/platform/hub/runs-cache';
import { B, listSnapshot, panelOn, testHub, type TestHub } from '../test-hub';
import { partner } from '../../domain/rules/helpers';

const run = (id: string, status: ChecklistRun['status']) => ({ id, status }) as ChecklistRun;

describe('the runs a panel shows, kept between publishes (issue 12)', () => {
  it('reads a business’s runs once, open ones first, at most PANEL_RUNS, until the ledger changes', async () => {
    const stored = new Map<string, ChecklistRun[]>([
      [
        '1',
        [
          run('a', 'finished'),
          run('b', 'open'),
          ...Array.from({ length: 60 }, (_, i) => run(`f${i}`, 'finished')),
        ],
      ],
      ['2', [run('c', 'open')]],
    ]);
    const read = vi.fn(async (businessId: string) => stored.get(businessId) ?? []);
    const runs = new RunsCache(read);
    const first = await runs.of('1');
    expect(first.map((r) => r.id).slice(0, 3)).toEqual(['b', 'a', 'f0']);
    expect(first).toHaveLength(PANEL_RUNS);
    // Kept: the same list, not read again.
    expect(await runs.of('1')).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);
    await runs.of('2');
    runs.drop('1');
    stored.set('1', [run('d', 'open')]);
    expect((await runs.of('1')).map((r) => r.id)).toEqual(['d']);
    await runs.of('2');
    expect(read).toHaveBeenCalledTimes(3);
    runs.drop();
    await runs.of('2');
    expect(read).toHaveBeenCalledTimes(4);
  });

  it('does not keep a read that failed', async () => {
    const read = vi
      .fn()
      .mockRejectedValueOnce(new Error('closed'))
      .mockResolvedValue([run('a', 'open')]);
    const runs = new RunsCache(read);
    await expect(runs.of('1')).rejects.toThrow('closed');
    expect((await runs.of('1')).map((r) => r.id)).toEqual(['a']);
  });
});

describe('the runs in a panel’s state, against the background', () => {
  let t: TestHub;
  beforeEach(() => {
    fakeBrowser.reset();
    t = testHub({ now: '2026-11-28T12:00:00.000Z' });
  });
  afterEach(() => t.close());

  it('are read once while the page reports, and again once a checklist starts', async () => {
    const panel = panelOn(t, 7);
    const read = vi.spyOn(t.store, 'runs');
    const agency = partner('Byrå AB', '3228568050780001');
    const partners = listSnapshot('partners', [agency]);
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(7, partners.url));
    await t.hub.publisher.settled();
    t.hub.publisher.invalidate(7);
    await t.hub.publisher.settled();
    const byPublish = read.mock.calls.filter(([filter]) => filter?.businessId === B && !filter.subject);
    expect(byPublish).toHaveLength(1);
    expect(panel.at(-1)!.runs).toEqual([]);

    const started = await t.ask(
      'checklistCommand',
      { type: 'start', businessId: B, templateId: 'offboard-partner', who: 'partner:3228568050780001' },
      t.pageSender(7),
    );
    expect(started.ok).toBe(true);
    await t.hub.publisher.settled();
    expect(panel.at(-1)!.runs.map((r) => r.templateId)).toEqual(['offboard-partner']);
  });
});
