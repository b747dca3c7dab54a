import { navigation } from '@/lib/domain/lexicon';
import type { UiLocale } from '@/lib/domain/locales';
import type { PageKind } from '@/lib/domain/snapshot';
import { catalogue } from '@/lib/domain/i18n/words';

/** A page kind's name: Meta's own for its lists (the lexicon), ours for the rest. */
export function kindName(locale: UiLocale, kind: PageKind): string {
  if (kind === 'people' || kind === 'partners' || kind === 'system-users')
    return navigation[kind][locale][0]!;
  return catalogue(locale).panel.pageKinds[kind];
}
