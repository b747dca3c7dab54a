// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext, onLocationChange } from '@/lib/platform/page-context';

const happyDOM = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
const PEOPLE = 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345';
const PARTNERS = 'https://business.facebook.com/latest/settings/partners?business_id=1203456789012345';

beforeEach(() => {
  fakeBrowser.reset();
  // One test takes the extension away; reset() does not give its id back.
  (fakeBrowser.runtime as { id?: string }).id = 'test-extension-id';
  happyDOM().setURL(PEOPLE);
});
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { navigation?: unknown }).navigation;
});

describe('the content script’s own context (issue 12, item 2)', () => {
  it('ends when asked after its extension went away, and not before', () => {
    const ctx = new ContentScriptContext();
    expect(ctx.isInvalid).toBe(false);
    expect(ctx.signal.aborted).toBe(false);
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('ignores every event a page can send: WXT’s "newer script" and location events end or restart nothing', () => {
    const ctx = new ContentScriptContext();
    const changes = vi.fn();
    onLocationChange(ctx.signal, changes);
    for (const name of ['wxt:content-script-started', 'wxt:locationchange'])
      for (const full of [name, `${fakeBrowser.runtime.id}:content:${name}`]) {
        const detail = { contentScriptName: 'content', messageId: 'page', newUrl: new URL(PARTNERS) };
        document.dispatchEvent(new CustomEvent(full, { detail }));
        window.dispatchEvent(Object.assign(new Event(full), detail));
      }
    expect(ctx.isInvalid).toBe(false);
    expect(changes).not.toHaveBeenCalled();
  });
});

describe('onLocationChange', () => {
  it('follows the Navigation API’s navigate events to another address, until the signal aborts', () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const navigate = (url: string) =>
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    const controller = new AbortController();
    const changes = vi.fn();
    onLocationChange(controller.signal, changes);
    navigate(PEOPLE);
    expect(changes).not.toHaveBeenCalled();
    navigate(PARTNERS);
    expect(changes).toHaveBeenCalledTimes(1);
    navigate(PARTNERS);
    navigate(PEOPLE);
    expect(changes).toHaveBeenCalledTimes(2);
    controller.abort();
    navigate(PARTNERS);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('looks once a second where there is no Navigation API', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const changes = vi.fn();
    onLocationChange(controller.signal, changes);
    vi.advanceTimersByTime(1000);
    expect(changes).not.toHaveBeenCalled();
    happyDOM().setURL(PARTNERS);
    vi.advanceTimersByTime(999);
    expect(changes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(changes).toHaveBeenCalledTimes(1);
    controller.abort();
    happyDOM().setURL(PEOPLE);
    vi.advanceTimersByTime(3000);
    expect(changes).toHaveBeenCalledTimes(1);
  });
});
