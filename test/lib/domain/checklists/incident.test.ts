import { describe, expect, it } from 'vitest';
import { applyEvidence, type BusinessEvidence, type ListRead } from '@/lib/domain/checklists/evidence';
import {
  checklistCommandSchema,
  checklistRunSchema,
  createRun,
  parseWho,
  type ChecklistRun,
} from '@/lib/domain/checklists/runs';
import { templates, templatesFor } from '@/lib/domain/checklists/templates';
import { describeEvidence } from '@/lib/domain/i18n';
import { uiLocales } from '@/lib/domain/locales';
import type { Principal } from '@/lib/domain/snapshot';

const B = '1203456789012345';
const t0 = new Date('2026-11-28T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const person = (name: string, email?: string): Principal =>
  ({
    kind: 'person',
    name,
    ...(email ? { email } : {}),
    pending: false,
    isCurrentUser: false,
    assets: [],
  }) as Principal;
const partner = (name: string, businessId: string): Principal =>
  ({ kind: 'partner', name, businessId, pending: false, isCurrentUser: false, assets: [] }) as Principal;
const systemUser = (name: string, id: string): Principal =>
  ({ kind: 'system-user', name, id, pending: false, isCurrentUser: false, assets: [] }) as Principal;

const anna = person('Anna Berg', 'anna@sjobod.se');
const mallory = person('Mallory', 'mallory@evil.example');
const shadyAds = partner('Shady Ads Ltd', '3228568050780099');
const bot = systemUser('Sync bot', '61550000000077');
const unknown = ['person:mallory@evil.example', 'partner:3228568050780099'];
const names = { 'person:mallory@evil.example': 'Mallory', 'partner:3228568050780099': 'Shady Ads Ltd' };

const incident = (related = unknown, extra: Partial<ChecklistRun> = {}): ChecklistRun => ({
  ...createRun({
    id: 'incident-1',
    businessId: B,
    templateId: 'incident-response',
    subject: `business:${B}`,
    related,
    names,
    holders: ['person:anna@sjobod.se'],
    now: t0,
  }),
  ...extra,
});

/** A list read in full, by default 3 minutes after the start. */
const read = (principals: Principal[], at = later(3), complete = true): ListRead => ({
  seenAt: at.toISOString(),
  complete,
  principals,
});
const evidence = (over: Partial<BusinessEvidence>): BusinessEvidence => ({
  now: later(5),
  lists: {},
  known: [],
  grants: [],
  ...over,
});
/** What each step ticked by evidence saw. */
const seen = (run: ChecklistRun) =>
  Object.fromEntries(run.steps.filter((s) => s.how === 'evidence').map((s) => [s.id, s.evidence]));

describe('the incident response template (issue 13, item 4)', () => {
  it('is about the whole business, offered as the incident template, and names its unknown ones itself', () => {
    const template = templates['incident-response'];
    expect(template).toMatchObject({
      purpose: 'incident',
      subjectKind: 'business',
      relatesOpenChanges: true,
    });
    expect(templatesFor('incident', 'business').map((x) => x.id)).toEqual(['incident-response']);
    expect(parseWho('incident-response', B, undefined)).toEqual({ ok: true, subject: `business:${B}` });
    // What the alert's button sends: no `who` at all.
    expect(
      checklistCommandSchema.safeParse({ type: 'start', businessId: B, templateId: 'incident-response' })
        .success,
    ).toBe(true);
    // The steps ticked by the page or the ledger, and those ticked by hand.
    expect(Object.fromEntries(template.steps.map((s) => [s.id, s.evidence ?? 'hand']))).toEqual({
      'identify-unknown-access': 'unknown-listed',
      'remove-unknown-people': 'people-absent',
      'remove-unknown-partners': 'partners-absent',
      'review-system-users': 'system-users-absent',
      'secure-admin-accounts': 'hand',
      'check-payment-and-ads': 'hand',
      'verify-clean': 'unknown-absent',
      'document-incident': 'incident-documented',
    });
  });

  it('has a title and every step’s words in every UI language, each its own', () => {
    const template = templates['incident-response'];
    for (const locale of uiLocales) expect(template.title[locale].length).toBeGreaterThan(5);
    expect(new Set(uiLocales.map((l) => template.title[l])).size).toBe(uiLocales.length);
    for (const step of template.steps)
      for (const part of ['title', 'hint'] as const) {
        const words = uiLocales.map((l) => step.text[l][part]);
        for (const w of words) expect(w.length, `${step.id} ${part}`).toBeGreaterThan(10);
        expect(new Set(words).size, `${step.id} ${part}`).toBe(uiLocales.length);
      }
  });

  it('keeps the names and the full-control holders read at the start in the stored run', () => {
    const run = incident();
    expect(checklistRunSchema.parse(run)).toMatchObject({
      related: unknown,
      names,
      holders: ['person:anna@sjobod.se'],
    });
    // An older run has neither, and still reads.
    const { names: _n, holders: _h, ...older } = run;
    expect(checklistRunSchema.parse(older).names).toBeUndefined();
  });
});

describe('evidence ticks the incident response as the page shows it', () => {
  it('identify-unknown-access: the unknown ones found at the start; nothing when none was found', () => {
    expect(seen(applyEvidence(incident(), evidence({})))).toEqual({
      'identify-unknown-access': { code: 'unknown-listed', facts: { count: 2 } },
    });
    expect(seen(applyEvidence(incident([]), evidence({})))).toEqual({});
  });

  it('remove-unknown-people: once People, read in full after the start, shows none of them', () => {
    const run = incident();
    const step = (lists: BusinessEvidence['lists']) =>
      seen(applyEvidence(run, evidence({ lists })))['remove-unknown-people'];
    // Still listed; a list read before the start; a partial list: no tick.
    expect(step({ people: read([anna, mallory]) })).toBeUndefined();
    expect(step({ people: read([anna], later(-1)) })).toBeUndefined();
    expect(step({ people: read([anna], later(3), false) })).toBeUndefined();
    // Shown by name only (no address on the row): still there.
    expect(step({ people: read([anna, person('Mallory')]) })).toBeUndefined();
    expect(step({ people: read([anna]) })).toEqual({ code: 'people-absent', facts: { count: 1 } });
  });

  it('remove-unknown-partners: once Partners, read in full after the start, shows none of them', () => {
    const run = incident();
    const step = (lists: BusinessEvidence['lists']) =>
      seen(applyEvidence(run, evidence({ lists })))['remove-unknown-partners'];
    expect(step({ partners: read([shadyAds]) })).toBeUndefined();
    expect(step({ partners: read([], later(-1)) })).toBeUndefined();
    expect(step({ partners: read([], later(3), false) })).toBeUndefined();
    expect(step({ people: read([anna]) })).toBeUndefined();
    expect(step({ partners: read([partner('Byrå AB', '3228568050780001')]) })).toEqual({
      code: 'partners-absent',
      facts: { count: 1 },
    });
    // No unknown partner: nothing to prove by evidence (ticked by hand).
    expect(
      seen(
        applyEvidence(incident(['person:mallory@evil.example']), evidence({ lists: { partners: read([]) } })),
      )['remove-unknown-partners'],
    ).toBeUndefined();
  });

  it('review-system-users: an unknown system user gone from its list read in full after the start', () => {
    const run = incident([...unknown, 'system-user:61550000000077']);
    const step = (list: ListRead) =>
      seen(applyEvidence(run, evidence({ lists: { 'system-users': list } })))['review-system-users'];
    expect(step(read([bot]))).toBeUndefined();
    expect(step(read([], later(-1)))).toBeUndefined();
    expect(step(read([], later(3), false))).toBeUndefined();
    expect(step(read([]))).toEqual({ code: 'system-users-absent', facts: { count: 1 } });
  });

  it('verify-clean: every list read in full after the start, none of the unknown ones in it', () => {
    const run = incident();
    const verified = (lists: BusinessEvidence['lists']) =>
      seen(applyEvidence(run, evidence({ lists })))['verify-clean'];
    const users = read([]);
    // Only one of the lists read: not yet.
    expect(verified({ people: read([anna]) })).toBeUndefined();
    // System users not read again: an intruder's token could be there, unknown to the run.
    expect(verified({ people: read([anna]), partners: read([]) })).toBeUndefined();
    // One list read before the start, or partly: not proof.
    expect(
      verified({ people: read([anna]), partners: read([], later(-2)), 'system-users': users }),
    ).toBeUndefined();
    expect(
      verified({ people: read([anna], later(3), false), partners: read([]), 'system-users': users }),
    ).toBeUndefined();
    // One of them still there.
    expect(
      verified({ people: read([anna]), partners: read([shadyAds]), 'system-users': users }),
    ).toBeUndefined();
    expect(verified({ people: read([anna]), partners: read([]), 'system-users': users })).toEqual({
      code: 'unknown-absent',
      facts: { count: 2 },
    });
    // Nothing unknown at the start: nothing to verify by evidence.
    expect(
      seen(
        applyEvidence(
          incident([]),
          evidence({ lists: { people: read([anna]), partners: read([]), 'system-users': read([]) } }),
        ),
      )['verify-clean'],
    ).toBeUndefined();
  });

  it('document-incident: a note naming this run, recorded after the start', () => {
    const run = incident();
    const step = (notes: BusinessEvidence['notes']) =>
      seen(applyEvidence(run, evidence({ notes })))['document-incident'];
    expect(step([])).toBeUndefined();
    // Before the start, or about another checklist (a periodic review finished meanwhile): no.
    expect(step([{ at: later(-10).toISOString(), runId: run.id }])).toBeUndefined();
    expect(step([{ at: later(2).toISOString(), runId: 'review-7' }])).toBeUndefined();
    expect(step([{ at: later(2).toISOString() }])).toBeUndefined();
    expect(step([{ at: later(2).toISOString(), runId: run.id }])).toEqual({
      code: 'incident-documented',
      facts: { date: '2026-11-28' },
    });
  });

  it('never takes a tick back when an unknown one is listed again', () => {
    const clean = applyEvidence(
      incident(),
      evidence({ lists: { people: read([anna]), partners: read([]), 'system-users': read([]) } }),
    );
    expect(clean.steps.find((s) => s.id === 'verify-clean')?.done).toBe(true);
    const back = applyEvidence(
      clean,
      evidence({ now: later(30), lists: { people: read([anna, mallory], later(29)), partners: read([]) } }),
    );
    expect(back).toBe(clean);
    expect(describeEvidence('sv', seen(back)['verify-clean']!)).toBe(
      'Listorna, lästa i sin helhet, visar ingen av de okända (2).',
    );
  });
});
