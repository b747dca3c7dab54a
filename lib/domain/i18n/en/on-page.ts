/**
 * What the content script says on the page itself, above the panel (lib/platform/overlay.ts): its own module,
 * so that the content script carries these words and the problems' (en/problems.ts), not every screen's.
 */
export const onPage = {
  refused: (reason: string) =>
    `Scopekeeper could not take in what it read on this page, so its findings here may be missing or out of date. ${reason}`,
  tooLarge: 'What it read is larger than Scopekeeper takes in at once.',
  invalid: (field: string) => `What it read did not pass Scopekeeper’s checks (at “${field}”).`,
  unreachable:
    'Scopekeeper can no longer reach the rest of the extension (it was updated, reloaded or stopped), so its findings here may be missing or out of date. Reload the page to read it again.',
  dismiss: 'Dismiss',
};
