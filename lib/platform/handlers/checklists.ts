import type { Hub } from '../hub';
import { runChecklistCommand } from '../checklists';
import { ok } from '../router';
import { commandContext, replayOf, requestHashOf } from './context';

/** Start, tick, finish and discard checklist runs (panel and popup). */
export function registerChecklistHandlers(hub: Hub): void {
  hub.router.handle('checklistCommand', (command) =>
    hub.publisher.during(async () => {
      const requestHash = command.commandKey ? await requestHashOf('checklistCommand', command) : undefined;
      const first = await replayOf(hub, command.commandKey, 'checklistCommand', requestHash);
      if (first) return first;
      // The admin who decides is the one signed in to the run's business.
      const businessId =
        command.type === 'start' ? command.businessId : (await hub.store.run(command.runId))?.businessId;
      const context = {
        ...(await commandContext(hub, businessId)),
        ...(command.commandKey ? { commandKey: command.commandKey } : {}),
        ...(requestHash ? { requestHash } : {}),
      };
      const result = await runChecklistCommand(hub, command, context);
      if (!result.ok) return result;
      const business = result.run?.businessId;
      if (business) hub.publisher.invalidateBusiness(business);
      else hub.publisher.invalidateAll();
      return ok<'checklistCommand'>(result.run ? { run: result.run } : {});
    }),
  );
}
