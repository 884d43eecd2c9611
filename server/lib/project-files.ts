/**
 * A file that ships beside the code (message catalogues, document templates), by its path from the
 * project root. This module lies two folders below the root, and so does the built server
 * (dist/server/main.mjs, see scripts/build-server.mjs): the same relative address works in both.
 */
export function projectFile(pathFromRoot: string): URL {
  return new URL(`../../${pathFromRoot}`, import.meta.url);
}
