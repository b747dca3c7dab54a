import type { Hub } from '../hub';
import { openBusinessSettings } from '../navigation';
import { ok } from '../router';

/** Opening a due item's page or a business's Business Settings, with the panel on the subject. */
export function registerNavigationHandlers(hub: Hub): void {
  hub.router.handle('openTarget', async (target) => {
    const tabId =
      'group' in target
        ? await hub.reminders.openGroup(target.group, target.action)
        : await openBusinessSettings(hub, target);
    return ok<'openTarget'>({ opened: tabId !== undefined });
  });
}
