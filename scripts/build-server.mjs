// Builds the server into one file, dist/server/main.mjs, for `npm start` and the benchmarks: Node
// then loads one module instead of transpiling ~230 TypeScript files at every start (start-up
// ~1.3 s → ~0.7 s, and it is paid by every server process). Packages stay in node_modules.
// Takes well under a second, so it simply runs every time. Tests build their own copy elsewhere
// (`node scripts/build-server.mjs dist/<name>/main.mjs`) so that they never race one another.
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const outfile = process.argv[2] ?? 'dist/server/main.mjs';
// Two folders below the root, like server/lib/project-files.ts, which finds shipped files from there.
if (!/^dist\/[\w.-]+\/main\.mjs$/.test(outfile)) {
  console.error(`The built server must be dist/<folder>/main.mjs, not ${outfile}`);
  process.exit(2);
}

await build({
  absWorkingDir: new URL('.', root).pathname,
  entryPoints: ['server/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
