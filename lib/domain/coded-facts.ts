import { z } from 'zod';

/**
 * The schema of a code with facts (a read problem, what a checklist step's evidence showed): one of the
 * codes, and the named facts its sentence needs, each a bounded string or a count. Words are chosen only
 * where it is shown, in the admin's language.
 */
export function codedFactsSchema<
  const C extends readonly [string, ...string[]],
  const F extends readonly [string, ...string[]],
>(codes: C, factNames: F, maxString: number) {
  return z.object({
    code: z.enum(codes),
    facts: z
      .partialRecord(z.enum(factNames), z.union([z.string().max(maxString), z.number().int().nonnegative()]))
      .optional(),
  });
}
