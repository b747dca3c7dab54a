import { textSegments } from '../dom';
import { isEmptyStateText, isLoadingText } from '../match';

/** The region is still filling in: a progress bar, a busy region or Meta's "Loading" text. */
export function isLoading(scope: ParentNode): boolean {
  if (scope.querySelector('[role="progressbar"], [aria-busy="true"]')) return true;
  return textSegments(scope as Element).some(isLoadingText);
}

/** The region says in words that it has nothing to list ("No partners yet"). */
export function hasEmptyState(scope: ParentNode): boolean {
  return textSegments(scope as Element).some(isEmptyStateText);
}
