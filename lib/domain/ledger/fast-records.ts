import { isRealDate, isRealDateTime } from './dates';
import { decisionActions, PAYLOAD_LIMITS, withinPayloadLimits, type Decision } from './records';
import { assetAccessSchema, assetTypeSchema, taskKeySchema } from '../snapshot-schema';

/**
 * A fast path for the decisions of an import (issue 12, item 5). Under the extension's CSP zod runs
 * without its JIT (lib/domain/snapshot.ts), and parsing 100,000 decisions with `decisionSchema` costs
 * seconds. `decisionSchema` stays the definition: this check says yes only to records that schema accepts
 * *and* gives back unchanged (no key stripped, no default added), and says no to everything else, which
 * then goes through the schema itself (for its verdict and its words). So a file is accepted or refused
 * exactly as before, with the same first issue; only the common case is quick.
 * test/lib/domain/ledger/fast-records.test.ts holds the two side by side on valid and invalid records.
 */

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every own key of the object is one of the allowed (a strict object) and none holds `undefined`. */
function onlyKeys(value: Obj, allowed: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    if (!allowed.has(key) || value[key] === undefined) return false;
  }
  // A prototype other than Object's (never from JSON.parse) goes the slow way.
  return Object.getPrototypeOf(value) === Object.prototype;
}

const str = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

/** `^[0-9a-f]{length}$`, a character at a time (two a decision, 100,000 decisions: a regex took twice as long). */
function isLowerHex(value: unknown, length: number): value is string {
  if (typeof value !== 'string' || value.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
const BUSINESS_ID = /^\d{1,20}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Narrower than zod's datetime({ offset: true }) (seconds required, at most 9 fraction digits); the
// calendar part is checked by isRealDateTime, which is what the schema refines with.
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
// zod's uuid(): versions 1 to 8 with the RFC 9562 variant, or the nil and max UUIDs.
const UUID =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && isRealDate(value);
const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && DATE_TIME.test(value) && isRealDateTime(value);
const id = (value: unknown) => str(value, 1, 100);

const ASSET_TYPES = new Set<unknown>(assetTypeSchema.options);
const ASSET_ACCESS = new Set<unknown>(assetAccessSchema.options);
const TASKS = new Set<unknown>(taskKeySchema.options);
const ACTIONS = new Set<unknown>(decisionActions);

const keys = (...names: string[]) => new Set(names);
/** Every key a decision may have (the hashed ones, its hash and its signature). */
export const DECISION_KEYS: ReadonlySet<string> = keys(
  'id',
  'ledgerId',
  'at',
  'businessId',
  'subject',
  'action',
  'rationale',
  'decidedBy',
  'grantId',
  'before',
  'after',
  'prevHash',
  'hash',
  'sig',
);
const ASSET_KEYS = keys('type', 'id', 'name', 'access', 'tasks');
const GRANT_AFTER_KEYS = keys('assets', 'startsAt', 'endsAt');
const END_KEYS = keys('endsAt');
const ACCEPT_KEYS = keys('ruleId', 'reviewAt', 'assetName');
const NOTE_KEYS = keys('checklist', 'runId', 'steps');
const STEP_KEYS = keys('id', 'how', 'at');

/** grantAssetSchema (not strict: an extra key would be stripped, so it goes the slow way). */
function isAsset(value: unknown): boolean {
  if (!isObject(value) || !onlyKeys(value, ASSET_KEYS)) return false;
  if (!ASSET_TYPES.has(value.type) || !ASSET_ACCESS.has(value.access)) return false;
  if (value.id !== undefined && !str(value.id, 1, 64)) return false;
  if (!str(value.name, 1, 500)) return false;
  const tasks = value.tasks;
  return Array.isArray(tasks) && tasks.length <= 20 && tasks.every((t) => TASKS.has(t));
}

const isEndsAtOrNull = (value: unknown) => value === null || isDate(value);

/** records.ts `decisionPayloads`, side by side. */
function isPayload(action: string, side: 'before' | 'after', value: unknown): boolean {
  switch (action) {
    case 'grant':
      if (side === 'before') return value === null;
      if (!isObject(value) || !onlyKeys(value, GRANT_AFTER_KEYS) || !('endsAt' in value)) return false;
      if (!isEndsAtOrNull(value.endsAt)) return false;
      if (value.startsAt !== undefined && !isDate(value.startsAt)) return false;
      if (value.assets === undefined) return true;
      return Array.isArray(value.assets) && value.assets.length <= 1000 && value.assets.every(isAsset);
    case 'extend':
    case 'revoke':
      if (!isObject(value) || !onlyKeys(value, END_KEYS) || !('endsAt' in value)) return false;
      return side === 'before' ? isEndsAtOrNull(value.endsAt) : isDate(value.endsAt);
    case 'accept-finding':
      if (side === 'before') return value === null;
      return (
        isObject(value) &&
        onlyKeys(value, ACCEPT_KEYS) &&
        str(value.ruleId, 1, 64) &&
        isDate(value.reviewAt) &&
        (value.assetName === undefined || str(value.assetName, 0, 500))
      );
    case 'note': {
      if (side === 'before') return value === null;
      if (!isObject(value) || !onlyKeys(value, NOTE_KEYS)) return false;
      if (!str(value.checklist, 1, 64) || !id(value.runId)) return false;
      const steps = value.steps;
      return (
        Array.isArray(steps) &&
        steps.length <= 100 &&
        steps.every(
          (step) =>
            isObject(step) &&
            onlyKeys(step, STEP_KEYS) &&
            'how' in step &&
            'at' in step &&
            str(step.id, 1, 64) &&
            (step.how === null || str(step.how, 0, 32)) &&
            (step.at === null || isDateTime(step.at)),
        )
      );
    }
    case 'keep':
    case 'reduce':
      // z.unknown() refined by withinPayloadLimits: plain JSON values only (JSON.parse gives no others).
      return isPlainJson(value) && withinPayloadLimits(value);
    default:
      return false;
  }
}

/** Only what JSON.parse makes (so the schema's z.unknown() gives it back as it is). */
function isPlainJson(value: unknown): boolean {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (++seen > PAYLOAD_LIMITS.values) return false;
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
      continue;
    }
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) stack.push(item[i]);
      continue;
    }
    if (!isObject(item) || Object.getPrototypeOf(item) !== Object.prototype) return false;
    for (const key in item) {
      if (!Object.prototype.hasOwnProperty.call(item, key) || item[key] === undefined) return false;
      stack.push(item[key]);
    }
  }
  return true;
}

/**
 * Whether `decisionSchema` accepts this value and gives it back unchanged. False means "ask the schema",
 * not "invalid": the caller parses the record with the schema then.
 */
export function isPlainValidDecision(value: unknown): value is Decision {
  if (!isObject(value) || !onlyKeys(value, DECISION_KEYS)) return false;
  const d = value;
  if (!id(d.id) || typeof d.ledgerId !== 'string' || !UUID.test(d.ledgerId)) return false;
  if (!isDateTime(d.at)) return false;
  if (typeof d.businessId !== 'string' || !BUSINESS_ID.test(d.businessId)) return false;
  if (!str(d.subject, 1, 600) || !ACTIONS.has(d.action)) return false;
  if (!str(d.rationale, 0, 10_000) || !str(d.decidedBy, 1, 200)) return false;
  if (d.grantId !== undefined && !id(d.grantId)) return false;
  if (!isLowerHex(d.prevHash, 64) || !isLowerHex(d.hash, 64)) return false;
  if (d.sig !== undefined && !isLowerHex(d.sig, 128)) return false;
  const action = d.action as string;
  if (d.before !== undefined && !isPayload(action, 'before', d.before)) return false;
  if (d.after !== undefined && !isPayload(action, 'after', d.after)) return false;
  return true;
}
