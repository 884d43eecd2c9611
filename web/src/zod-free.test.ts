import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The web app takes only types from the zod contracts: a value imported from a contract (or from a
 * file that re-exports one, like realtime-events.ts) would put zod into the bundle. Plain constants
 * live in their own files in common/ for this.
 */
const ZOD_FILES = /(^zod$|common\/contracts\/|common\/realtime-events\.ts$)/;

function sources(dir: URL, out: URL[] = []): URL[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) sources(url, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(url);
  }
  return out;
}

/** Imports of a file that bring values at run time: `import type …` and `{ type X }` bring none. */
function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gms)) {
    const [, typeOnly, clause = '', from = ''] = match;
    if (typeOnly) continue;
    const braces = clause.match(/\{([^}]*)\}/);
    const outside = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, '')
      .trim();
    const named = (braces?.[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.startsWith('type '));
    if (outside !== '' || named.length > 0) found.push(from);
  }
  return found;
}

describe('the web bundle needs no zod', () => {
  it('takes only types from contracts', () => {
    const offending = sources(new URL('./', import.meta.url)).flatMap((file) =>
      valueImports(readFileSync(file, 'utf8'))
        .filter((from) => ZOD_FILES.test(from))
        .map((from) => `${file.pathname.split('/web/src/')[1]} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });

  it('tells value imports from type imports', () => {
    expect(valueImports("import type { A } from 'zod';")).toEqual([]);
    expect(valueImports("import { type A, type B } from '../x.ts';")).toEqual([]);
    expect(valueImports("import { type A, B } from '../x.ts';")).toEqual(['../x.ts']);
    expect(valueImports("import {\n  A,\n  type B,\n} from '../contracts/y.ts';")).toEqual([
      '../contracts/y.ts',
    ]);
    expect(valueImports("import x from 'zod';")).toEqual(['zod']);
  });
});
