/**
 * The panel's long lists (issue 12, item 4): findings grouped by rule with their counts, a finding's
 * explanation shown on demand, and a subject's findings opened from any of them.
 */
export const panelLists = {
  /** A short name per rule (its id stays the public contract; this is what the admin reads). */
  ruleTitles: {
    'unrecorded-full-control': 'Full control gained with no record',
    'new-partner': 'New partner with no record',
    'unrecorded-access': 'Access given with no record',
    'third-party-full-control': 'Third party with full control',
    'full-control-person': 'Full control held by another person',
    'single-full-control': 'Only one person with full control',
    'too-many-full-control': 'Too many people with full control',
    'public-email-domain': 'Consumer e-mail address',
    'pending-invite': 'Pending invitation',
    'stale-pending-invite': 'Invitation pending for too long',
    'undocumented-third-party': 'Third party without a record',
    'no-expiry': 'Third-party access without an end date',
    'expiring-soon': 'Access ending soon',
    'expired-access-present': 'Access still shown after its end date',
    'broad-partner-scope': 'Partner with access to many assets',
    'unapproved-partner': 'Partner not on the approved list',
    'admin-system-user': 'System user with full control',
    'system-user-broad-scope': 'System user on many assets',
    'undocumented-system-user': 'System user without a record',
    'invite-full-control': 'Invitation grants full control',
    'invite-no-expiry': 'Invitation without an end date',
    'two-factor-not-required': 'Two-factor authentication not required',
    'person-without-two-factor': 'Person without two-factor authentication',
    'inactive-person': 'Inactive person with access',
  } as Record<string, string>,
  byRule: 'Findings by rule',
  findingCount: (n: number) => (n === 1 ? '1 finding' : `${n} findings`),
  acceptedCount: (n: number) => `${n} accepted`,
  findingsOf: (rule: string) => `Findings: ${rule}`,
  explain: 'Why and how to fix',
  subjectFindings: (name: string) => `${name}: all findings and record`,
  closeSubject: 'Close',
  /** A finding about the business itself, when the page showed no name for it. */
  businessSubject: (id: string) => `Business portfolio ${id}`,
};
