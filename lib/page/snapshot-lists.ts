/**
 * The lists a snapshot's values come from (lib/domain/snapshot.ts, read-problems.ts, locales.ts), as the
 * reader's last check holds what it sends to them (normalize.ts). Data only: the content script's build
 * reads them from `_locales` with the reader's words (page-data.ts); everything else imports them from
 * lib/domain.
 */
export { snapshotLocales } from '../domain/locales';
export { readProblemCodes, readProblemFactNames } from '../domain/read-problems';
export {
  assetAccesses,
  assetTypes,
  pageKinds,
  portfolioAccesses,
  readStatuses,
  taskKeys,
} from '../domain/snapshot';
