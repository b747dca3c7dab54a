/**
 * What DESIGN.md's rules say about the sample portfolio (own domain: sjobod.se), as
 * `${subject} ${ruleId} ${severity}`, sorted: the same facts whichever browser reads the page
 * (findings.test.ts in Chromium, firefox.test.ts in Firefox).
 */
export const samplePeopleFindings = [
  'person:eve@contractor.example no-expiry medium',
  'person:eve@contractor.example undocumented-third-party low',
  'person:lisa.k@gmail.com pending-invite low',
  'person:lisa.k@gmail.com public-email-domain medium',
  'person:lisa.k@gmail.com undocumented-third-party low',
  'person:nils@byraab.se full-control-person medium',
  'person:nils@byraab.se no-expiry medium',
  'person:nils@byraab.se third-party-full-control high',
  'person:nils@byraab.se undocumented-third-party low',
  'person:omar@pixelverket.fr undocumented-third-party low',
];

/** The sample portfolio's Partners, read on the partner pane. */
export const samplePartnerFindings = [
  'partner:3228568050780001 no-expiry medium',
  'partner:3228568050780001 third-party-full-control high',
  'partner:3228568050780001 undocumented-third-party low',
  'partner:3228568050780002 no-expiry medium',
  'partner:3228568050780002 undocumented-third-party low',
];
