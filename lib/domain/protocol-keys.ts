/**
 * The messages that carry an idempotency key (lib/domain/protocol.ts), in a module of their own without zod:
 * the panel's light `ask` (lib/platform/ask.ts) needs the list, and not the protocol's schemas (issue 12).
 */
export const keyedMessages = [
  'ledgerCommand',
  'ledgerAdmin',
  'checklistCommand',
  'snooze',
  'reviewStart',
  'reviewDecide',
  'reviewSignOff',
] as const;
