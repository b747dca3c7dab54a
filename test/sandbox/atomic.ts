/**
 * Atomic class names like Meta's (`x9f619 x1n2onr6 …`): every CSS declaration gets a class whose name is a
 * hash of the declaration and the build seed, so the names change with every build and mean nothing.
 */
function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

export class AtomicStyles {
  private readonly rules = new Map<string, string>();
  private readonly cache = new Map<string, string>();
  private sheet: HTMLStyleElement | undefined;

  constructor(private readonly seed: string) {}

  /** Class names for a block of declarations ("display:flex;padding:8px"). */
  cls(declarations: string): string {
    const cached = this.cache.get(declarations);
    if (cached) return cached;
    const names: string[] = [];
    for (const raw of declarations.split(';')) {
      const decl = raw.trim();
      if (!decl) continue;
      const name = `x${hash(`${this.seed}|${decl}`)}`;
      if (!this.rules.has(name)) {
        const [selectorSuffix, body] = decl.startsWith(':') ? splitPseudo(decl) : ['', decl];
        this.rules.set(name, `.${name}${selectorSuffix}{${body}}`);
        this.sheet?.append(`.${name}${selectorSuffix}{${body}}\n`);
      }
      names.push(name);
    }
    const result = names.join(' ');
    this.cache.set(declarations, result);
    return result;
  }

  /** Mounts the stylesheet into a document (rules added later are appended as they appear). */
  mount(doc: Document): void {
    this.sheet = doc.createElement('style');
    this.sheet.textContent = [...this.rules.values()].join('\n');
    doc.head.append(this.sheet);
  }
}

/** ":hover background:#f0f2f5" → [":hover", "background:#f0f2f5"] */
function splitPseudo(decl: string): [string, string] {
  const space = decl.indexOf(' ');
  return [decl.slice(0, space), decl.slice(space + 1)];
}
