import { BUSINESS_ID_PATTERN, BUSINESS_NAME_MAX } from '../../domain/snapshot';
import { textSegments } from '../dom';
import { allVariants, switcher } from '../lexicon';
import { normalizeText } from '../text';

/**
 * The portfolio's name as the business switcher shows it (issue 15; lexicon.ts `switcher`), or undefined
 * unless every switcher outside the content, dialogs and hidden parts shows the same one text besides its
 * own label ("Business portfolio") and digits (an ID). The name is someone else's text: kept as text, never
 * matched against the lexicon's words for anything but the switcher's label, and never guessed from other
 * places. The reader keeps to the schema's bounds by hand (1 to BUSINESS_NAME_MAX characters).
 */
export function readBusinessName(root: ParentNode): string | undefined {
  const labels = allVariants(switcher.labels);
  const names = new Set(
    [...root.querySelectorAll(switcher.is)]
      .filter((el) => !el.closest(switcher.notIn))
      .flatMap(textSegments)
      .filter((text) => !labels.includes(normalizeText(text)) && !BUSINESS_ID_PATTERN.test(text)),
  );
  const [name] = names;
  return names.size === 1 && name!.length <= BUSINESS_NAME_MAX ? name : undefined;
}
