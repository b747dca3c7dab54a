import type { Catalogue } from '../shape';

/** The panel's long lists in Swedish (see en/panel-lists.ts). */
export const panelLists: Catalogue['panelLists'] = {
  ruleTitles: {
    'unrecorded-full-control': 'Full kontroll utan dokumentation',
    'new-partner': 'Ny partner utan dokumentation',
    'unrecorded-access': 'Åtkomst given utan dokumentation',
    'third-party-full-control': 'Extern part med full kontroll',
    'full-control-person': 'Full kontroll hos en annan person',
    'single-full-control': 'Bara en person med full kontroll',
    'too-many-full-control': 'För många med full kontroll',
    'public-email-domain': 'Privat e-postadress',
    'pending-invite': 'Väntande inbjudan',
    'stale-pending-invite': 'Inbjudan har väntat för länge',
    'undocumented-third-party': 'Extern part utan dokumentation',
    'no-expiry': 'Extern åtkomst utan slutdatum',
    'expiring-soon': 'Åtkomst som snart upphör',
    'expired-access-present': 'Åtkomst som visas efter sitt slutdatum',
    'broad-partner-scope': 'Partner med åtkomst till många tillgångar',
    'unapproved-partner': 'Partner som inte är godkänd',
    'invite-full-control': 'Inbjudan ger full kontroll',
    'invite-no-expiry': 'Inbjudan utan slutdatum',
  },
  byRule: 'Fynd per regel',
  findingCount: (n) => (n === 1 ? '1 fynd' : `${n} fynd`),
  acceptedCount: (n) => `${n} godkända`,
  findingsOf: (rule) => `Fynd: ${rule}`,
  explain: 'Varför och hur du åtgärdar',
  subjectFindings: (name) => `${name}: alla fynd och dokumentation`,
  closeSubject: 'Stäng',
};
