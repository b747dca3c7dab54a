import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_FACT_MAX,
  evidenceCodes,
  evidenceFacts,
  evidenceSeen,
  evidenceSeenSchema,
  stepEvidenceSchema,
  type EvidenceCode,
  type EvidenceSeen,
} from '@/lib/domain/checklists/evidence-seen';
import { describeEvidence } from '@/lib/domain/i18n';
import { uiLocales } from '@/lib/domain/locales';
import { expectEveryCodeTranslated, expectSentenceForEveryCode, type CodedSentences } from '../coded-facts';

/** Evidence of every code, with the facts the checks give it, and the English sentence the checks wrote
 * when evidence was still English sentences (the panel must show the same words). */
const examples: Record<EvidenceCode, [EvidenceSeen['facts'], string]> = {
  'case-recorded': [undefined, 'The case was recorded when the checklist started.'],
  'business-id-known': [{ businessId: '3228568050780001' }, 'Business ID 3228568050780001.'],
  'listed-pending': [undefined, 'Listed as pending on People.'],
  'listed-accepted-already': [undefined, 'Listed on People (the invitation was accepted).'],
  'listed-accepted': [undefined, 'Listed on People without “pending”.'],
  'least-role-assets': [{ count: 2 }, 'No full control on 2 asset(s).'],
  'least-role-business': [undefined, 'Listed without full control of the business.'],
  'holds-assets': [{ assets: 'Sjöbod Café, Sjöbod Ads' }, 'Holds Sjöbod Café, Sjöbod Ads.'],
  'matches-record': [{ count: 3 }, 'The 3 asset(s) shown match the record.'],
  'record-with-end-date': [{ date: '2027-01-31' }, 'Recorded until 2027-01-31.'],
  'partner-absent': [undefined, 'No longer listed on Partners.'],
  'people-absent': [{ count: 4 }, 'None of the 4 person(s) is listed on People.'],
  'system-users-absent': [{ count: 5 }, 'None of the 5 system user(s) is listed.'],
  'asset-roles-absent': [undefined, 'No asset role of theirs is shown any more.'],
  'removal-verified': [undefined, 'The lists read in full show none of them.'],
  'removal-verified-again': [undefined, 'A week later the lists still show none of them.'],
  'export-since-start': [{ date: '2026-11-28' }, 'Ledger exported 2026-11-28.'],
  'end-dates-set': [{ count: 6 }, 'All 6 recorded grant(s) have an end date.'],
  'decision-since-start': [undefined, 'Decisions were recorded during the review.'],
  'unknown-listed': [{ count: 2 }, 'Found at the start: 2 with access that no record approves.'],
  'partners-absent': [{ count: 1 }, 'None of the 1 partner(s) is listed on Partners.'],
  'unknown-absent': [{ count: 3 }, 'The lists read in full show none of the 3 unknown one(s).'],
  'incident-documented': [{ date: '2026-11-29' }, 'What happened was recorded on 2026-11-29.'],
  'review-decided': [{ count: 7 }, 'The access review has a decision for each of its 7 access(es).'],
  'review-removals-verified': [
    { count: 2 },
    'Every removal decided in the access review (2) was seen gone on the page.',
  ],
  'review-report': [{ date: '2026-11-30' }, 'The access review’s report was produced 2026-11-30.'],
};

const seenOf = (code: EvidenceCode): EvidenceSeen => {
  const facts = examples[code][0];
  return facts ? { code, facts } : { code };
};

const sentences: CodedSentences<EvidenceCode, EvidenceSeen> = {
  codes: evidenceCodes,
  example: seenOf,
  schema: evidenceSeenSchema,
  facts: evidenceFacts,
  describe: describeEvidence,
  notInSentence: /undefined|\[object/,
};

describe('checklist evidence as codes with facts', () => {
  it('keeps the English sentences the checks used to write', () => {
    for (const code of evidenceCodes)
      expect(describeEvidence('en', seenOf(code)), code).toBe(examples[code][1]);
  });

  it('has a sentence for every code in every UI language, with every fact in it', () => {
    expectSentenceForEveryCode(sentences);
  });

  it('is translated: no Swedish or French sentence is the English one', () => {
    expectEveryCodeTranslated(sentences);
  });

  it('shows the English sentence of an older tick as it was, in every language', () => {
    const legacy = 'Listed as pending on People.';
    expect(stepEvidenceSchema.parse(legacy)).toBe(legacy);
    for (const locale of uiLocales) expect(describeEvidence(locale, legacy)).toBe(legacy);
  });

  it('bounds the asset names it carries, so a run always validates', () => {
    const names = Array.from({ length: 60 }, (_, i) => `Sjöbod Café page number ${i}`).join(', ');
    const seen = evidenceSeen('holds-assets', { assets: names });
    expect(seen.facts?.assets).toHaveLength(EVIDENCE_FACT_MAX);
    expect(seen.facts?.assets).toMatch(/…$/);
    expect(evidenceSeenSchema.safeParse(seen).success).toBe(true);
    expect(evidenceSeen('partner-absent')).toEqual({ code: 'partner-absent' });
  });

  it('refuses unknown codes, unknown facts and negative counts', () => {
    expect(evidenceSeenSchema.safeParse({ code: 'something-else' }).success).toBe(false);
    expect(evidenceSeenSchema.safeParse({ code: 'people-absent', facts: { name: 'Anna' } }).success).toBe(
      false,
    );
    expect(evidenceSeenSchema.safeParse({ code: 'people-absent', facts: { count: -1 } }).success).toBe(false);
  });
});
