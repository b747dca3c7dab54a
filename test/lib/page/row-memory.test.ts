import { describe, expect, it } from 'vitest';
import { readListRow } from '@/lib/page/readers/list';
import { readRowFacts } from '@/lib/page/readers/rows';
import { htmlPage } from '../../sandbox/dom';

const url = 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345';

describe('what the watcher remembers of a list row (issue 12, heap at 5,000 people)', () => {
  it('holds the row’s facts without its other texts, which only an asset page’s reader looks at', () => {
    const { doc } = htmlPage(
      `<div role="row"><span>Nils Holm</span><span>nils@byraab.se</span><span>Partial access</span></div>`,
      url,
    );
    const row = doc.querySelector('[role="row"]')!;
    const whole = readRowFacts(row, 'en');
    expect(whole.rest).toEqual(['nils@byraab.se', 'Partial access']);
    const { rest, ...facts } = readListRow(row, 'en');
    expect(rest).toEqual([]);
    const { rest: _, ...wholeFacts } = whole;
    expect(facts).toEqual(wholeFacts);
  });
});
