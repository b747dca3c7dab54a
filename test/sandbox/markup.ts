import type { AtomicStyles } from './atomic';

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/**
 * The sandbox's DOM helpers, shared by the app, its lists and its panes. Text only: names are never
 * parsed as HTML. A `class` attribute is a block of CSS declarations that becomes atomic class names.
 */
export class Markup {
  private idCount = 0;

  constructor(
    readonly doc: Document,
    readonly styles: AtomicStyles,
    private readonly locale: 'en' | 'sv' | 'fr',
  ) {}

  el(tag: string, attrs: Attrs, ...children: Child[]): HTMLElement {
    const node = this.doc.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === false) continue;
      if (key === 'class') node.className = this.styles.cls(String(value));
      else if (key.startsWith('on') && typeof value === 'function')
        node.addEventListener(key.slice(2), value);
      else if (key === 'checked' || key === 'value')
        (node as HTMLInputElement)[key as 'value'] = value as never;
      else node.setAttribute(key, value === true ? 'true' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child);
    }
    return node;
  }

  /** Drops the absent children of a conditional list. */
  present<T extends Node | string>(...children: (T | null | undefined | false)[]): T[] {
    return children.filter((c): c is T => c !== null && c !== undefined && c !== false);
  }

  /** GeoBaseText's header sizes: a div with role=heading and aria-level, never h1–h6. */
  heading(level: number, text: string, css = 'font-weight:700'): HTMLElement {
    return this.el('div', { role: 'heading', 'aria-level': level, class: css }, this.el('span', {}, text));
  }

  /** A generated id like React's useId (":r1a:"), for aria-labelledby / aria-describedby / label for. */
  uid(): string {
    return `:r${(this.idCount++).toString(36)}:`;
  }

  /** A date as the locale writes it; with `machine`, wrapped in <time datetime> as well. */
  date(iso: string, machine: boolean): HTMLElement {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const text = new Intl.DateTimeFormat({ en: 'en-US', sv: 'sv-SE', fr: 'fr-FR' }[this.locale], {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
    return machine ? this.el('time', { datetime: iso }, text) : this.el('span', {}, text);
  }
}
