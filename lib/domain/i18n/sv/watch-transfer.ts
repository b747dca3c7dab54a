import type { watchTransfer as en } from '../en/watch-transfer';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Orden för en imports utgångslägen och ändringslogg (se en/watch-transfer.ts). */
export const watchTransfer: typeof en = {
  counts: (businesses, changes) =>
    `utgångslägen för ${businesses} ${plural(businesses, 'företag', 'företag')}, ${changes} ${plural(changes, 'ändring', 'ändringar')}`,
  heading: (businesses, changes, fresh) =>
    `Utgångslägen för ${businesses} företag och ${changes} ${plural(changes, 'ändring', 'ändringar')} (${fresh} finns inte här)`,
  status: {
    ours: 'De är dina egna (signerade med din nyckel): de slås ihop med det Scopekeeper vet här.',
    trusted: 'De kommer från en kollega du litar på (signerade med kollegans nyckel): de slås ihop.',
    untrusted:
      'De kommer från en kollega du inte litar på: de tillämpas inte om du inte litar på kollegan. Ett utgångsläge avgör vem som räknas som ny vid nästa läsning, så ett från en fil du inte litar på kan dölja en inkräktare.',
    unverified:
      'De är inte signerade med en nyckel du har eller litar på: de tillämpas inte. Bara dina egna säkerhetskopior och filer från kollegor du litar på kan avgöra vad som räknas som känt här.',
    keyChanged:
      'Den här liggaren signeras nu med en annan nyckel: de tillämpas bara om du godtar den nya nyckeln (och litar på kollegan).',
  },
  baseline: (business, replaces, taken, added) =>
    replaces
      ? `slår ihop utgångsläget för företaget ${business}: uppgifterna om ${taken} ${plural(taken, 'person eller part', 'personer och parter')} kommer från filen (${added} okända här) och rapporteras inte som nya vid nästa läsning`
      : `tar utgångsläget för företaget ${business} (${taken} ${plural(taken, 'person eller part', 'personer och parter')}): ingen av dem rapporteras som ny vid nästa läsning`,
  notApplied: 'tillämpas inte',
  applied: 'utgångslägen och ändringar sammanslagna',
  skipped: 'utgångslägen och ändringar tillämpades inte (varken dina egna eller från en kollega du litar på)',
};
