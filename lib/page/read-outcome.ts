import type { ReadProblem } from '../domain/read-problems';
import type { Principal, SecuritySignals } from '../domain/snapshot';
import type { Anchor } from './anchors';

/**
 * Which parts of the draft the dialog shows on its current step. A multi-step dialog shows one part at a
 * time; what a step does not show is unknown on that step, not unset (see lib/page/dialog-draft.ts).
 */
export interface DialogSeen {
  who: boolean;
  access: boolean;
  expiry: boolean;
  assets: boolean;
}

/**
 * What a reader found, before it becomes a validated snapshot. It lives apart from the dispatcher
 * (read.ts) so that the readers and the dispatcher both depend on it, and not on each other.
 */
export interface ReadOutcome {
  principals: Principal[];
  /** Where each principal (and its assets, and a dialog's choices) are shown. */
  anchors?: Anchor[];
  /** For a dialog: which parts of the draft its current step shows. */
  dialogSeen?: DialogSeen;
  problems: ReadProblem[];
  /** How many rows of a list were left for a later pass (read in slices, lib/page/watch.ts). */
  deferred?: number;
  /** Meta's own security signals (Business info, Security Center). */
  security?: SecuritySignals;
  /** true when nothing on the page could be understood. */
  unreadable?: boolean;
}
