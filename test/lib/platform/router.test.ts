import { describe, expect, it } from 'vitest';
import { classifySender } from '@/lib/platform/router';

const CHROME = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  base: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
};
const FIREFOX = {
  id: 'scopekeeper@scopekeeper.invalid',
  base: 'moz-extension://6f1c2b8e-6a53-4f0e-9a51-2c7e5d3f9b10/',
};
const people = 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345';

describe('who sent a message (classifySender)', () => {
  it.each([
    [
      'a content script in a Business Settings tab (Chrome)',
      CHROME,
      { id: CHROME.id, url: people, tab: { id: 3 }, frameId: 0 },
      { kind: 'content', tabId: 3 },
    ],
    [
      'a content script in a Business Settings tab (Firefox)',
      FIREFOX,
      { id: FIREFOX.id, url: people, tab: { id: 3 }, frameId: 0 },
      { kind: 'content', tabId: 3 },
    ],
    [
      'the panel inside a tab (an extension page in a frame)',
      CHROME,
      { id: CHROME.id, url: `${CHROME.base}panel.html`, tab: { id: 3 }, frameId: 7 },
      { kind: 'page', tabId: 3 },
    ],
    ['the popup (no tab)', CHROME, { id: CHROME.id, url: `${CHROME.base}popup.html` }, { kind: 'page' }],
    [
      'the options page (Firefox)',
      FIREFOX,
      { id: FIREFOX.id, url: `${FIREFOX.base}options.html` },
      { kind: 'page' },
    ],
    [
      'a script of ours in a frame of the page (we run in the top frame only)',
      CHROME,
      { id: CHROME.id, url: people, tab: { id: 3 }, frameId: 4 },
      { kind: 'other' },
    ],
    [
      'another site’s tab',
      CHROME,
      { id: CHROME.id, url: 'https://example.com/', tab: { id: 3 }, frameId: 0 },
      { kind: 'other' },
    ],
    ['Business Settings without a tab', CHROME, { id: CHROME.id, url: people }, { kind: 'other' }],
    [
      'another extension’s page',
      CHROME,
      {
        id: 'otherextensionidotherextensionid',
        url: 'chrome-extension://otherextensionidotherextensionid/x.html',
      },
      { kind: 'other' },
    ],
    [
      'another extension claiming our page’s address',
      CHROME,
      { id: 'otherextensionidotherextensionid', url: `${CHROME.base}panel.html` },
      { kind: 'other' },
    ],
    ['a sender without an address', CHROME, { id: CHROME.id, tab: { id: 3 } }, { kind: 'other' }],
  ])('%s', (_label, extension, sender, expected) => {
    expect(classifySender(sender, extension.base, extension.id)).toMatchObject(expected);
  });
});
