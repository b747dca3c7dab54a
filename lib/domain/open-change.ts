import type { ChangeKind } from './baseline';
import type { AssetType, PageKind } from './snapshot';

/**
 * One open change of a principal (issue 13): seen between visits, approved by no record, still in effect
 * (lib/domain/watch.ts finds them; the watch rules read them). Types only, so the rules need not import
 * the approval logic.
 */
export interface OpenChange {
  kind: ChangeKind;
  asset?: { type: AssetType; id?: string; name: string };
  from?: string;
  to?: string;
  /** When a read first showed it. */
  firstSeen: string;
  page: PageKind;
  url: string;
  /** It gave full control: of the portfolio, of an asset, or a new principal who holds either. */
  fullControl: boolean;
}

/** The open changes of a business, by subject key, oldest first. */
export type OpenChanges = ReadonlyMap<string, readonly OpenChange[]>;
