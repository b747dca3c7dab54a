import type { UiLocale } from '../locales';
import { onPage as en } from './en/on-page';
import { reportProblems as enProblems } from './en/problems';
import { onPage as fr } from './fr/on-page';
import { reportProblems as frProblems } from './fr/problems';
import { problemMessageName, reportProblemCodes, type PageMessageName, type Say } from './on-page';
import { onPage as sv } from './sv/on-page';
import { reportProblems as svProblems } from './sv/problems';

const words = { en, sv, fr } satisfies Record<UiLocale, typeof en>;
const problems = { en: enProblems, sv: svProblems, fr: frProblems } satisfies Record<
  UiLocale,
  typeof enProblems
>;

/**
 * The page's sentences in one language (on-page.ts), as `_locales/<locale>/messages.json` holds them:
 * each the catalogue's own sentence, with `$1`, `$2` where its facts go. wxt.config.ts writes them into the
 * build; tests say them with `sayFrom`. Fails when a sentence has a `$` of its own or uses a fact the page
 * does not pass, so that no sentence can differ from the catalogue's.
 */
export function pageMessages(locale: UiLocale): Record<PageMessageName, string> {
  const w = words[locale];
  const out: Partial<Record<PageMessageName, string>> = {
    page_refused: w.refused('$1'),
    page_tooLarge: w.tooLarge,
    page_invalid: w.invalid('$1'),
    page_unreachable: w.unreachable,
    page_dismiss: w.dismiss,
  };
  for (const code of reportProblemCodes) {
    const facts = new Proxy({} as Record<string, string>, {
      get: (_, key) => {
        if (key === 'field') return '$1';
        if (key === 'message') return '$2';
        throw new Error(`The page passes no “${String(key)}” to ${code}'s sentence (on-page.ts).`);
      },
    });
    out[problemMessageName(code)] = problems[locale][code](facts);
  }
  // A `$` of its own, or `$1$2` (which a browser reads as a named placeholder), would be said otherwise.
  for (const [name, message] of Object.entries(out) as [string, string][])
    if (/\$(?![12](?!\d))|\$\w+\$/.test(message)) throw new Error(`${name} in ${locale} has a $ of its own.`);
  return out as Record<PageMessageName, string>;
}

/** Says page sentences from `pageMessages`, as `browser.i18n.getMessage` does from the build's files. */
export function sayFrom(messages: Record<PageMessageName, string>): Say {
  return (name, substitutions = []) =>
    (messages[name] ?? '').replace(/\$([1-9])/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** `pageMessages` as the entries of a messages.json file. */
export function pageMessagesFile(locale: UiLocale): Record<string, { message: string; description: string }> {
  return Object.fromEntries(
    Object.entries(pageMessages(locale)).map(([name, message]) => [
      name,
      { message, description: 'Said on the Business Settings page (lib/domain/i18n/on-page.ts).' },
    ]),
  );
}
