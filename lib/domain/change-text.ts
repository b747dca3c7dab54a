import type { Change } from './baseline';
import type { Verdict } from './change-approval';
import { catalogue } from './i18n';
import { navigation, portfolioAccess } from './lexicon';
import type { UiLocale } from './locales';
import { describeSubject } from './reminder-text';
import { quoted, words } from './rules/words';
import { assetAccesses, portfolioAccesses, taskKeys, type AssetAccess, type PageKind } from './snapshot';

/**
 * A change of the timeline (issue 13, item 5) in the admin's words: one sentence per kind of change, with
 * Meta's own words for access levels, tasks, asset types and lists (the lexicon's first variant, as the
 * rules' messages quote them). What the page showed (names, asset names, dates) is given as text.
 */
export function describeChange(locale: UiLocale, change: Change): string {
  const t = catalogue(locale).changes.what;
  const asset = change.asset
    ? `${words[locale].assetTypeSingular[change.asset.type]} ${quoted(locale, change.asset.name)}`
    : '';
  switch (change.kind) {
    case 'principal-added':
      return t.added[change.principalKind];
    case 'principal-removed':
      return t.removed[change.principalKind];
    case 'portfolio-access-raised':
      return t.portfolioRaised(portfolioName(locale, change.from), portfolioName(locale, change.to));
    case 'asset-added':
      return t.assetAdded(asset, assetAccessName(locale, change.to, change.asset?.type));
    case 'asset-access-raised':
      return t.assetRaised(
        asset,
        assetAccessName(locale, change.from, change.asset?.type),
        assetAccessName(locale, change.to, change.asset?.type),
      );
    case 'task-added':
      return t.taskAdded(asset, taskName(locale, change.to));
    case 'asset-removed':
      return t.assetRemoved(asset);
    case 'end-date-removed':
      return t.endDateRemoved(change.from ?? '');
    case 'end-date-extended':
      return t.endDateExtended(change.from ?? '', change.to ?? '');
    case 'full-control-to-third-party':
      return t.fullControlToThirdParty(
        change.replaced ? describeSubject(locale, change.replaced) : t.someone,
      );
  }
}

/** Whether and how the ledger approves a change (the record's own id; its case is the page's to add). */
export function describeVerdict(locale: UiLocale, verdict: Verdict): string {
  const t = catalogue(locale).changes.verdict;
  switch (verdict.status) {
    case 'approved':
      return verdict.record.kind === 'grant' ? t.grant(verdict.record.id) : t.decision(verdict.record.id);
    case 'onboarding':
      return t.onboarding(verdict.runId);
    case 'unrecorded':
      return t.unrecorded;
    case 'informational':
      return t.informational;
  }
}

/** A page kind's name: Meta's own for its lists (the lexicon), Scopekeeper's for the rest. */
export function pageKindName(locale: UiLocale, kind: PageKind): string {
  if (kind === 'people' || kind === 'partners' || kind === 'system-users')
    return navigation[kind][locale][0]!;
  return catalogue(locale).panel.pageKinds[kind];
}

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

function portfolioName(locale: UiLocale, access: string | undefined): string {
  if (!isOneOf(portfolioAccesses, access) || access === 'unknown')
    return catalogue(locale).panel.accessNotShown;
  return portfolioAccess[access][locale][0]!.replace(/'/g, '’');
}

function assetAccessName(
  locale: UiLocale,
  access: string | undefined,
  type: keyof (typeof words)['en']['full'] | undefined,
): string {
  if (!isOneOf<AssetAccess>(assetAccesses, access)) return catalogue(locale).panel.accessNotShown;
  if (access === 'full') return type ? words[locale].full[type] : words[locale].fullControl;
  if (access === 'full-except-sensitive') return catalogue(locale).panel.fullExceptSensitive;
  return words[locale].partialAccess;
}

function taskName(locale: UiLocale, task: string | undefined): string {
  return isOneOf(taskKeys, task) ? words[locale].tasks[task] : (task ?? '');
}
