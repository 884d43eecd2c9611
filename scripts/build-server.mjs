// Builds the server into dist/server/main.mjs (and the chunks beside it) for `npm start` and the
// benchmarks: Node then loads a few modules instead of transpiling ~230 TypeScript files at every
// start (start-up ~1.3 s → ~0.7 s, and it is paid by every server process). Packages stay in
// node_modules. The code is split where main.ts imports lazily, so that the supervisor of several
// server processes (WORKERS) loads only what it needs, not Fastify, Kysely and the whole server:
// in one file every package is imported at the top. Takes well under a second, so it simply runs
// every time. Tests build their own copy elsewhere (`node scripts/build-server.mjs
// dist/<name>/main.mjs`) so that they never race one another.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const outfile = process.argv[2] ?? 'dist/server/main.mjs';
// Two folders below the root, like server/lib/project-files.ts, which finds shipped files from there.
if (!/^dist\/[\w.-]+\/main\.mjs$/.test(outfile)) {
  console.error(`The built server must be dist/<folder>/main.mjs, not ${outfile}`);
  process.exit(2);
}

const BUNDLED = new Set(['kysely']);
const absWorkingDir = new URL('.', root).pathname;
const outdir = path.dirname(outfile);
// Chunks of an earlier build would otherwise pile up (their names change with their content).
for (const name of safeList(path.join(absWorkingDir, outdir))) {
  if (/^chunk-[\w-]+\.mjs(\.map)?$/.test(name)) rmSync(path.join(absWorkingDir, outdir, name));
}

await build({
  absWorkingDir,
  entryPoints: { main: 'server/main.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages stay in node_modules, except Kysely: plain ESM of ~400 small modules without
  // dependencies, which cost ~100 ms of module loading at every start (and only this code uses it).
  external: externalPackages().flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  logLevel: 'warning',
});

function externalPackages() {
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return names.filter((name) => !BUNDLED.has(name));
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
