import type { importProgress as en } from '../en/import-progress';

/** Förloppsindikatorn för en import på inställningssidan. */
export const importProgress: typeof en = {
  label: 'Importens förlopp',
  reading: (done: string, total: string) => `Läser filen: ${done} av ${total} MB`,
  checking: (done: string, total: string) => `Kontrollerar hashar och signaturer: ${done} av ${total}`,
  writing: (done: string, total: string) => `Skriver beslut: ${done} av ${total}`,
  sending: 'Lämnar filen till Scopekeepers bakgrund…',
  listed: (shown: string, total: string) => `Visar ${shown} av ${total}.`,
  showMore: (more: string) => `Visa ${more} till`,
  counts: (accepts: string, revokes: string, extends_: string) =>
    `${accepts} godtagna fynd, ${revokes} återkallelser, ${extends_} förlängningar`,
};
