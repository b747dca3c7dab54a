import { browser } from 'wxt/browser';

/** The tab the popup was opened over (its id only: the "tabs" permission is not needed for that). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
