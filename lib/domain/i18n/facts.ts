/** The facts a code carries (a problem, a read problem, what evidence showed), as a sentence gets them. */
export type Facts = Record<string, string | number | undefined>;

/**
 * One fact, as a sentence in any language shows it. Facts are shown as they are; zod's issue codes read as
 * words (`unrecognized_keys`: `unrecognized keys`).
 */
export const f = (facts: Facts | undefined, key: string) =>
  key === 'issue' ? String(facts?.[key] ?? '').replace(/_/g, ' ') : String(facts?.[key] ?? '');
