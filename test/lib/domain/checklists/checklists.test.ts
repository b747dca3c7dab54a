import { describe, expect, it } from 'vitest';
import { applyEvidence, suggestRelated, type BusinessEvidence } from '@/lib/domain/checklists/evidence';
import {
  checklistRunSchema,
  createRun,
  openSteps,
  parseWho,
  tickByHand,
  type ChecklistRun,
} from '@/lib/domain/checklists/runs';
import { templates, templateIds } from '@/lib/domain/checklists/templates';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import { uiLocales } from '@/lib/domain/rules/types';
import type { Principal } from '@/lib/domain/snapshot';
import { legacyRun } from './legacy-run';

const ids = (id: keyof typeof templates) => templates[id].steps.map((s) => s.id);
const t0 = new Date('2026-11-28T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const person = (email: string, extra: Partial<Principal> = {}): Principal =>
  ({
    kind: 'person',
    name: email,
    email,
    pending: false,
    isCurrentUser: false,
    assets: [],
    ...extra,
  }) as Principal;
const partner = (businessId: string, extra: Partial<Principal> = {}): Principal =>
  ({
    kind: 'partner',
    name: `Partner ${businessId}`,
    businessId,
    pending: false,
    isCurrentUser: false,
    assets: [],
    ...extra,
  }) as Principal;

const evidence = (over: Partial<BusinessEvidence>): BusinessEvidence => ({
  now: later(5),
  lists: {},
  known: [],
  grants: [],
  ...over,
});
const grant = (subject: string, extra: Partial<GrantRecord> = {}): GrantRecord => ({
  id: 'g1',
  businessId: '1203456789012345',
  subject,
  assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content', 'insights'] }],
  case: 'Spring campaign',
  startsAt: '2026-11-28',
  endsAt: '2027-01-31',
  createdAt: t0.toISOString(),
  updatedAt: t0.toISOString(),
  ...extra,
});
const done = (run: ChecklistRun) =>
  Object.fromEntries(run.steps.filter((s) => s.done).map((s) => [s.id, s.how]));
/** What each step ticked by evidence saw: its code and facts. */
const seen = (run: ChecklistRun) =>
  Object.fromEntries(run.steps.filter((s) => s.how === 'evidence').map((s) => [s.id, s.evidence]));
/** The People list, read in full (by default 3 minutes after the start). */
const onPeople = (principals: Principal[], at = later(3)) => ({
  people: { seenAt: at.toISOString(), complete: true, principals },
});
const endDate = { code: 'record-with-end-date', facts: { date: '2027-01-31' } };

describe('checklist templates', () => {
  it('have the stable step ids of the issue, in order', () => {
    expect(templateIds).toEqual([
      'onboard-person',
      'onboard-partner',
      'offboard-partner',
      'periodic-review',
      'incident-response',
    ]);
    expect(ids('onboard-person')).toEqual([
      'define-case',
      'least-role',
      'set-end-date',
      'send-invite',
      'confirm-delivery',
      'confirm-acceptance',
      'verify-access',
      'document-decision',
      'schedule-review',
    ]);
    expect(ids('onboard-partner')).toEqual([
      'define-case',
      'get-business-id',
      'least-role',
      'one-invite-per-asset-group',
      'set-end-date',
      'share-assets',
      'verify-access',
      'document-decision',
      'schedule-review',
    ]);
    expect(ids('offboard-partner')).toEqual([
      'remove-partner-link',
      'remove-people',
      'remove-system-users',
      'remove-asset-roles',
      'verify-removal',
      'document-decision',
      'recheck-in-a-week',
    ]);
    expect(ids('periodic-review')).toEqual([
      'export-report',
      'review-each-grant',
      'revoke-unneeded',
      'confirm-end-dates',
      'document-decisions',
      'schedule-next-review',
    ]);
    expect(ids('incident-response')).toEqual([
      'identify-unknown-access',
      'remove-unknown-people',
      'remove-unknown-partners',
      'review-system-users',
      'secure-admin-accounts',
      'check-payment-and-ads',
      'verify-clean',
      'document-incident',
    ]);
  });

  it('have a title and a hint in every UI language, distinct per language', () => {
    for (const id of templateIds) {
      for (const locale of uiLocales) expect(templates[id].title[locale]).toBeTruthy();
      for (const step of templates[id].steps) {
        for (const locale of uiLocales) {
          expect(step.text[locale].title.length, `${id}/${step.id}/${locale}`).toBeGreaterThan(5);
          expect(step.text[locale].hint.length, `${id}/${step.id}/${locale}`).toBeGreaterThan(10);
        }
        expect(step.text.sv.title).not.toBe(step.text.en.title);
        expect(step.text.fr.title).not.toBe(step.text.en.title);
      }
    }
  });
});

describe('starting and ticking a run', () => {
  it('takes an e-mail for a person, a Business ID for a partner, and the business for a review', () => {
    expect(parseWho('onboard-person', '1', ' Lena@Example.se ')).toEqual({
      ok: true,
      subject: 'person:lena@example.se',
    });
    expect(parseWho('onboard-person', '1', '3228568050780001').ok).toBe(false);
    expect(parseWho('onboard-partner', '1', '3228568050780001')).toEqual({
      ok: true,
      subject: 'partner:3228568050780001',
    });
    expect(parseWho('offboard-partner', '1', 'partner:3228568050780002')).toEqual({
      ok: true,
      subject: 'partner:3228568050780002',
    });
    expect(parseWho('offboard-partner', '1', 'Byrå AB')).toMatchObject({ ok: false });
    expect(parseWho('periodic-review', '77', undefined)).toEqual({ ok: true, subject: 'business:77' });
  });

  it('ticks and unticks by hand, recording when and how; a finished run does not change', () => {
    const run = createRun({
      id: 'r1',
      businessId: '1',
      templateId: 'periodic-review',
      subject: 'business:1',
      now: t0,
    });
    expect(openSteps(run)).toHaveLength(6);
    const ticked = tickByHand(run, 'review-each-grant', true, later(1))!;
    expect(ticked.steps[1]).toEqual({
      id: 'review-each-grant',
      done: true,
      at: later(1).toISOString(),
      how: 'hand',
    });
    expect(tickByHand(ticked, 'review-each-grant', false, later(2))!.steps[1]).toEqual({
      id: 'review-each-grant',
      done: false,
    });
    expect(tickByHand(run, 'no-such-step', true, t0)).toBeUndefined();
    expect(tickByHand({ ...run, status: 'finished' }, 'review-each-grant', true, t0)).toBeUndefined();
  });
});

describe('evidence ticks steps by itself', () => {
  const email = 'lena@studio.example';
  const subject = `person:${email}`;
  const onboarding = createRun({
    id: 'r1',
    businessId: '1203456789012345',
    templateId: 'onboard-person',
    subject,
    case: 'Christmas menu photos',
    now: t0,
  });

  it('onboarding a person: case, invitation pending, acceptance, record, access matching the record', () => {
    expect(seen(applyEvidence(onboarding, evidence({})))).toEqual({
      'define-case': { code: 'case-recorded' },
    });
    // Nothing on the page yet about this e-mail: the run stays as it is.
    const noCase = { ...onboarding, case: undefined };
    expect(applyEvidence(noCase, evidence({}))).toBe(noCase);

    const pending = person(email, { pending: true, portfolioAccess: 'basic' });
    const sent = applyEvidence(onboarding, evidence({ lists: onPeople([pending]) }));
    expect(done(sent)).toEqual({
      'define-case': 'evidence',
      'least-role': 'evidence',
      'send-invite': 'evidence',
      'confirm-delivery': 'evidence',
    });
    expect(seen(sent)).toEqual({
      'define-case': { code: 'case-recorded' },
      'least-role': { code: 'least-role-business' },
      'send-invite': { code: 'listed-pending' },
      'confirm-delivery': { code: 'listed-pending' },
    });

    const accepted = person(email, {
      portfolioAccess: 'basic',
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
    });
    const after = applyEvidence(
      sent,
      evidence({
        now: later(60),
        lists: onPeople([accepted], later(59)),
        known: [accepted],
        grants: [grant(subject)],
      }),
    );
    expect(openSteps(after)).toEqual([]);
    expect(seen(after)).toMatchObject({
      'set-end-date': endDate,
      'confirm-acceptance': { code: 'listed-accepted' },
      'verify-access': { code: 'matches-record', facts: { count: 1 } },
      'document-decision': endDate,
      'schedule-review': endDate,
    });
    // Earlier ticks keep their time and what was seen then.
    expect(after.steps.find((s) => s.id === 'send-invite')).toMatchObject({
      at: later(5).toISOString(),
      evidence: { code: 'listed-pending' },
    });
    // Accepted before Scopekeeper saw it pending: the invitation was sent all the same.
    const acceptedFirst = applyEvidence(onboarding, evidence({ lists: onPeople([accepted]) }));
    expect(seen(acceptedFirst)).toMatchObject({
      'least-role': { code: 'least-role-assets', facts: { count: 1 } },
      'send-invite': { code: 'listed-accepted-already' },
      'confirm-acceptance': { code: 'listed-accepted' },
    });
  });

  it('does not tick what the page contradicts: full control, more access than recorded, no end date', () => {
    const full = person(email, {
      portfolioAccess: 'full-control',
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'full', tasks: [] }],
    });
    const run = applyEvidence(
      onboarding,
      evidence({
        lists: onPeople([full]),
        known: [full],
        grants: [grant(subject, { endsAt: undefined })],
      }),
    );
    expect(Object.keys(done(run))).toEqual([
      'define-case',
      'send-invite',
      'confirm-delivery',
      'confirm-acceptance',
    ]);
    const moreTasks = person(email, {
      portfolioAccess: 'basic',
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content', 'ads'] }],
    });
    const run2 = applyEvidence(onboarding, evidence({ known: [moreTasks], grants: [grant(subject)] }));
    expect(done(run2)['verify-access']).toBeUndefined();
    expect(seen(run2)['set-end-date']).toEqual(endDate);
  });

  it('an older run keeps the English sentences of its ticks; new ticks get codes', () => {
    expect(checklistRunSchema.parse(structuredClone(legacyRun))).toEqual(legacyRun);
    const accepted = person(email, { portfolioAccess: 'basic' });
    const after = applyEvidence(
      legacyRun,
      evidence({
        now: new Date('2026-11-20T10:00:00Z'),
        lists: onPeople([accepted]),
      }),
    );
    expect(seen(after)).toEqual({
      'define-case': 'The case was recorded when the checklist started.',
      'least-role': 'Listed without full control of the business.',
      'send-invite': 'Listed as pending on People.',
      'confirm-delivery': 'Listed as pending on People.',
      'confirm-acceptance': { code: 'listed-accepted' },
    });
    expect(checklistRunSchema.parse(after)).toEqual(after);
  });

  it('onboarding a partner: its Business ID, its assets without full control', () => {
    const id = '3228568050780001';
    const run = createRun({
      id: 'r4',
      businessId: '1203456789012345',
      templateId: 'onboard-partner',
      subject: `partner:${id}`,
      now: t0,
    });
    const shared = partner(id, {
      assets: [
        { type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] },
        { type: 'ad-account', name: 'Sjöbod Ads', access: 'full-except-sensitive', tasks: [] },
      ],
    });
    expect(seen(applyEvidence(run, evidence({ known: [shared] })))).toEqual({
      'get-business-id': { code: 'business-id-known', facts: { businessId: id } },
      'least-role': { code: 'least-role-assets', facts: { count: 2 } },
      'share-assets': { code: 'holds-assets', facts: { assets: 'Sjöbod Café, Sjöbod Ads' } },
    });
  });

  it('offboarding a partner: removal shown by lists read in full after the start, and again a week later', () => {
    const id = '3228568050780002';
    const nils = 'person:nils@pixelverket.fr';
    const run = createRun({
      id: 'r2',
      businessId: '1203456789012345',
      templateId: 'offboard-partner',
      subject: `partner:${id}`,
      related: [nils],
      now: t0,
    });
    // A list read before the start proves nothing; a partial list proves nothing.
    const before = applyEvidence(
      run,
      evidence({
        lists: {
          partners: { seenAt: later(-5).toISOString(), complete: true, principals: [] },
          people: { seenAt: later(4).toISOString(), complete: false, principals: [] },
        },
      }),
    );
    expect(done(before)).toEqual({});
    const gone = evidence({
      now: later(10),
      lists: {
        partners: {
          seenAt: later(9).toISOString(),
          complete: true,
          principals: [partner('3228568050780001')],
        },
        people: { seenAt: later(8).toISOString(), complete: true, principals: [person('anna@sjobod.se')] },
      },
    });
    const removed = applyEvidence(run, gone);
    expect(seen(removed)).toEqual({
      'remove-partner-link': { code: 'partner-absent' },
      'remove-people': { code: 'people-absent', facts: { count: 1 } },
      'remove-asset-roles': { code: 'asset-roles-absent' },
      'verify-removal': { code: 'removal-verified' },
    });
    // System users named with it: gone from their list, read in full.
    const withSystemUser = { ...run, related: [nils, 'system-user:61550000000001'] };
    const usersGone = applyEvidence(withSystemUser, {
      ...gone,
      lists: {
        ...gone.lists,
        'system-users': { seenAt: later(9).toISOString(), complete: true, principals: [] },
      },
    });
    expect(seen(usersGone)['remove-system-users']).toEqual({
      code: 'system-users-absent',
      facts: { count: 1 },
    });
    // Still listed somewhere: no verification.
    const stillThere = applyEvidence(run, {
      ...gone,
      lists: {
        ...gone.lists,
        people: { ...gone.lists.people!, principals: [person('nils@pixelverket.fr')] },
      },
    });
    expect(done(stillThere)['verify-removal']).toBeUndefined();
    // Six days later: not yet. Eight days later, with fresh reads: checked again.
    const week = (days: number) => later(10 + days * 24 * 60);
    const sixDays = applyEvidence(removed, {
      ...gone,
      now: week(6),
      lists: {
        partners: { ...gone.lists.partners!, seenAt: week(6).toISOString() },
        people: { ...gone.lists.people!, seenAt: week(6).toISOString() },
      },
    });
    expect(done(sixDays)['recheck-in-a-week']).toBeUndefined();
    const eightDays = applyEvidence(removed, {
      ...gone,
      now: week(8),
      lists: {
        partners: { ...gone.lists.partners!, seenAt: week(8).toISOString() },
        people: { ...gone.lists.people!, seenAt: week(8).toISOString() },
      },
    });
    expect(seen(eightDays)['recheck-in-a-week']).toEqual({ code: 'removal-verified-again' });
  });

  it('periodic review: export, end dates and decisions since the start', () => {
    const run = createRun({
      id: 'r3',
      businessId: '1',
      templateId: 'periodic-review',
      subject: 'business:1',
      now: t0,
    });
    expect(
      done(
        applyEvidence(
          run,
          evidence({ lastExportAt: later(-60).toISOString(), grants: [grant('x', { endsAt: undefined })] }),
        ),
      ),
    ).toEqual({});
    expect(
      seen(
        applyEvidence(
          run,
          evidence({
            lastExportAt: later(2).toISOString(),
            lastDecisionAt: later(3).toISOString(),
            grants: [grant('partner:1')],
          }),
        ),
      ),
    ).toEqual({
      'export-report': { code: 'export-since-start', facts: { date: '2026-11-28' } },
      'confirm-end-dates': { code: 'end-dates-set', facts: { count: 1 } },
      'document-decisions': { code: 'decision-since-start' },
    });
  });
});

describe('suggestRelated', () => {
  it('offers the people whose e-mail domain spells the partner’s name', () => {
    const known = [
      person('nils@byraab.se'),
      person('anna@sjobod.se'),
      person('omar@pixelverket.fr'),
      partner('1'),
    ];
    expect(suggestRelated('Byrå AB', known)).toEqual(['person:nils@byraab.se']);
    expect(suggestRelated('Pixelverket SARL', known)).toEqual(['person:omar@pixelverket.fr']);
    expect(suggestRelated('AB', known)).toEqual([]);
  });
});
