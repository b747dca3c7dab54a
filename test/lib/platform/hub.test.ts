import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabStateDelta } from '@/lib/domain/panel-delta';
import { me, page, partner } from '../domain/rules/helpers';
import { B, listSnapshot, panelOn, testHub, type TestHub } from './test-hub';

const agency = partner('Byrå AB', '3228568050780001', [page()]);
/** The admin documents the agency's access (a grant record: its finding goes). */
const documentAgency = {
  type: 'document',
  businessId: B,
  subject: 'partner:3228568050780001',
  assets: [],
  case: 'Spring campaign',
  startsAt: '2026-11-28',
  endsAt: '2026-12-31',
};

const findingsSentTo = (t: TestHub, tabId: number) =>
  t.sent.filter((s) => s.tabId === tabId && s.name === 'showFindings');

describe('the background hub, without a browser', () => {
  let t: TestHub;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    t = testHub({ now: '2026-11-28T12:00:00.000Z' });
  });
  afterEach(() => t.close());

  it('turns a snapshot from a content script into findings, published once to the panel and the page', async () => {
    const panel = panelOn(t, 7);
    const partners = listSnapshot('partners', [agency]);
    const reply = await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(7, partners.url));
    expect(reply).toEqual({ ok: true, value: {} });
    await t.hub.publisher.settled();

    expect(panel).toHaveLength(1);
    expect(panel[0]!.snapshot?.kind).toBe('partners');
    const rules = panel[0]!.findings
      .filter((f) => f.subject === 'partner:3228568050780001')
      .map((f) => f.ruleId);
    expect(rules).toContain('third-party-full-control');
    expect(rules).toContain('undocumented-third-party');
    const badges = findingsSentTo(t, 7);
    expect(badges).toHaveLength(1);
    // The page gets what its badges draw: the panel's findings without the subject's name, with the fix
    // (the partner was read on its pane); the panel gets neither "why" nor "how to fix".
    expect(panel[0]!.findings.some((f) => 'why' in f || 'fix' in f)).toBe(false);
    expect((badges[0]!.data as { fix?: string }[]).map(({ fix: _fix, ...drawn }) => drawn)).toEqual(
      panel[0]!.findings.map(({ accepted: _accepted, subjectName: _name, ...drawn }) => drawn),
    );
  });

  it('tells the panel how to fix a finding of its own tab when asked, and nothing for another tab', async () => {
    panelOn(t, 7);
    const partners = listSnapshot('partners', [agency]);
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(7, partners.url));
    await t.hub.publisher.settled();
    const drawn = findingsSentTo(t, 7)[0]!.data as { ruleId: string; subject: string; fix?: string }[];
    const expected = drawn.find((f) => f.ruleId === 'third-party-full-control')!.fix;
    expect(expected).toMatch(/Byrå AB/);
    const ref = {
      ruleId: 'third-party-full-control',
      subject: 'partner:3228568050780001',
      asset: { type: 'page', name: 'Sjöbod Café' },
    };
    expect(await t.ask('findingFix', ref, t.pageSender(7))).toEqual({ ok: true, value: { fix: expected } });
    expect(await t.ask('findingFix', ref, t.pageSender(8))).toEqual({ ok: true, value: {} });
    expect(await t.ask('findingFix', { ...ref, ruleId: 'pending-invite' }, t.pageSender(7))).toEqual({
      ok: true,
      value: {},
    });
  });

  it('sends the page the fix only where a live warning may show it: the principal read on its pane', async () => {
    const other = partner('Pixelverket SARL', '3228568050780002');
    const partners = listSnapshot('partners', [agency, other]);
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(7, partners.url));
    await t.hub.publisher.settled();
    const sent = findingsSentTo(t, 7)[0]!.data as { subject: string; fix?: string }[];
    const bySubject = (subject: string) => sent.filter((f) => f.subject === subject);
    expect(bySubject('partner:3228568050780001').length).toBeGreaterThan(0);
    expect(bySubject('partner:3228568050780001').every((f) => typeof f.fix === 'string')).toBe(true);
    expect(bySubject('partner:3228568050780002').length).toBeGreaterThan(0);
    expect(bySubject('partner:3228568050780002').some((f) => 'fix' in f)).toBe(false);
  });

  it('sends a panel a whole state first, then only what changed', async () => {
    const raw: unknown[] = [];
    t.hub.ports.add(7, { postMessage: (m) => raw.push(m), onDisconnect: { addListener: () => undefined } });
    const panel = panelOn(t, 7);
    const partners = listSnapshot('partners', [agency]);
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(7, partners.url));
    await t.hub.publisher.settled();
    t.hub.publisher.invalidate(7);
    await t.hub.publisher.settled();

    expect(raw).toHaveLength(2);
    expect(raw[0]).toMatchObject({ seq: 1, base: 0, delta: { snapshot: { kind: 'partners' } } });
    // Published again with nothing new on the page: no snapshot, and the findings as one run of the ones before.
    const { delta } = raw[1] as { seq: number; base: number; delta: TabStateDelta };
    expect(raw[1]).toMatchObject({ seq: 2, base: 1 });
    expect(delta.snapshot).toBeUndefined();
    expect(delta.principals).toBeUndefined();
    expect(delta.findings).toEqual({ shapes: [], parts: [0, panel[0]!.findings.length] });
    expect(panel[1]).toEqual(panel[0]);
  });

  it('refuses what a content script may not send, and snapshots from a page or of another site', async () => {
    const partners = listSnapshot('partners', [agency]);
    expect(
      await t.ask(
        'ledgerCommand',
        { type: 'revoke', businessId: B, subject: 'x', rationale: 'r' },
        t.contentSender(7),
      ),
    ).toMatchObject({ ok: false, error: { code: 'sender-not-allowed' } });
    expect(await t.ask('reportSnapshot', { snapshot: partners }, t.pageSender(7))).toMatchObject({
      ok: false,
      error: { code: 'sender-not-allowed' },
    });
    expect(
      await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(7, 'https://example.com/')),
    ).toMatchObject({
      ok: false,
      error: { code: 'snapshot-other-origin' },
    });
    expect(
      await t.ask('reportSnapshot', { snapshot: { ...partners, principals: 'nobody' } }, t.contentSender(7)),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', facts: { field: 'snapshot.principals' } },
    });
    await t.hub.publisher.settled();
    expect(findingsSentTo(t, 7)).toHaveLength(0);
  });

  it('publishes a ledger command once to each tab of its business, and not to other businesses', async () => {
    const people = listSnapshot('people', [me]);
    const partners = listSnapshot('partners', [agency]);
    const elsewhere = { ...partners, businessId: '999000111', url: partners.url.replace(B, '999000111') };
    await t.ask('reportSnapshot', { snapshot: people }, t.contentSender(1, people.url));
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(2, partners.url));
    await t.ask('reportSnapshot', { snapshot: elsewhere }, t.contentSender(3, elsewhere.url));
    await t.hub.publisher.settled();
    const panels = [1, 2, 3].map((tabId) => panelOn(t, tabId));
    t.sent.length = 0;

    const reply = await t.ask('ledgerCommand', documentAgency);
    expect(reply.ok).toBe(true);
    await t.hub.publisher.settled();

    expect(panels.map((p) => p.length)).toEqual([1, 1, 0]);
    expect([1, 2, 3].map((tabId) => findingsSentTo(t, tabId).length)).toEqual([1, 1, 0]);
    // The new grant record is in the findings at once: the agency is documented now.
    expect(panels[1]![0]!.findings.map((f) => f.ruleId)).not.toContain('undocumented-third-party');
  });

  it('coalesces many invalidations of a tab in one task into one publish', async () => {
    const partners = listSnapshot('partners', [agency]);
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(4, partners.url));
    await t.hub.publisher.settled();
    const panel = panelOn(t, 4);
    t.hub.publisher.invalidate(4);
    t.hub.publisher.invalidateBusiness(B);
    t.hub.publisher.invalidateAll();
    t.hub.focus.set(4, 'partner:3228568050780001');
    await t.hub.publisher.settled();
    expect(panel).toHaveLength(1);
    expect(panel[0]!.focus?.subject).toBe('partner:3228568050780001');
  });

  it('sends the page the same findings for the same read once, and again with every new read or a new tab', async () => {
    const partners = listSnapshot('partners', [agency]);
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(4, partners.url));
    await t.hub.publisher.settled();
    const panel = panelOn(t, 4);
    expect(findingsSentTo(t, 4)).toHaveLength(1);

    // Published again without a new read (a ledger write, a reminder's refresh): the panel gets its state,
    // the page is not sent what it has.
    t.hub.publisher.invalidate(4);
    await t.hub.publisher.settled();
    expect(panel).toHaveLength(1);
    expect(findingsSentTo(t, 4)).toHaveLength(1);

    // A new read of the page, even one that says the same: the page may have cleared its own.
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(4, partners.url));
    await t.hub.publisher.settled();
    expect(findingsSentTo(t, 4)).toHaveLength(2);

    // Findings that change without a new read go out.
    await t.ask('ledgerCommand', documentAgency);
    await t.hub.publisher.settled();
    expect(findingsSentTo(t, 4)).toHaveLength(3);
    expect(findingsSentTo(t, 4)[2]!.data).not.toEqual(findingsSentTo(t, 4)[1]!.data);

    // A closed tab's id used again is a new page.
    fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 1, isWindowClosing: false });
    await t.ask('reportSnapshot', { snapshot: partners }, t.contentSender(4, partners.url));
    await t.hub.publisher.settled();
    expect(findingsSentTo(t, 4)).toHaveLength(4);
  });

  it('makes the diagnostics bundle from the outline the page sent, and takes no bundle from the page', async () => {
    const panel = panelOn(t, 7);
    const url = `https://business.facebook.com/settings/people/61000000000002?business_id=${B}&email=anna%40sjobod.se`;
    const snapshot = {
      ...listSnapshot('people', []),
      url,
      readStatus: 'unreadable' as const,
      readProblems: [{ code: 'access-denied' as const, facts: { notice: 'Anna Berg cannot see this' } }],
    };
    const theirs = {
      path: '/settings/people/61000000000002',
      queryKeys: ['anna@sjobod.se'],
      kind: 'people' as const,
      readStatus: 'unreadable' as const,
      readProblems: [],
      locale: 'en' as const,
      outline: ['Anna Berg'],
    };
    const outline = ['main[role=main]', '  div[role=grid] aria-rowcount=3'];
    const sent = { snapshot, outline, diagnostics: theirs };
    expect(await t.ask('reportSnapshot', sent, t.contentSender(7, url))).toEqual({ ok: true, value: {} });
    await t.hub.publisher.settled();
    expect(panel.at(-1)!.diagnostics).toEqual({
      path: '/settings/people/{id}',
      queryKeys: ['business_id', 'email'],
      kind: 'people',
      readStatus: 'unreadable',
      readProblems: [{ code: 'access-denied', facts: { notice: '<text: 25 characters; letters, spaces>' } }],
      locale: 'en',
      outline,
    });
    expect(JSON.stringify(panel.at(-1)!.diagnostics)).not.toMatch(/Anna|61000000000002/);
    // A read with no outline (a readable page) carries no bundle.
    const fine = listSnapshot('people', [me]);
    await t.ask('reportSnapshot', { snapshot: fine, diagnostics: theirs }, t.contentSender(7, fine.url));
    await t.hub.publisher.settled();
    expect(panel.at(-1)!.diagnostics).toBeUndefined();
  });
});
