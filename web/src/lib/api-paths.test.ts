import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The API client puts `/api` in front of every path: a call written with `/api/…` goes to
 * `/api/api/…` and answers 404 (the reporting and blocking calls did, unnoticed, for a while).
 */
describe('API client calls', () => {
  it('name their paths without the /api prefix', () => {
    const wrong = sources(root).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /\bapi\.(?:get|post|put|patch|delete)(?:<[^>]*>)?\(\s*['`]\/api\//g,
        ),
      ].map((m) => `${path.relative(root, file)}: ${m[0]}`),
    );
    expect(wrong).toEqual([]);
  });
});
