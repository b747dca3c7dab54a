// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGuardedHost, type GuardedHost } from '@/lib/page/guarded-host';

// The shadow root is closed; the test opens it to look inside.
const attachShadow = Element.prototype.attachShadow;
let controller: AbortController;
beforeEach(() => {
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    return attachShadow.call(this, { ...init, mode: 'open' });
  });
  controller = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

const style = { position: 'fixed', right: '16px', 'z-index': '2147483646' };
const guard = (options: { burst?: number; checkMs?: number; keepLaidOut?: boolean } = {}): GuardedHost =>
  createGuardedHost(document, controller.signal, { mark: 'test', style, ...options });
/** What the page's script changes reaches the guard's observer at the next microtask. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a guarded host (issue 11, item 1)', () => {
  it('is a plain div beside the body, styled with !important inline and from inside its shadow root', () => {
    const { host, shadow, root } = guard();
    expect(root.parentNode).toBe(shadow);
    expect(root.className).toBe('layer');
    expect(host.tagName).toBe('DIV');
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.getAttributeNames()).toEqual(['style', 'data-scopekeeper']);
    const inline = host.getAttribute('style')!;
    expect(inline.startsWith('all: initial !important')).toBe(true);
    expect(inline).toContain('position: fixed !important');
    expect(inline).toContain('display: block !important');
    // The layer that holds what it draws gets the same box (it is what goes in the top layer).
    expect(shadow.querySelector('style')!.textContent).toBe(`:host, .layer { ${inline}; }`);
  });

  it('puts back its style and drops every attribute a page script adds', async () => {
    const { host } = guard();
    const inline = host.getAttribute('style');
    host.style.setProperty('opacity', '0', 'important');
    await settle();
    expect(host.getAttribute('style')).toBe(inline);
    host.hidden = true;
    host.inert = true;
    host.className = 'x';
    host.setAttribute('data-scopekeeper', 'other');
    host.setAttribute('popover', 'auto');
    host.removeAttribute('style');
    await settle();
    expect(host.hidden).toBe(false);
    expect(host.hasAttribute('inert')).toBe(false);
    expect(host.hasAttribute('class')).toBe(false);
    expect(host.getAttribute('style')).toBe(inline);
    expect(host.getAttribute('data-scopekeeper')).toBe('test');
    expect(host.hasAttribute('popover')).toBe(false);
  });

  it('comes back when removed, moved into a hidden container, or when the body or the root is replaced', async () => {
    const { host, repairs } = guard();
    host.remove();
    await settle();
    expect(host.parentNode).toBe(document.documentElement);

    const box = document.createElement('div');
    box.hidden = true;
    document.body.append(box);
    box.append(host);
    await settle();
    expect(host.parentNode).toBe(document.documentElement);

    document.body.replaceWith(document.createElement('body'));
    await settle();
    expect(host.parentNode).toBe(document.documentElement);

    const oldRoot = document.documentElement;
    const newRoot = document.createElement('html');
    newRoot.append(document.createElement('body'));
    oldRoot.remove();
    document.append(newRoot);
    await settle();
    expect(host.parentNode).toBe(newRoot);
    // Its new root is watched too.
    host.remove();
    await settle();
    expect(host.parentNode).toBe(newRoot);
    // A new body needed no repair: the host was never in it.
    expect(repairs()).toBe(4);
    newRoot.remove();
    document.append(oldRoot);
  });

  it('against a script that undoes each repair, repairs a bounded number of times, then once per check', async () => {
    const { host, repairs } = guard({ burst: 3, checkMs: 700 });
    let removals = 0;
    const remover = new MutationObserver(() => {
      if (host.isConnected) {
        removals++;
        host.remove();
      }
    });
    remover.observe(document.documentElement, { childList: true });
    host.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The burst, and nothing more until the slow check: no busy loop.
    expect(repairs()).toBe(3);
    expect(removals).toBe(3);
    expect(host.isConnected).toBe(false);
    remover.disconnect();
    // The slow check puts it back once the script stops.
    await vi.waitFor(() => expect(host.parentNode).toBe(document.documentElement), { timeout: 3000 });
    expect(repairs()).toBe(4);
  });

  it('is shown or not as its owner asks, and the guard keeps that', async () => {
    const guarded = guard();
    guarded.setShown(false);
    expect(guarded.host.getAttribute('style')).toContain('display: none !important');
    expect(guarded.shadow.querySelector('style')!.textContent).toContain('display: none !important');
    guarded.host.style.display = 'block';
    await settle();
    expect(guarded.host.getAttribute('style')).toContain('display: none !important');
    guarded.setShown(true);
    expect(guarded.host.getAttribute('style')).toContain('display: block !important');
  });

  it('hidden and kept laid out, is unseen and out of the pointer’s way, and the guard keeps that (issue 12)', async () => {
    const guarded = guard({ keepLaidOut: true });
    guarded.setShown(false);
    const inline = guarded.host.getAttribute('style')!;
    expect(inline).toContain('display: block !important');
    expect(inline).toContain('opacity: 0 !important');
    expect(inline).toContain('pointer-events: none !important');
    expect(guarded.shadow.querySelector('style')!.textContent).toBe(`:host, .layer { ${inline}; }`);
    guarded.host.style.opacity = '1';
    await settle();
    expect(guarded.host.getAttribute('style')).toBe(inline);
    guarded.setShown(true);
    expect(guarded.host.getAttribute('style')).not.toMatch(/opacity|pointer-events/);
  });

  it('takes the place of what an earlier copy of the script left, and of nothing else', () => {
    const left = document.createElement('div');
    left.setAttribute('data-scopekeeper', 'test');
    const inBody = document.createElement('div');
    inBody.setAttribute('data-scopekeeper', 'test');
    const other = document.createElement('div');
    other.setAttribute('data-scopekeeper', 'other');
    document.documentElement.append(left, other);
    document.body.append(inBody);
    const { host } = guard();
    expect(left.isConnected).toBe(false);
    expect(inBody.isConnected).toBe(false);
    expect(other.isConnected).toBe(true);
    expect(host.isConnected).toBe(true);
    other.remove();
  });

  it('stops guarding once its context ends, and when its owner removes it', async () => {
    const first = guard();
    controller.abort();
    first.host.remove();
    first.host.hidden = true;
    await settle();
    expect(first.host.isConnected).toBe(false);

    controller = new AbortController();
    const second = guard({ checkMs: 20 });
    second.remove();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(second.host.isConnected).toBe(false);
    expect(second.repairs()).toBe(0);
  });
});
