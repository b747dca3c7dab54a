import type { ChangeKind } from '../baseline';
import type { UiLocale } from '../locales';
import { defineRule, type RawFinding } from './types';
import { changesOnPage, more } from './watch-facts';
import { placeOf, who } from './words';

type Phrases = Record<Exclude<ChangeKind, 'principal-removed' | 'asset-removed'>, (f: RawFinding) => string>;
const asset = (f: RawFinding, open: string, close: string) => `${open}${String(f.facts!.asset)}${close}`;

/** What the first change did, in each language (the subject's name comes before it). */
const phrases: Record<UiLocale, Phrases> = {
  en: {
    'principal-added': () => 'was added',
    'portfolio-access-raised': () => 'got more access to the business portfolio',
    'full-control-to-third-party': () => 'got full control of the business portfolio',
    'asset-added': (f) => `was given access to ${asset(f, '“', '”')}`,
    'asset-access-raised': (f) => `got more access to ${asset(f, '“', '”')}`,
    'task-added': (f) => `got a new task on ${asset(f, '“', '”')}`,
    'end-date-removed': () => 'lost the end date of their access',
    'end-date-extended': (f) => `had the end date of their access moved to ${String(f.facts!.to)}`,
  },
  sv: {
    'principal-added': () => 'lades till',
    'portfolio-access-raised': () => 'fick mer åtkomst till företagsportföljen',
    'full-control-to-third-party': () => 'fick full kontroll över företagsportföljen',
    'asset-added': (f) => `fick åtkomst till ${asset(f, '”', '”')}`,
    'asset-access-raised': (f) => `fick mer åtkomst till ${asset(f, '”', '”')}`,
    'task-added': (f) => `fick en ny uppgift på ${asset(f, '”', '”')}`,
    'end-date-removed': () => 'fick slutdatumet för sin åtkomst borttaget',
    'end-date-extended': (f) => `fick slutdatumet för sin åtkomst flyttat till ${String(f.facts!.to)}`,
  },
  fr: {
    'principal-added': () => 'a reçu un accès',
    'portfolio-access-raised': () => 'a reçu plus d’accès au portefeuille d’entreprise',
    'full-control-to-third-party': () => 'a obtenu le contrôle total du portefeuille d’entreprise',
    'asset-added': (f) => `a reçu un accès à ${asset(f, '« ', ' »')}`,
    'asset-access-raised': (f) => `a reçu plus d’accès à ${asset(f, '« ', ' »')}`,
    'task-added': (f) => `a reçu une nouvelle tâche sur ${asset(f, '« ', ' »')}`,
    'end-date-removed': () => 'n’a plus de date de fin d’accès',
    'end-date-extended': (f) => `a vu sa date de fin d’accès repoussée au ${String(f.facts!.to)}`,
  },
};
const phrase = (locale: UiLocale, f: RawFinding) =>
  phrases[locale][f.facts!.change as keyof Phrases]?.(f) ?? phrases[locale]['principal-added'](f);

/**
 * Since the last visit someone gained access short of full control (added, a new asset, a new task, more
 * access, an end date removed or moved later), and no record approves it (issue 13).
 */
export default defineRule({
  id: 'unrecorded-access',
  severity: 'medium',
  scope: 'page',
  // Not a new partner's changes: `new-partner` speaks of those.
  check: changesOnPage((c) => !c.fullControl),
  text: {
    en: {
      message: (f) =>
        `${who(f.principal)} ${phrase('en', f)} (first seen ${f.facts!.seen}), and no record approves it.${more(f.facts!.more, 'One more change of theirs is unrecorded.', (n) => `${n} more changes of theirs are unrecorded.`)}`,
      why: 'Access given outside the record is how sprawl grows: a contractor added “for a day” stays for years. Each access needs a case, an approver and an end date.',
      fix: (f) =>
        `If it was approved, use “Document access” in this panel for ${f.principal.name} (the case, who approved it, the assets and the end date). If not, undo it in ${placeOf('en', f.principal)}.`,
    },
    sv: {
      message: (f) =>
        `${who(f.principal)} ${phrase('sv', f)} (sågs första gången ${f.facts!.seen}), och inget dokument godkänner det.${more(f.facts!.more, 'Ytterligare en av deras ändringar är odokumenterad.', (n) => `Ytterligare ${n} av deras ändringar är odokumenterade.`)}`,
      why: 'Åtkomst som ges utanför dokumentationen är hur spridningen växer: en konsult som läggs till ”för en dag” blir kvar i åratal. Varje åtkomst behöver ett uppdrag, en godkännare och ett slutdatum.',
      fix: (f) =>
        `Om det godkändes, använd ”Dokumentera åtkomst” i den här panelen för ${f.principal.name} (uppdraget, vem som godkände, tillgångarna och slutdatum). Om inte, ångra det i ${placeOf('sv', f.principal)}.`,
    },
    fr: {
      message: (f) =>
        `${who(f.principal)} ${phrase('fr', f)} (vu pour la première fois le ${f.facts!.seen}), et aucun enregistrement ne l’approuve.${more(f.facts!.more, 'Un autre de ses changements n’est pas enregistré.', (n) => `${n} autres de ses changements ne sont pas enregistrés.`)}`,
      why: 'C’est ainsi que l’éparpillement des accès grandit : un prestataire ajouté « pour un jour » reste des années. Chaque accès a besoin d’une mission, d’un approbateur et d’une date de fin.',
      fix: (f) =>
        `Si c’était approuvé, utilisez « Documenter l’accès » dans ce panneau pour ${f.principal.name} (la mission, qui l’a approuvée, les éléments et la date de fin). Sinon, annulez-le dans ${placeOf('fr', f.principal)}.`,
    },
  },
});
