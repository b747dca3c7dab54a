import { useCallback, useState } from 'react';
import { describeProblem } from '@/lib/domain/i18n/words';
import type { UiLocale } from '@/lib/domain/locales';
import type { Problem } from '@/lib/domain/problems';

/**
 * Says a refused or failed request in the admin's words, where it was asked (issue 11, item 5: no
 * command's answer is dropped). `check` takes any reply and passes it on; `shown` is the alert, if any.
 */
export function useRefusal(locale: UiLocale) {
  const [text, setText] = useState<string | undefined>();
  const check = useCallback(
    <R extends { ok: true } | { ok: false; error: Problem }>(reply: R): R => {
      setText(reply.ok ? undefined : describeProblem(locale, reply.error));
      return reply;
    },
    [locale],
  );
  const shown = text ? (
    <p role="alert" data-refused="">
      {text}
    </p>
  ) : null;
  return { check, shown };
}
