// Fails when the JavaScript a first visit to "/" downloads is above the budget (gzip), or when the
// bytes the server actually sends for it (the build's brotli copies of the page, JavaScript and CSS)
// are above theirs.
// Counted: the entry chunk and its static imports, the landing page's lazy chunk and its static imports,
// and the shell's part of the default (English) catalogue (common/catalogue-parts.ts) — what a cheap phone has to fetch before the first page is usable.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 170 * 1000;
const SENT_BUDGET_BYTES = 150 * 1000;
const dist = new URL('../web/dist/', import.meta.url);
const manifestFile = new URL('.vite/manifest.json', dist);

if (!existsSync(manifestFile)) {
  console.error('check-budget: web/dist/.vite/manifest.json is missing; run `npm run build` first.');
  process.exit(1);
}

/** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[]; src?: string }>} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
const firstRouteKey = Object.keys(manifest).find((key) => key.endsWith('features/landing/LandingPage.tsx'));
const catalogueKey = Object.keys(manifest).find((key) => key.endsWith('common/i18n/en.json?part=shell'));
if (!entryKey || !firstRouteKey || !catalogueKey) {
  console.error(
    'check-budget: could not find the entry, the landing page or the English catalogue in the manifest.',
  );
  process.exit(1);
}

const counted = new Set();
function collect(key) {
  if (counted.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`check-budget: ${key} is not in the manifest`);
  counted.add(key);
  for (const imported of chunk.imports ?? []) collect(imported);
}
for (const key of [entryKey, firstRouteKey, catalogueKey]) collect(key);

let total = 0;
const rows = [];
for (const key of counted) {
  const file = manifest[key]?.file;
  if (!file?.endsWith('.js')) continue;
  const size = gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
  total += size;
  rows.push([file, size]);
}
rows.sort((a, b) => b[1] - a[1]);

// What the server actually sends for the first route: the brotli copies the build wrote (the
// server picks them for every browser that accepts br), for the page, its JavaScript and its CSS.
const sentFiles = new Set(['index.html']);
for (const key of counted) {
  const chunk = manifest[key];
  if (chunk?.file) sentFiles.add(chunk.file);
  for (const css of chunk?.css ?? []) sentFiles.add(css);
}
let sent = 0;
const missing = [];
for (const file of sentFiles) {
  const br = new URL(`${file}.br`, dist);
  if (existsSync(br)) sent += readFileSync(br).length;
  else {
    const raw = readFileSync(new URL(file, dist)).length;
    if (raw >= 1024) missing.push(file);
    sent += raw;
  }
}
for (const [file, size] of rows) console.log(`${(size / 1000).toFixed(1).padStart(7)} KB  ${file}`);
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `check-budget: first route loads ${(total / 1000).toFixed(1)} KB of gzipped JavaScript — ${verdict} the budget of ${BUDGET_BYTES / 1000} KB.`,
);
const sentVerdict = sent <= SENT_BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `check-budget: the first route sends ${(sent / 1000).toFixed(1)} KB (brotli: page, JavaScript, CSS) — ${sentVerdict} the budget of ${SENT_BUDGET_BYTES / 1000} KB.`,
);
if (missing.length)
  console.error(
    `check-budget: no brotli copy of ${missing.join(', ')}; was the build's compression step skipped?`,
  );
if (total > BUDGET_BYTES || sent > SENT_BUDGET_BYTES || missing.length) process.exit(1);
