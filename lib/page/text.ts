/**
 * Format characters that show nothing (or only steer direction) yet make two texts differ: zero-width
 * space, non-joiner and joiner, LRM/RLM, bidi embeddings, overrides and isolates, word joiner and the
 * invisible operators, soft hyphen, Arabic letter mark, Hangul fillers, Mongolian vowel separator,
 * combining grapheme joiner, byte-order mark and tag characters. Someone else's name can carry them to
 * look like a lexicon word, or like another person's name or address (issue 10, item 4). One character
 * class, matched character by character: linear on any length.
 */
// Each code point in the class is meant alone (a joiner or a combining mark is exactly what is looked for).
const hidden =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]/u;
// eslint-disable-next-line no-misleading-character-class
const hiddenGlobal = new RegExp(hidden.source, 'gu');

export function hasHiddenCharacters(text: string): boolean {
  return hidden.test(text);
}

export function stripHiddenCharacters(text: string): string {
  return hidden.test(text) ? text.replace(hiddenGlobal, '') : text;
}

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
  // Plain printable ASCII (most page text) has nothing for NFKC, the quote folds or the hidden characters
  // to change: only its spaces are folded.
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/ {2,}/g, ' ').trim().toLowerCase();
  return stripHiddenCharacters(text)
    .normalize('NFKC')
    .replace(/[\u2019\u2018\u02bc\u2032]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Display text as read from the page: hidden format characters and control characters removed, whitespace folded. */
export function cleanDisplayText(text: string): string {
  // Most page text is plain printable ASCII: fold its whitespace without the Unicode work.
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/ {2,}/g, ' ').trim();
  return (
    stripHiddenCharacters(text)
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
/** A character an address may hold (outside the `@`): what `emailPattern` allows. */
const emailChar = /[^\s@<>()[\]\\,;:"]/;
const isAsciiLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

export function isEmail(text: string): boolean {
  return emailPattern.test(text.trim());
}

/**
 * The first e-mail address in a text: `local@domain.tld` with a letters-only top-level domain. A scan out
 * from each `@`, linear in the text's length: a pattern searched from every position would take quadratic
 * time on a long name without spaces, and names are written by other people.
 */
export function findEmail(text: string): string | undefined {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && emailChar.test(text[start - 1]!)) start--;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && emailChar.test(text[end]!)) end++;
    // The last dot of the domain that is followed by two letters or more, with something before it.
    for (let dot = end - 1; dot > at + 1; dot--) {
      if (text[dot] !== '.' || !isAsciiLetter(text[dot + 1]) || !isAsciiLetter(text[dot + 2])) continue;
      let tld = dot + 1;
      while (tld < end && isAsciiLetter(text[tld])) tld++;
      return text.slice(start, tld);
    }
  }
  return undefined;
}
