import { getOriginPattern } from '../../domain/team-ledger';
import type { Hub } from '../hub';
import { ok } from '../router';
import { checkTeamConnection } from '../team-connection';
import type { TeamRunner } from '../team-runner';
import { loadTeamSettings } from '../team-settings';
import { registerTeamAdminHandlers } from './team-admin';

/**
 * The team ledger's messages (issue 16): "Test connection" with the saved settings, and the replication's
 * status (when the background runs it: `runner`).
 */
export function registerTeamHandlers(hub: Hub, runner?: TeamRunner): void {
  hub.router.handle('teamStatus', async () =>
    ok<'teamStatus'>(runner ? await runner.status() : { kind: 'off' }),
  );
  hub.router.handle('teamConnection', async ({ createDatabase }) => {
    const loaded = await loadTeamSettings();
    if (loaded.kind !== 'on') return ok<'teamConnection'>({ kind: 'off' });
    const origin = getOriginPattern(loaded.settings);
    // Without the host permission the browser would refuse the request anyway (CORS); say what to do instead.
    if (!(await hub.browser.permissions.contains({ origins: [origin] })))
      return ok<'teamConnection'>({ kind: 'no-permission', origin });
    return ok<'teamConnection'>(await checkTeamConnection(loaded.settings, { createDatabase }));
  });
  // Conflicts and quarantined documents, for an admin (lib/platform/handlers/team-admin.ts).
  registerTeamAdminHandlers(hub, runner);
}
