import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT ends a content script's context when a "content-script-started" event of its name reaches the
 * document: it is meant for a newer copy of the same script. A page can dispatch that event too (the name
 * is the extension's id and the entrypoint's, both learnable), and one line of page script would then
 * remove the panel and the badges until the next reload (issue 11, item 1). Scopekeeper never starts a
 * second copy in a tab (its content script is declared in the manifest; an extension reload is noticed
 * by the runtime id), so every such event is stopped at the window, in the capture phase, before WXT's
 * listener on the document sees it.
 */
export function guardAgainstScriptStarted(target: Window, signal: AbortSignal): void {
  target.addEventListener(scriptStartedEventName(), (event) => event.stopImmediatePropagation(), {
    capture: true,
    signal,
  });
}

/** The event's name as WXT 0.21 makes it (a static it keeps private in its types). */
export function scriptStartedEventName(): string {
  const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof name !== 'string') throw new Error('WXT no longer names its script-started event here');
  return name;
}

/**
 * Whether a `wxt:locationchange` event is WXT's own. A page can dispatch an event of that name as well
 * (the name is the extension's id, the entrypoint's and WXT's, all learnable), and each would restart the
 * session's reading: sent often enough, the page would never be read again. WXT's event carries the new
 * address as a URL made in the content script's own world; a page's event cannot carry one (a page's
 * properties on an event are not seen across worlds), so it is ignored.
 */
export function isOwnLocationChange(event: Event): boolean {
  return (event as { newUrl?: unknown }).newUrl instanceof URL;
}
