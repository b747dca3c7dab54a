import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '@/lib/domain/settings';
import { me, partner, person } from '../domain/rules/helpers';
import { B, listSnapshot, panelOn, testHub, type TestHub } from './test-hub';

describe('the background keeps each business’s baseline as pages are read (issue 13)', () => {
  let t: TestHub;
  let now = new Date('2026-11-01T10:00:00Z');
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    now = new Date('2026-11-01T10:00:00Z');
    t = testHub({ now: () => now });
  });
  afterEach(() => t.close());

  it('records what changed between two visits, once the page is recorded', async () => {
    const agency = partner('Byrå AB', '3228568050780001');
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me]) });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('partners', [agency]) });
    await t.hub.recording.flush();
    expect(await t.store.changesOf(B)).toEqual([]);

    now = new Date('2026-11-20T10:00:00Z');
    const intruder = person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, intruder]) });
    await t.hub.recording.flush();
    expect(await t.store.changesOf(B)).toEqual([
      expect.objectContaining({
        kind: 'principal-added',
        subject: 'person:mallory@evil.example',
        name: 'Mallory',
        at: '2026-11-20T10:00:00.000Z',
        since: '2026-11-01T10:00:00.000Z',
        page: 'people',
      }),
    ]);
  });

  it('takes nothing back from a tab left open on an older page', async () => {
    const old = person('Old Contractor', 'old@gmail.com');
    const lisa = person('Lisa Kant', 'lisa@sjobod.se');
    const tabA = t.contentSender(1);
    const tabB = t.contentSender(2);
    const pageLoad = { stream: 'a1a1a1a1a1a1a1a1', seq: 1 };
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa, old]), ...pageLoad }, tabA);
    await t.hub.recording.flush();
    now = new Date('2026-11-02T10:00:00Z');
    // Another tab, later, shows the contractor gone.
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa]) }, tabB);
    await t.hub.recording.flush();
    expect((await t.store.changesOf(B)).map((c) => c.kind)).toEqual(['principal-removed']);
    // The first tab's page changes elsewhere and is read again: it still shows the contractor.
    now = new Date('2026-11-03T10:00:00Z');
    const raised = { ...lisa, portfolioAccess: 'full-control' as const };
    await t.ask(
      'reportSnapshot',
      { snapshot: listSnapshot('people', [me, raised, old]), stream: 'a1a1a1a1a1a1a1a1', seq: 2 },
      tabA,
    );
    await t.hub.recording.flush();
    expect((await t.store.changesOf(B)).map((c) => `${c.kind} ${c.subject}`)).toEqual([
      'principal-removed person:old@gmail.com',
      'portfolio-access-raised person:lisa@sjobod.se',
    ]);
    expect(Object.keys((await t.store.baseline(B))!.principals)).not.toContain('person:old@gmail.com');
    // Reloaded, the tab's page is read afresh: what it shows now is the truth.
    now = new Date('2026-11-04T10:00:00Z');
    await t.ask(
      'reportSnapshot',
      { snapshot: listSnapshot('people', [me, raised, old]), stream: 'b2b2b2b2b2b2b2b2', seq: 1 },
      tabA,
    );
    await t.hub.recording.flush();
    expect((await t.store.changesOf(B)).at(-1)).toMatchObject({
      kind: 'principal-added',
      subject: 'person:old@gmail.com',
    });
  });

  it('sees a person removed when People showed “Loading…” long enough to be recorded first', async () => {
    // The demo's access review (fr, labelled-rows): a revoked person removed in Business Settings, People
    // opened again. Its list shows "Loading…" for longer than the background's quiet time, so that read is
    // recorded alone; the list read in full that follows must still show the person gone.
    const old = person('Old Contractor', 'old@gmail.com');
    const lisa = person('Lisa Kant', 'lisa@sjobod.se');
    const tab = t.contentSender(1);
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa, old]) }, tab);
    await t.hub.recording.flush();
    now = new Date('2026-11-02T10:00:00Z');
    const load = { stream: 'c3c3c3c3c3c3c3c3', seq: 1 };
    const loading = {
      ...listSnapshot('people', []),
      readStatus: 'partial' as const,
      readProblems: [{ code: 'list-loading' as const, facts: { section: 'people' } }],
    };
    await t.ask('reportSnapshot', { snapshot: loading, ...load }, tab);
    await t.hub.recording.flush();
    now = new Date('2026-11-02T10:00:01Z');
    await t.ask(
      'reportSnapshot',
      { snapshot: listSnapshot('people', [me, lisa]), stream: load.stream, seq: 2 },
      tab,
    );
    await t.hub.recording.flush();
    expect((await t.store.changesOf(B)).map((c) => `${c.kind} ${c.subject}`)).toEqual([
      'principal-removed person:old@gmail.com',
    ]);
    expect(Object.keys((await t.store.baseline(B))!.principals)).not.toContain('person:old@gmail.com');
  });

  it('still takes nothing back from a tab left open when its list was partly read in between', async () => {
    const lisa = person('Lisa Kant', 'lisa@sjobod.se');
    const nils = person('Nils Holm', 'nils@byraab.se');
    const tabA = t.contentSender(1);
    const tabB = t.contentSender(2);
    const stream = 'd4d4d4d4d4d4d4d4';
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa]), stream, seq: 1 }, tabA);
    await t.hub.recording.flush();
    // Another tab, later, shows Nils added.
    now = new Date('2026-11-02T10:00:00Z');
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa, nils]) }, tabB);
    await t.hub.recording.flush();
    // The first tab's list re-renders: partly read, then read in full, still without Nils (its page is old).
    now = new Date('2026-11-03T10:00:00Z');
    const partly = {
      ...listSnapshot('people', [me]),
      readStatus: 'partial' as const,
      readProblems: [{ code: 'list-partly-loaded' as const, facts: { count: 1, total: 2 } }],
    };
    await t.ask('reportSnapshot', { snapshot: partly, stream, seq: 2 }, tabA);
    await t.hub.recording.flush();
    now = new Date('2026-11-03T10:00:01Z');
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa]), stream, seq: 3 }, tabA);
    await t.hub.recording.flush();
    expect((await t.store.changesOf(B)).map((c) => `${c.kind} ${c.subject}`)).toEqual([
      'principal-added person:nils@byraab.se',
    ]);
    expect(Object.keys((await t.store.baseline(B))!.principals)).toContain('person:nils@byraab.se');
  });

  it('forgets facts as long after they were last shown as the retention setting says', async () => {
    t.hub.setSettings({ ...defaultSettings, changeRetentionDays: 30 });
    const lisa = person('Lisa Kant', 'lisa@sjobod.se');
    await t.ask('reportSnapshot', {
      snapshot: listSnapshot('partners', [partner('Byrå AB', '3228568050780001')]),
    });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa]) });
    await t.hub.recording.flush();
    now = new Date('2026-12-15T10:00:00Z');
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, lisa]) });
    await t.hub.recording.flush();
    // The partner was last shown 44 days ago: forgotten. The people were shown today.
    expect(Object.keys((await t.store.baseline(B))!.principals).sort()).toEqual([
      'person:anna@sjobod.se',
      'person:lisa@sjobod.se',
    ]);
  });

  it('shows an unrecorded change on the panel once recorded, and clears it when a record approves it', async () => {
    const panel = panelOn(t, 1);
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me]) });
    await t.hub.recording.flush();
    now = new Date('2026-11-20T10:00:00Z');
    const intruder = person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' });
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, intruder]) });
    await t.hub.recording.flush();
    await t.hub.publisher.settled();
    const alert = (state = panel.at(-1)!) =>
      state.findings.filter((f) => f.subject === 'person:mallory@evil.example').map((f) => f.ruleId);
    expect(alert()).toContain('unrecorded-full-control');
    // Notified at once, named, with the business and when it was first seen; counted on the badge.
    await t.hub.reminders.check();
    const notes = fakeBrowser.notifications.getAllCreateOptions() as Record<
      string,
      { title: string; message: string }
    >;
    expect(notes[`scopekeeper-reminder:alert:${B}:person:mallory@evil.example`]).toEqual(
      expect.objectContaining({
        title: `Unrecorded full control: business ${B}`,
        message: expect.stringMatching(
          /^Mallory \(mallory@evil\.example\) gained full control of the business portfolio, first seen 2026-11-20\./,
        ),
      }),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(t.hub.reminders.currentDue(B)).toEqual([
      expect.objectContaining({
        kind: 'alert',
        subject: 'person:mallory@evil.example',
        dueAt: '2026-11-20T10:00:00.000Z',
      }),
    ]);
    expect(panel.at(-1)!.findings.find((f) => f.ruleId === 'unrecorded-full-control')).toMatchObject({
      severity: 'high',
      message: expect.stringContaining('(first seen 2026-11-20)'),
    });
    // "Document access" for her, with the case and approver: the change is approved, the alert goes.
    const reply = await t.ask('ledgerCommand', {
      type: 'document',
      businessId: B,
      subject: 'person:mallory@evil.example',
      assets: [],
      case: 'Interim CFO, approved by the board',
      startsAt: '2026-11-20',
      endsAt: '2027-01-31',
    });
    expect(reply).toMatchObject({ ok: true });
    await t.hub.publisher.settled();
    expect(alert()).not.toContain('unrecorded-full-control');
    await t.hub.reminders.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
