import { isThirdParty, resolveOwnDomains } from '../../domain/principals';
import { getSubjectKey } from '../../domain/snapshot';
import { canonicalJson, sha256Hex } from '../../domain/ledger/canonical';
import { fail, problem } from '../../domain/problems';
import { protocol, type Reply, type ResultOf } from '../../domain/protocol';
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

/** What ties an idempotency key to its request: SHA-256 of the message's name and request (key left out). */
export async function requestHashOf(name: string, request: object): Promise<string> {
  const { commandKey: _key, ...rest } = request as Record<string, unknown>;
  return sha256Hex(canonicalJson({ name, request: rest }));
}

/** A key presented with another message or another request than the one it was carried out for. */
export const keyReused = () =>
  ({ ok: false, error: problem('invalid-request', { field: 'commandKey', issue: 'reused' }) }) as const;

/**
 * The first answer of a command whose idempotency key was already carried out (a retry after its answer
 * was lost), checked against the message's result schema; undefined for a new key. A key carried out for
 * another message or another request is refused (`invalid-request`), not answered with another's answer.
 */
export async function replayOf<N extends 'ledgerCommand' | 'ledgerAdmin' | 'checklistCommand' | 'snooze'>(
  hub: Hub,
  key: string | undefined,
  name: N,
  requestHash?: string,
): Promise<Reply<N> | undefined> {
  const done = await hub.store.commandResult(key);
  if (!done) return undefined;
  if (done.name !== name || (done.requestHash && requestHash && done.requestHash !== requestHash))
    return keyReused();
  const value = protocol[name].result.safeParse(done.result);
  return value.success
    ? { ok: true, value: value.data as ResultOf<N> }
    : fail('internal', { message: 'the stored answer of this command cannot be read' });
}
