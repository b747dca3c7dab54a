import { describe, expect, it } from 'vitest';
import {
  getDatabaseUrl,
  getOriginPattern,
  getServerUrlIssue,
  parseTeamSettings,
  teamCheckSchema,
} from '@/lib/domain/team-ledger';

const form = {
  serverUrl: 'https://couch.sjobod.se',
  database: 'sjobod-team',
  user: 'anna',
  password: 's3cret',
};

describe('the team ledger settings', () => {
  it('keep an origin and a path, ending in /, and the fields as typed', () => {
    const parsed = parseTeamSettings({ ...form, serverUrl: ' https://couch.sjobod.se:6984/couchdb ' });
    expect(parsed).toEqual({
      ok: true,
      settings: { version: 1, ...form, serverUrl: 'https://couch.sjobod.se:6984/couchdb/' },
    });
    if (!parsed.ok) return;
    expect(getDatabaseUrl(parsed.settings)).toBe('https://couch.sjobod.se:6984/couchdb/sjobod-team');
    // The browser's host permission: that host only (match patterns carry no port).
    expect(getOriginPattern(parsed.settings)).toBe('https://couch.sjobod.se/*');
  });

  it('refuse plain HTTP except to this computer, credentials or a query in the address, and Business Settings', () => {
    expect(getServerUrlIssue('http://couch.sjobod.se')).toBe('not-https');
    expect(getServerUrlIssue('http://127.0.0.1:5984')).toBeUndefined();
    expect(getServerUrlIssue('http://localhost:5984/')).toBeUndefined();
    // Not a host the manifest lets the browser grant: refused rather than failing at Save.
    expect(getServerUrlIssue('http://[::1]:5984/')).toBe('not-https');
    expect(getServerUrlIssue('https://anna:pw@couch.sjobod.se')).toBe('has-credentials');
    expect(getServerUrlIssue('https://couch.sjobod.se/?db=x')).toBe('has-query');
    expect(getServerUrlIssue('https://couch.sjobod.se/#x')).toBe('has-query');
    expect(getServerUrlIssue('https://business.facebook.com/')).toBe('business-settings');
    expect(getServerUrlIssue('ftp://couch.sjobod.se')).toBe('not-a-url');
    expect(getServerUrlIssue('couch.sjobod.se')).toBe('not-a-url');
  });

  it('name every wrong field, and why the address is refused', () => {
    expect(parseTeamSettings({ ...form, serverUrl: 'http://couch.sjobod.se' })).toEqual({
      ok: false,
      fields: ['serverUrl'],
      serverUrlIssue: 'not-https',
    });
    // CouchDB's rule for database names: a lower-case letter first.
    expect(parseTeamSettings({ ...form, database: 'Team', user: ' ', password: '' })).toEqual({
      ok: false,
      fields: ['database', 'user', 'password'],
    });
    expect(parseTeamSettings({ ...form, database: '_users' })).toMatchObject({ fields: ['database'] });
    expect(parseTeamSettings(null)).toMatchObject({ ok: false });
  });

  it('escape a database name with a slash in its address', () => {
    const parsed = parseTeamSettings({ ...form, database: 'agency/sjobod' });
    expect(parsed.ok && getDatabaseUrl(parsed.settings)).toBe('https://couch.sjobod.se/agency%2Fsjobod');
  });

  it('check outcomes are a closed set of codes', () => {
    expect(teamCheckSchema.safeParse({ kind: 'ready', created: false }).success).toBe(true);
    expect(teamCheckSchema.safeParse({ kind: 'ready' }).success).toBe(false);
    expect(teamCheckSchema.safeParse({ kind: 'it worked' }).success).toBe(false);
  });
});
