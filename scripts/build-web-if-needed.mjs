// Builds the web app before `npm start` when it was never built or any of its sources
// (web/, common/ — catalogues, locales, contracts) is newer than web/dist/index.html.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const builtIndex = new URL('web/dist/index.html', root);
const skip = new Set(['dist', 'node_modules']);

if (!existsSync(new URL('web/index.html', root))) process.exit(0);

/** The newest modification time under a folder, ignoring build output. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = `${dir}/${entry.name}`;
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function reasonToBuild() {
  if (!existsSync(builtIndex)) return 'web/dist is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const dir of ['web', 'common']) {
    if (newestMtime(fileURLToPath(new URL(dir, root))) > builtAt)
      return `${dir}/ changed since the last build`;
  }
  return undefined;
}

const reason = reasonToBuild();
if (reason) {
  console.log(`Building the web app (${reason})…`);
  // A NODE_ENV inherited from a test runner (vitest sets "test") would give React's development build.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('web/vite.config.ts', root)),
    mode: 'production',
    logLevel: 'warn',
  });
  console.log('Web app built to web/dist.');
}
