import { isThirdParty, resolveOwnDomains } from '../../domain/principals';
import { getSubjectKey } from '../../domain/snapshot';
import type { Hub } from '../hub';
import type { CommandContext } from '../ledger';

/** What a ledger or checklist command needs to know about the admin and the business. */
export async function commandContext(hub: Hub, businessId: string | undefined): Promise<CommandContext> {
  const settings = await hub.currentSettings();
  const view = businessId ? hub.cache.view(businessId) : undefined;
  return {
    now: hub.clock(),
    decidedBy: view?.currentUser?.email ?? view?.currentUser?.name ?? 'admin',
    settings,
    isThirdParty: (b, subject) => {
      if (subject.startsWith('partner')) return true;
      const v = hub.cache.view(b);
      const principal = v?.principals.find((p) => getSubjectKey(p) === subject);
      if (!principal) return false;
      return isThirdParty(principal, resolveOwnDomains(settings.ownDomains, v?.currentUser?.email)) === 'yes';
    },
  };
}
