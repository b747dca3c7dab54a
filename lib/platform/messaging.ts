import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ContentProtocol, MessageName, Reply, RequestOf } from '../domain/protocol';

/**
 * The wire under the protocol (lib/domain/protocol.ts): @webext-core/messaging, typed from the protocol
 * table. This module imports the protocol for its types only, so the content script that uses it carries
 * no zod; the background's router (router.ts) and the extension pages' API (page-api.ts) add the schemas.
 */
type Wire = { [N in MessageName]: (data: RequestOf<N>) => Reply<N> } & ContentProtocol;

const wire = defineExtensionMessaging<Wire>();

export const sendMessage = wire.sendMessage;
export const onMessage = wire.onMessage;

/** The long-lived connection over which the background pushes a tab's state to its panel. */
export const PANEL_PORT = 'scopekeeper-panel';
