import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ContentProtocol, MessageName, MessagesFrom, Reply, RequestOf } from '../domain/protocol';

/**
 * The wire under the protocol (lib/domain/protocol.ts): @webext-core/messaging, typed from the protocol
 * table. This module imports the protocol for its types only, so the content script that uses it carries
 * no zod; the background's router (router.ts) and the extension pages' API (page-api.ts) add the schemas.
 */
type Wire = { [N in MessageName]: (data: RequestOf<N>) => Reply<N> } & ContentProtocol;

const wire = defineExtensionMessaging<Wire>();

export const sendMessage = wire.sendMessage;
export const onMessage = wire.onMessage;

/** What a content script may send: only the messages the protocol gives content scripts. */
export const sendFromContent = <N extends MessagesFrom<'content'>>(name: N, data: RequestOf<N>) =>
  (wire.sendMessage as (name: N, data: RequestOf<N>) => Promise<Reply<N>>)(name, data);

/** The long-lived connection over which the background pushes a tab's state to its panel. */
export const PANEL_PORT = 'scopekeeper-panel';

/** A panel's port is named with the token from its URL (`scopekeeper-panel:<token>`; none: empty). */
export const panelPortName = (token: string) => `${PANEL_PORT}:${token}`;

/** The token a panel port presents ('' when none); undefined when the port is not a panel's. */
export function panelTokenOfPort(name: string): string | undefined {
  if (name === PANEL_PORT) return '';
  return name.startsWith(`${PANEL_PORT}:`)
    ? name.slice(PANEL_PORT.length + 1, PANEL_PORT.length + 65)
    : undefined;
}
