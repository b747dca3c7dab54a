import type { UiLocale } from '@/lib/domain/rules/types';

/** The panel's own words, in the UI languages Scopekeeper speaks. */
const en = {
  findings: 'Findings',
  clean: 'Nothing to fix here: no finding on what Scopekeeper has read of this business.',
  summary: (h: number, m: number, l: number) => `${h} high · ${m} medium · ${l} low`,
  severity: { high: 'High', medium: 'Medium', low: 'Low' },
  why: 'Why it matters',
  fix: 'How to fix',
  showOnPage: 'Show on page',
  onThisPage: 'On this page',
  ruleFailed: (id: string) => `The rule ${id} failed and was skipped; the other rules ran.`,
  waiting: 'Waiting for the page to settle…',
};
type PanelText = typeof en;

const sv: PanelText = {
  findings: 'Fynd',
  clean: 'Inget att åtgärda: inga fynd i det Scopekeeper har läst om företaget.',
  summary: (h, m, l) => `${h} hög · ${m} medel · ${l} låg`,
  severity: { high: 'Hög', medium: 'Medel', low: 'Låg' },
  why: 'Varför det spelar roll',
  fix: 'Så åtgärdar du',
  showOnPage: 'Visa på sidan',
  onThisPage: 'På den här sidan',
  ruleFailed: (id) => `Regeln ${id} misslyckades och hoppades över; de andra reglerna kördes.`,
  waiting: 'Väntar på att sidan ska laddas klart…',
};

const fr: PanelText = {
  findings: 'Constats',
  clean: 'Rien à corriger : aucun constat sur ce que Scopekeeper a lu de cette entreprise.',
  summary: (h, m, l) => `${h} élevé · ${m} moyen · ${l} faible`,
  severity: { high: 'Élevé', medium: 'Moyen', low: 'Faible' },
  why: 'Pourquoi c’est important',
  fix: 'Comment corriger',
  showOnPage: 'Afficher sur la page',
  onThisPage: 'Sur cette page',
  ruleFailed: (id) => `La règle ${id} a échoué et a été ignorée ; les autres règles ont été appliquées.`,
  waiting: 'En attente du chargement de la page…',
};

export const panelText: Record<UiLocale, PanelText> = { en, sv, fr };
