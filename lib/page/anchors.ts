/**
 * Where on the page a subject is shown: its row, the heading of one of its assets in a detail pane, or a
 * choice in an open dialog. Badges and live warnings are drawn next to these; they are never written
 * into Meta's markup.
 */
export interface Anchor {
  subject: string;
  role: 'row' | 'asset' | 'portfolio-access' | 'expiry';
  /** For `asset` anchors: which asset (see assetKey in lib/domain/principals). */
  assetKey?: string;
  element: Element;
}
