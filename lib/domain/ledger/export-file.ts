import { z } from 'zod';
import { baselineSchema, changeSchema } from '../baseline-schema';
import { reviewCampaignSchema } from '../review/campaign';
import { exportFileSchema, signatureSchema } from './records';

/**
 * The interchange file as an import reads it: the ledger's part (records.ts `exportFileSchema`), then the
 * watch's memory (issue 13, item 1). A module of its own: the baseline's schemas name the ledger's record
 * types, so records.ts cannot import them.
 */

/**
 * One change a read showed against a business's baseline, as the file carries it (the store's `changes`
 * row without its local number).
 */
export const changeRowSchema = z
  .object({ businessId: z.string().regex(/^\d{1,20}$/), at: z.string().datetime(), change: changeSchema })
  .strict();
export type ChangeRow = z.infer<typeof changeRowSchema>;

export const interchangeFileSchema = exportFileSchema
  .extend({
    /**
     * Each business's baseline and the change log: files from before the watch have neither. Their sizes
     * are bounded before parsing (watch-transfer.ts `checkWatchSize`).
     */
    baselines: z.array(baselineSchema).optional(),
    changes: z.array(changeRowSchema).optional(),
    /** The signature of `watchSigningText` by `publicKey`: what vouches for the baselines and changes. */
    watchSignature: signatureSchema.optional(),
    /**
     * Access review campaigns (issue 14): covered by the watch signature and applied with the watch data
     * (only from our own ledger or a trusted colleague's). Files from before reviews have none.
     */
    reviewCampaigns: z.array(reviewCampaignSchema).max(10_000).optional(),
    /**
     * The team ledger's way to vouch for campaigns (issue 16): one signature per campaign, in the order of
     * `reviewCampaigns`, each of `recordSigningText('review', ledgerId, campaign)` by `publicKey`. Taken
     * only when the file has no watch signature and no baselines or changes (a file put back together from
     * a colleague's documents, which cannot carry a signature over all of them).
     */
    reviewSignatures: z.array(signatureSchema).max(10_000).optional(),
  })
  .strict();
export type InterchangeFile = z.infer<typeof interchangeFileSchema>;
