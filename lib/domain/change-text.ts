import type { Change, ChangeKind } from './baseline';
import type { Verdict } from './change-approval';
import { portfolioAccess } from './lexicon';
import type { UiLocale } from './locales';
import { words } from './rules/words';
import type { AssetAccess, PortfolioAccess, TaskKey } from './snapshot';

/**
 * What a change of the timeline did, in the admin's language (issue 13, item 5): one sentence with who and
 * what, access levels in Meta's own words. Names are page text: the screens show the sentence as text.
 */
export function changeSentence(locale: UiLocale, change: Change, fullControl = false): string {
  // Someone new who holds full control is said so: "was added" alone reads like any contractor.
  const added = change.kind === 'principal-added' && fullControl;
  return `${change.name} ${added ? addedWithFullControl[locale] : phrase(locale, change)}`;
}

const addedWithFullControl: Record<UiLocale, string> = {
  en: 'was added, with full control',
  sv: 'lades till, med full kontroll',
  fr: 'a reçu un accès, avec le contrôle total',
};

/** A portfolio access level as Business Settings words it (the lexicon's first variant). */
function portfolioWord(locale: UiLocale, access: string | undefined): string {
  if (access === 'partial') return portfolioAccess.partial[locale][0]!;
  const variants = portfolioAccess[access as Exclude<PortfolioAccess, 'unknown' | 'partial'>];
  return variants ? variants[locale][0]! : (access ?? '?');
}

function assetWord(locale: UiLocale, access: string | undefined, change: Change): string {
  const w = words[locale];
  switch (access as AssetAccess | undefined) {
    case 'full':
      return change.asset ? w.full[change.asset.type] : w.fullControl;
    case 'full-except-sensitive':
      return {
        en: 'full control except sensitive tasks',
        sv: 'full kontroll utom känsliga uppgifter',
        fr: 'contrôle total sauf tâches sensibles',
      }[locale];
    case 'partial':
      return w.partialAccess;
    default:
      return access ?? '?';
  }
}

const taskWord = (locale: UiLocale, task: string | undefined) =>
  words[locale].tasks[task as TaskKey] ?? task ?? '?';

type Phrases = Record<ChangeKind, (c: Change, name: string) => string>;

const phrases: Record<UiLocale, Phrases> = {
  en: {
    'principal-added': () => 'was added',
    'principal-removed': () => 'was removed',
    'portfolio-access-raised': (c) =>
      `got more access to the business portfolio: ${portfolioWord('en', c.from)} → ${portfolioWord('en', c.to)}`,
    'full-control-to-third-party': () =>
      'got full control of the business portfolio in place of someone from your own organisation',
    'asset-added': (c, asset) => `was given access to “${asset}” (${assetWord('en', c.to, c)})`,
    'asset-access-raised': (c, asset) =>
      `got more access to “${asset}”: ${assetWord('en', c.from, c)} → ${assetWord('en', c.to, c)}`,
    'task-added': (c, asset) => `got the task “${taskWord('en', c.to)}” on “${asset}”`,
    'asset-removed': (_, asset) => `no longer has access to “${asset}”`,
    'end-date-removed': (c) => `lost the end date of their access (was ${c.from ?? '?'})`,
    'end-date-extended': (c) =>
      `had the end date of their access moved from ${c.from ?? '?'} to ${c.to ?? '?'}`,
  },
  sv: {
    'principal-added': () => 'lades till',
    'principal-removed': () => 'togs bort',
    'portfolio-access-raised': (c) =>
      `fick mer åtkomst till företagsportföljen: ${portfolioWord('sv', c.from)} → ${portfolioWord('sv', c.to)}`,
    'full-control-to-third-party': () =>
      'fick full kontroll över företagsportföljen i stället för någon från din egen organisation',
    'asset-added': (c, asset) => `fick åtkomst till ”${asset}” (${assetWord('sv', c.to, c)})`,
    'asset-access-raised': (c, asset) =>
      `fick mer åtkomst till ”${asset}”: ${assetWord('sv', c.from, c)} → ${assetWord('sv', c.to, c)}`,
    'task-added': (c, asset) => `fick uppgiften ”${taskWord('sv', c.to)}” på ”${asset}”`,
    'asset-removed': (_, asset) => `har inte längre åtkomst till ”${asset}”`,
    'end-date-removed': (c) => `fick slutdatumet för sin åtkomst borttaget (var ${c.from ?? '?'})`,
    'end-date-extended': (c) =>
      `fick slutdatumet för sin åtkomst flyttat från ${c.from ?? '?'} till ${c.to ?? '?'}`,
  },
  fr: {
    'principal-added': () => 'a reçu un accès',
    'principal-removed': () => 'a été retiré',
    'portfolio-access-raised': (c) =>
      `a reçu plus d’accès au portefeuille d’entreprise : ${portfolioWord('fr', c.from)} → ${portfolioWord('fr', c.to)}`,
    'full-control-to-third-party': () =>
      'a obtenu le contrôle total du portefeuille d’entreprise à la place d’une personne de votre organisation',
    'asset-added': (c, asset) => `a reçu un accès à « ${asset} » (${assetWord('fr', c.to, c)})`,
    'asset-access-raised': (c, asset) =>
      `a reçu plus d’accès à « ${asset} » : ${assetWord('fr', c.from, c)} → ${assetWord('fr', c.to, c)}`,
    'task-added': (c, asset) => `a reçu la tâche « ${taskWord('fr', c.to)} » sur « ${asset} »`,
    'asset-removed': (_, asset) => `n’a plus accès à « ${asset} »`,
    'end-date-removed': (c) => `n’a plus de date de fin d’accès (c’était le ${c.from ?? '?'})`,
    'end-date-extended': (c) => `a vu sa date de fin d’accès repoussée du ${c.from ?? '?'} au ${c.to ?? '?'}`,
  },
};

function phrase(locale: UiLocale, change: Change): string {
  return phrases[locale][change.kind](change, change.asset?.name ?? '?');
}

/** What the ledger says of a change, in a few words: approved by which record, or not. */
export function verdictText(locale: UiLocale, verdict: Verdict): string {
  const t = {
    en: {
      informational: 'For information',
      grant: (id: string) => `Approved by grant record ${id}`,
      decision: (id: string) => `Approved by decision ${id}`,
      onboarding: 'Made through a Scopekeeper onboarding checklist',
      unrecorded: 'Unrecorded: no record approves it',
    },
    sv: {
      informational: 'För kännedom',
      grant: (id: string) => `Godkänd av åtkomstposten ${id}`,
      decision: (id: string) => `Godkänd av beslutet ${id}`,
      onboarding: 'Gjord genom en checklista för introduktion i Scopekeeper',
      unrecorded: 'Odokumenterad: inget dokument godkänner den',
    },
    fr: {
      informational: 'Pour information',
      grant: (id: string) => `Approuvé par la fiche d’accès ${id}`,
      decision: (id: string) => `Approuvé par la décision ${id}`,
      onboarding: 'Fait avec une liste de contrôle d’intégration Scopekeeper',
      unrecorded: 'Non enregistré : aucun enregistrement ne l’approuve',
    },
  }[locale];
  switch (verdict.status) {
    case 'informational':
      return t.informational;
    case 'approved':
      return verdict.record.kind === 'grant' ? t.grant(verdict.record.id) : t.decision(verdict.record.id);
    case 'onboarding':
      return t.onboarding;
    case 'unrecorded':
      return t.unrecorded;
  }
}
