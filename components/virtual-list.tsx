import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';
import './virtual-list.css';

/** Rows drawn beyond the visible ones on each side, so that a short scroll shows no blank. */
const OVERSCAN = 6;

export interface VirtualListProps<T> {
  items: readonly T[];
  /** A stable key per item (a subject key): a row is kept, not re-made, when a new state arrives. */
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T, index: number) => ReactNode;
  /** A row's height before it is measured (px). */
  estimateSize: number;
  label: string;
  className: string;
  id?: string;
  /** Attributes of a row's list item (the contract's data-* attributes, its class). */
  itemAttributes?: (item: T, index: number) => Record<string, string | undefined>;
  /** An index to bring into view (the subject a badge asked for); a new `token` asks again. */
  scrollTo?: { index: number; token: number } | undefined;
}

/**
 * The height the list is drawn for before it is laid out (its first render, or a panel not shown yet): about
 * the panel's own height, so the rows of a first state are there in its first commit.
 */
const UNLAID_HEIGHT = 520;

/** The scroll box's size as laid out; one not laid out yet (height 0) is taken as UNLAID_HEIGHT tall. */
function observeBox(instance: Virtualizer<HTMLUListElement, HTMLLIElement>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { width: rect.width, height: UNLAID_HEIGHT }),
  );
}

/** A row's measured height; one not laid out (height 0) keeps its estimate. */
function measure(estimate: number) {
  return (element: Element, entry: ResizeObserverEntry | undefined): number => {
    const size = entry?.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
    return size > 0 ? size : estimate;
  };
}

/**
 * A long list that renders only the rows in view (and a few beyond), issue 12 item 4. The list scrolls in
 * its own box (`ul`, keyboard focusable as before); each row is a `listitem` with `aria-setsize` and
 * `aria-posinset`, so a screen reader says "12 of 5,000" though only a window of rows exists. Arrow keys,
 * Page Up/Down, Home and End move from row to row (the row is rendered first, then focused); a row that holds
 * the focus stays rendered while the list scrolls away from it.
 */
export function VirtualList<T>({
  items,
  itemKey,
  renderItem,
  estimateSize,
  label,
  className,
  id,
  itemAttributes,
  scrollTo,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLUListElement>(null);
  // The row holding the focus (or about to): always rendered, wherever the list is scrolled.
  const [active, setActive] = useState<number | undefined>(undefined);
  const focusNext = useRef<number | undefined>(undefined);
  // Also the row asked for by `scrollTo`: it is there at once, before the scroll lands.
  const keptIndexes = [active, scrollTo?.index].filter(
    (i): i is number => i !== undefined && i >= 0 && i < items.length,
  );
  const kept = keptIndexes.join(' ');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const extra = kept ? kept.split(' ').map(Number) : [];
      if (extra.every((i) => indexes.includes(i))) return indexes;
      return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
    },
    [kept],
  );
  // Stable while the items are the same: a changed function would make the virtualizer lay out every row
  // again (every render of a 20,000-row list).
  const keyOf = useRef(itemKey);
  keyOf.current = itemKey;
  const getItemKey = useCallback((index: number) => keyOf.current(items[index]!, index), [items]);
  const estimate = useCallback(() => estimateSize, [estimateSize]);
  const virtualizer = useVirtualizer<HTMLUListElement, HTMLLIElement>({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: estimate,
    getItemKey,
    measureElement: measure(estimateSize),
    overscan: OVERSCAN,
    rangeExtractor,
    initialRect: { width: 0, height: UNLAID_HEIGHT },
    observeElementRect: observeBox,
  });

  const token = scrollTo?.token;
  const target = scrollTo?.index;
  useEffect(() => {
    if (target === undefined || target < 0 || target >= items.length) return;
    virtualizer.scrollToIndex(target, { align: 'start' });
    // Only a new request scrolls: a new state of the same list leaves the admin where they are.
  }, [token, target]);

  // A row reached by the keyboard is rendered (it is `kept`) before it takes the focus.
  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === undefined) return;
    focusNext.current = undefined;
    scroller.current?.querySelector<HTMLElement>(`:scope > li[data-index="${index}"]`)?.focus();
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    focusNext.current = next;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    // Keys typed in a row's field or pressed on its buttons are theirs.
    const target = event.target as HTMLElement;
    if (target !== scroller.current && target.parentElement !== scroller.current) return;
    const current = target === scroller.current ? -1 : Number(target.dataset.index);
    const page = Math.max(1, virtualizer.getVirtualItems().length - 2 * OVERSCAN);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined || items.length === 0) return;
    event.preventDefault();
    moveTo(next);
  };
  const onFocus = (event: React.FocusEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest('li[data-index]');
    if (!row || row.parentElement !== scroller.current) return;
    const index = Number((row as HTMLElement).dataset.index);
    if (index !== active) setActive(index);
  };

  const rows = virtualizer.getVirtualItems();
  return (
    <ul
      ref={scroller}
      id={id}
      className={`vlist ${className}`}
      role="list"
      tabIndex={0}
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      style={{ ['--vlist-size' as string]: `${virtualizer.getTotalSize()}px` }}
    >
      {rows.map((row) => {
        const item = items[row.index]!;
        return (
          <li
            key={row.key as string}
            ref={virtualizer.measureElement}
            data-index={row.index}
            tabIndex={-1}
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            {...itemAttributes?.(item, row.index)}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {renderItem(item, row.index)}
          </li>
        );
      })}
    </ul>
  );
}
