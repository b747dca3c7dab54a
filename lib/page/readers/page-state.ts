import { textSegments } from '../dom';
import { isEmptyStateText, isLoadingText } from '../match';
import * as selector from '../selectors';

/** The region is still filling in: a progress bar, a busy region or Meta's "Loading" text. */
export function isLoading(scope: ParentNode): boolean {
  if (scope.querySelector(selector.busy)) return true;
  return textSegments(scope as Element).some(isLoadingText);
}

/** The region says in words that it has nothing to list ("No partners yet"). */
export function hasEmptyState(scope: ParentNode): boolean {
  return textSegments(scope as Element).some(isEmptyStateText);
}

/** Meta's words for a search field, where its type does not say so ("Search by name or ID"). */
const SEARCH_LABEL = /\b(search|sök|recherch)/i;

/**
 * A search field of the region has text in it: the list shows only the rows that match, so a row not
 * shown is not a row gone. Meta's own label says it is a search field, or its type or role does.
 */
export function isFiltered(scope: ParentNode): boolean {
  for (const field of scope.querySelectorAll('input, [role="searchbox"]')) {
    // By tag and attribute, not `instanceof`: the page's realm is not necessarily this one's.
    const input = field.tagName === 'INPUT' ? (field as HTMLInputElement) : undefined;
    const type = (field.getAttribute('type') ?? 'text').toLowerCase();
    if (input && type !== 'search' && type !== 'text') continue;
    const isSearch =
      (input !== undefined && type === 'search') ||
      field.getAttribute('role') === 'searchbox' ||
      SEARCH_LABEL.test(
        `${field.getAttribute('aria-label') ?? ''} ${field.getAttribute('placeholder') ?? ''}`,
      );
    if (!isSearch) continue;
    const text = input ? input.value : (field.textContent ?? '');
    if (text.trim() !== '') return true;
  }
  return false;
}
