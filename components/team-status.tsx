import { useEffect, useState } from 'react';
import { catalogue, type Catalogue } from '@/lib/domain/i18n';
import type { UiLocale } from '@/lib/domain/locales';
import type { TeamCheck, TeamStatusView } from '@/lib/domain/team-ledger';
import { useApi } from './api';

const POLL_MS = 5000;

type Words = Catalogue['teamLedger'];

/** What "Test connection" found, in the admin's words. */
export function describeCheck(t: Words, check: TeamCheck): string {
  switch (check.kind) {
    case 'off':
      return t.off;
    case 'no-permission':
      return t.noPermission(check.origin);
    case 'unreachable':
      return check.reason === 'not-couchdb'
        ? t.notCouchDb(check.status)
        : check.reason === 'timeout'
          ? t.timeout
          : t.unreachable;
    case 'wrong-credentials':
      return t.wrongCredentials;
    case 'no-access':
      return t.noAccess;
    case 'missing-database':
      return check.canCreate ? t.missingCanCreate : t.missingDatabase;
    case 'ready':
      return check.created ? t.readyCreated : t.ready;
  }
}

/** The team ledger's status in words (issue 16): nothing when it is off. */
export function describeTeamStatus(locale: UiLocale, status: TeamStatusView): string[] {
  if (status.kind === 'off') return [];
  const words = catalogue(locale).teamLedger;
  const t = words.sync;
  const lines = [
    status.lastSyncAt ? t.last(new Date(status.lastSyncAt).toLocaleString(locale)) : t.never,
    t.pending(status.pending),
  ];
  if (status.lastError)
    lines.push(
      t.failed(status.lastError.kind === 'failed' ? t.otherError : describeCheck(words, status.lastError)),
    );
  if (status.quarantined > 0) lines.push(t.quarantined(status.quarantined));
  if (status.conflicts > 0) lines.push(t.conflicts(status.conflicts));
  if (status.waiting) lines.push(t.waiting(status.waiting.records, status.waiting.colleagues));
  return lines;
}

/** The status line of the popup and of the options page's Team ledger section, asked again while open. */
export function TeamStatusLine({ heading = false }: { heading?: boolean }) {
  const api = useApi();
  const { ask, locale } = api;
  const [status, setStatus] = useState<TeamStatusView>({ kind: 'off' });
  useEffect(() => {
    let live = true;
    const load = async () => {
      const reply = await ask('teamStatus', {});
      if (live && reply.ok) setStatus(reply.value);
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ask]);
  const lines = describeTeamStatus(locale, status);
  if (lines.length === 0) return null;
  return (
    <p className="team-status" role="status" data-team-sync={status.kind}>
      {heading ? <strong>{catalogue(locale).teamLedger.sync.title}: </strong> : null}
      {lines.join(' ')}
    </p>
  );
}
