import type { ServerUrlIssue } from '../../team-ledger';

/** Words of the team ledger's settings on the options page (issue 16). */
export const teamLedger = {
  title: 'Team ledger (opt-in)',
  intro:
    'Replicate the ledger to a CouchDB server your team runs. It is off until you save a server here: without it nothing leaves this browser, and with it Scopekeeper contacts that server only.',
  notYet:
    'With a server saved, the ledger’s grants and decisions are sent to it, signed by this browser, after each change and every five minutes; records from colleagues are checked like an imported file before they count. Page snapshots are never sent.',
  serverUrl: 'CouchDB server address',
  serverUrlHint: 'For example https://couch.example.org/ (HTTPS; plain HTTP only to this computer).',
  database: 'Database',
  databaseHint: 'Lower-case letters, digits and _ $ ( ) + - /, starting with a letter.',
  user: 'User name',
  password: 'Password',
  passwordHint:
    'Kept in this browser’s extension storage, sent only to this server, never exported. Leave it empty to keep the saved one.',
  save: 'Allow and connect to this server',
  saved: (origin: string) => `Saved. Scopekeeper may now contact ${origin}, and only it.`,
  notSaved: (fields: string) => `Not saved: check ${fields}.`,
  urlIssue: {
    'not-a-url': 'the address is not a web address (https://…)',
    'not-https': 'plain HTTP would send the password in clear: use HTTPS (plain HTTP only to this computer)',
    'has-credentials': 'put the user name and password in their own fields, not in the address',
    'has-query': 'the address takes no ? or # part',
    'business-settings': 'the team server cannot be Business Settings',
  } satisfies Record<ServerUrlIssue, string>,
  permissionRefused: (origin: string) =>
    `Not saved: the browser did not allow Scopekeeper to contact ${origin}.`,
  storedInvalid: 'The saved team settings cannot be read: the team ledger is off until you save again.',
  test: 'Test connection',
  testing: 'Testing the connection…',
  off: 'No team server is saved.',
  noPermission: (origin: string) =>
    `Scopekeeper may not contact ${origin}: save the settings again and allow it.`,
  unreachable: 'The server cannot be reached: check the address and that the server is running.',
  timeout: 'The server did not answer within 10 seconds.',
  notCouchDb: (status?: number) =>
    `Something answered at that address, but not CouchDB${status ? ` (HTTP ${status})` : ''}: check the address.`,
  wrongCredentials: 'The server refused this user name and password.',
  noAccess:
    'The user name and password are right, but this user may not open the database: ask whoever runs the server to make them a member of it.',
  missingDatabase:
    'The database does not exist. Only a server admin can create it: ask whoever runs the server.',
  missingCanCreate: 'The database does not exist yet. You are a server admin: you can create it now.',
  create: 'Create the database',
  ready: 'Ready: the server answers, and the database is open to this user.',
  readyCreated: 'The database was created. Ready: the server answers, and the database is open to this user.',
  turnOff: 'Turn off and forget the credentials',
  turnedOff:
    'Turned off: the server address and credentials are forgotten, its permission given back, and this browser’s copy of the team’s database deleted (the team’s server keeps what it holds). Your local ledger is unchanged.',
  // Replication status (issue 16, items 3–4): the popup and the options page.
  sync: {
    title: 'Team ledger',
    never: 'Not synced yet.',
    last: (when: string) => `Last synced ${when}.`,
    pending: (n: number) =>
      n === 0
        ? 'Everything is on the server.'
        : `${n} ${n === 1 ? 'record' : 'records'} not yet on the server.`,
    failed: (what: string) => `The last attempt failed: ${what} It is tried again by itself.`,
    otherError: 'an unexpected error.',
    quarantined: (n: number) =>
      `${n} ${n === 1 ? 'document' : 'documents'} from the server refused (unsigned, changed or malformed): never applied.`,
    conflicts: (n: number) =>
      `${n} ${n === 1 ? 'grant was' : 'grants were'} edited in two places: both versions are kept for an admin to resolve.`,
    waiting: (records: number, colleagues: number) =>
      `${records} ${records === 1 ? 'record' : 'records'} (grants, checklists, reviews) from ${colleagues === 1 ? 'a colleague' : `${colleagues} colleagues`} you have not trusted ${records === 1 ? 'waits' : 'wait'}: taken once you trust ${colleagues === 1 ? 'that colleague' : 'them'} under “Trusted colleagues”.`,
  },
};
