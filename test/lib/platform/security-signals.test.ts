import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { me, person } from '../domain/rules/helpers';
import { B, listSnapshot, panelOn, testHub, type TestHub } from './test-hub';

const securityPage = (
  kind: 'business-info' | 'security-center',
  security: PageSnapshot['security'],
): PageSnapshot => ({
  ...listSnapshot('people', []),
  kind,
  url: `https://business.facebook.com/latest/settings/${kind === 'business-info' ? 'business_info' : 'security_center'}?business_id=${B}`,
  security,
});

describe('Meta’s security signals through the background (issue 15, item 5)', () => {
  let t: TestHub;
  beforeEach(() => {
    fakeBrowser.reset();
    t = testHub({ now: '2026-11-28T12:00:00.000Z' });
  });
  afterEach(() => t.close());

  it('keeps what Business info and Security Center showed, and the panel on People shows their findings', async () => {
    const panel = panelOn(t, 7);
    const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
    const people = listSnapshot('people', [me, nils]);
    const send = (snapshot: PageSnapshot) =>
      t.ask('reportSnapshot', { snapshot }, t.contentSender(7, snapshot.url));
    await send(people);
    await send(securityPage('business-info', { twoFactorRequirement: 'no-one' }));
    await send(
      securityPage('security-center', {
        withoutTwoFactor: [{ name: 'Nils Holm', email: 'nils@byraab.se' }],
        inactive: [{ name: 'Old Contractor' }],
      }),
    );
    await send(people);
    await t.hub.publisher.settled();
    const shown = panel
      .at(-1)!
      .findings.filter((f) =>
        ['two-factor-not-required', 'person-without-two-factor', 'inactive-person'].includes(f.ruleId),
      )
      .map((f) => `${f.subject} ${f.ruleId} ${f.severity}`);
    expect(shown.sort()).toEqual(
      [
        `business:${B} two-factor-not-required high`,
        'person:nils@byraab.se person-without-two-factor high',
        'person-name:Old Contractor inactive-person low',
      ].sort(),
    );
    expect(t.hub.cache.view(B)!.security!.twoFactorRequirement).toEqual({
      value: 'no-one',
      readAt: '2026-11-28T12:00:00.000Z',
    });
  });
});
