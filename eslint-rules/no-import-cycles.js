// Issue 9: no import cycles, type-only ones included. `import type` cycles vanish from the bundle, but
// they still tie modules into one knot that cannot be read, tested or moved apart.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// tsconfig (.wxt/tsconfig.json): `@/x`, `~/x`, `@@/x` and `~~/x` all mean `<root>/x`.
const aliases = ['@/', '~/', '@@/', '~~/'];
const suffixes = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];
const nodeModules = `${path.sep}node_modules${path.sep}`;

/**
 * The import graph of the files read so far, kept for the life of the lint process: one lint of the repo
 * reads and parses each file once. An entry is re-read when its mtime or size changes (an editor's
 * long-lived ESLint server).
 * @type {Map<string, { mtimeMs: number, size: number, text: string, deps: Dep[] }>}
 * @typedef {{ file: string, pos: number, end: number }} Dep
 */
const graph = new Map();

/** @returns {string | undefined} the project file a specifier names, or nothing for packages. */
function resolve(specifier, fromFile, root) {
  let base;
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    base = path.resolve(path.dirname(fromFile), specifier);
  } else {
    const alias = aliases.find((a) => specifier.startsWith(a));
    if (!alias) return undefined;
    base = path.join(root, specifier.slice(alias.length));
  }
  for (const suffix of suffixes) {
    const candidate = base + suffix;
    if (candidate.includes(nodeModules)) return undefined;
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return undefined;
}

/**
 * Every import of one file: `import`, `import type`, `export … from`, `export type … from`, side-effect
 * imports, `import()`, `import('x').T` and `require`. TypeScript's pre-processor scans tokens (no full
 * parse), so comments and strings do not count; text inside JSX could, which only ever adds an edge.
 * @returns {Dep[]}
 */
function parseDeps(file, text, root) {
  const deps = [];
  for (const { fileName, pos, end } of ts.preProcessFile(text, true, true).importedFiles) {
    const target = resolve(fileName, file, root);
    if (target) deps.push({ file: target, pos, end });
  }
  return deps;
}

/** @returns {Dep[]} the imports of a file on disk, from the graph when the file has not changed. */
function depsOnDisk(file, root) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    graph.delete(file);
    return [];
  }
  const known = graph.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.deps;
  const text = fs.readFileSync(file, 'utf8');
  const deps = parseDeps(file, text, root);
  graph.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, text, deps });
  return deps;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between project files, type-only imports included.' },
    schema: [],
    messages: {
      cycle: 'Import cycle: {{cycle}}. Move the shared piece into a module of its own.',
    },
  },
  create(context) {
    const self = context.physicalFilename;
    if (!path.isAbsolute(self)) return {};
    const root = context.cwd;
    const text = context.sourceCode.text;
    // The text being linted may differ from the disk (lintText, an unsaved editor buffer).
    const known = graph.get(self);
    const ownDeps = known && known.text === text ? known.deps : parseDeps(self, text, root);

    // Within one lint of this file, stat each other file once and give up on a file at most once.
    /** @type {Map<string, Dep[]>} */
    const seen = new Map();
    const depsOf = (file) => {
      let deps = seen.get(file);
      if (!deps) seen.set(file, (deps = depsOnDisk(file, root)));
      return deps;
    };
    /** Files from which no path leads back to this one. */
    const dead = new Set();

    /** @returns {string[] | undefined} the shortest path from `start` back to this file. */
    const pathBack = (start) => {
      /** @type {Map<string, string | null>} */
      const parent = new Map([[start, null]]);
      const queue = [start];
      for (let i = 0; i < queue.length; i++) {
        const file = queue[i];
        if (file === self) {
          const cycle = [];
          for (let at = file; at !== null; at = parent.get(at)) cycle.unshift(at);
          return cycle;
        }
        for (const dep of depsOf(file)) {
          if (parent.has(dep.file) || dead.has(dep.file)) continue;
          parent.set(dep.file, file);
          queue.push(dep.file);
        }
      }
      for (const file of queue) dead.add(file);
      return undefined;
    };

    const name = (file) => path.relative(root, file).split(path.sep).join('/');
    return {
      Program() {
        const reported = new Set();
        for (const dep of ownDeps) {
          if (reported.has(dep.file) || dead.has(dep.file)) continue;
          const back = pathBack(dep.file);
          if (!back) continue;
          reported.add(dep.file);
          context.report({
            loc: {
              start: context.sourceCode.getLocFromIndex(dep.pos),
              end: context.sourceCode.getLocFromIndex(dep.end),
            },
            messageId: 'cycle',
            data: { cycle: [self, ...back].map(name).join(' → ') },
          });
        }
      },
    };
  },
};
