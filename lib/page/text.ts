/**
 * Text normalisation for matching page words against the lexicon (LEXICON.md preamble): NFKC (which also
 * turns no-break and narrow no-break spaces into spaces), typographic apostrophes and quotes folded,
 * whitespace folded, lower-cased, trimmed.
 */
export function normalizeText(text: string): string {
  const cached = normalized.get(text);
  if (cached !== undefined) return cached;
  if (normalized.size > 20_000) normalized.clear();
  const result = normalizeUncached(text);
  normalized.set(text, result);
  return result;
}

// Labels repeat on every row ("Basic access", "Pending"): normalising each distinct text once keeps a
// 5,000-row read fast. Bounded, so a long session cannot grow it without end.
const normalized = new Map<string, string>();

function normalizeUncached(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2019\u2018\u02bc\u2032]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Display text as read from the page: directional overrides and control characters removed, whitespace folded. */
export function cleanDisplayText(text: string): string {
  // Most page text is plain printable ASCII: fold its whitespace without the Unicode work.
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/ {2,}/g, ' ').trim();
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const emailSearch = /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}/;

export function isEmail(text: string): boolean {
  return emailPattern.test(text.trim());
}

export function findEmail(text: string): string | undefined {
  return emailSearch.exec(text)?.[0];
}
