import type { ChecklistRun } from '@/lib/domain/checklists/runs';

/**
 * A checklist run as Scopekeeper stored and exported it before evidence had codes: each evidence tick
 * holds the English sentence shown then. Such runs stay in IndexedDB and in exported files; they must
 * read, export and import as they are.
 */
export const legacyRun: ChecklistRun = {
  id: 'run-legacy-1',
  businessId: '1203456789012345',
  templateId: 'onboard-person',
  subject: 'person:lena@studio.example',
  case: 'Christmas menu photos',
  related: [],
  createdAt: '2026-11-01T09:00:00.000Z',
  status: 'open',
  steps: [
    {
      id: 'define-case',
      done: true,
      at: '2026-11-01T09:00:05.000Z',
      how: 'evidence',
      evidence: 'The case was recorded when the checklist started.',
    },
    {
      id: 'least-role',
      done: true,
      at: '2026-11-01T09:10:00.000Z',
      how: 'evidence',
      evidence: 'Listed without full control of the business.',
    },
    { id: 'set-end-date', done: true, at: '2026-11-01T09:12:00.000Z', how: 'hand' },
    {
      id: 'send-invite',
      done: true,
      at: '2026-11-01T09:10:00.000Z',
      how: 'evidence',
      evidence: 'Listed as pending on People.',
    },
    {
      id: 'confirm-delivery',
      done: true,
      at: '2026-11-01T09:10:00.000Z',
      how: 'evidence',
      evidence: 'Listed as pending on People.',
    },
    { id: 'confirm-acceptance', done: false },
    { id: 'verify-access', done: false },
    { id: 'document-decision', done: false },
    { id: 'schedule-review', done: false },
  ],
};
