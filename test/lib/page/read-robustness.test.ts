import { describe, expect, it } from 'vitest';
import { pageSnapshotSchema } from '@/lib/domain/snapshot-schema';
import { readPage } from '@/lib/page/read';
import { htmlPage } from '../../sandbox/dom';
import { makeRandom } from '../../sandbox/generate';

const tags = [
  'div',
  'span',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'th',
  'h2',
  'h4',
  'section',
  'aside',
  'input',
  'time',
  'p',
];
const roles = [
  'row',
  'grid',
  'gridcell',
  'list',
  'listitem',
  'heading',
  'switch',
  'radio',
  'dialog',
  'main',
  'navigation',
  'columnheader',
  'progressbar',
  'button',
  'complementary',
];
const words = [
  'Full control',
  'Pending',
  '(you)',
  'anna@sjobod.se',
  'Business ID: 3228568050780001',
  'Pages',
  'Content',
  'Everything',
  'Access expires',
  'Dec 31, 2026',
  'Personnes',
  'Invite people',
  'Add partner',
  '',
  '\u202e',
  '<b>x</b>',
  'Contrôle total',
  '31/31/2031',
  '12345',
  'Partial access · Ads',
];

function randomMarkup(random: () => number, depth: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  let out = '';
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    if (depth <= 0 || random() < 0.3) {
      out += pick(words).replace(/</g, '&lt;');
      continue;
    }
    const tag = pick(tags);
    const attrs = [
      random() < 0.5 ? ` role="${pick(roles)}"` : '',
      random() < 0.2 ? ` aria-level="${Math.floor(random() * 6)}"` : '',
      random() < 0.2 ? ` aria-label="${pick(words).replace(/"/g, '')}"` : '',
      random() < 0.2 ? ` aria-checked="${random() < 0.5}"` : '',
      random() < 0.1 ? ' hidden' : '',
      random() < 0.1 ? ` aria-rowcount="${Math.floor(random() * 100)}"` : '',
      random() < 0.1 ? ` datetime="${pick(words)}"` : '',
    ].join('');
    out +=
      tag === 'input'
        ? `<input${attrs} type="${pick(['checkbox', 'email', 'date', 'text'])}">`
        : `<${tag}${attrs}>${randomMarkup(random, depth - 1)}</${tag}>`;
  }
  return out;
}

const urls = [
  'https://business.facebook.com/latest/settings/business_users?business_id=1',
  'https://business.facebook.com/latest/settings/partners?business_id=1&selected_partner_id=3',
  'https://business.facebook.com/settings/system-users?business_id=1',
  'https://business.facebook.com/latest/settings/pages?business_id=1&selected_asset_id=2',
  'https://business.facebook.com/latest/settings/business_users?business_id=1&modal=invite_people',
  'https://business.facebook.com/latest/settings/partners?business_id=1&modal=add_partner',
];

describe('the reader on markup it has never seen', () => {
  it('never throws and always returns a valid snapshot (300 random pages)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = makeRandom(seed);
      const url = urls[seed % urls.length]!;
      const { doc } = htmlPage(randomMarkup(random, 5), url, random() < 0.5 ? 'en' : undefined);
      const snapshot = readPage(url, doc);
      expect(pageSnapshotSchema.safeParse(snapshot).success, `seed ${seed}`).toBe(true);
      if (snapshot.readStatus !== 'ok')
        expect(snapshot.readProblems.length, `seed ${seed}`).toBeGreaterThan(0);
      // The safety net in readPage must not be what kept it from throwing.
      expect(
        snapshot.readProblems.filter((p) => p.code === 'reader-failed'),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });
});
