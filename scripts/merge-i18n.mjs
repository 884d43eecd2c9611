// Merges translations into common/i18n/<locale>.json without touching anything else in it:
//   node scripts/merge-i18n.mjs <locale> <file.json> [<locale> <file.json> …]
// Each file holds nested keys; its leaves are written over the catalogue's, other keys stay as
// they are (several people add keys to the catalogues at the same time). Key order is kept,
// new keys are appended to their namespace.
import { readFileSync, writeFileSync } from 'node:fs';

function merge(target, source, path = '') {
  for (const [key, value] of Object.entries(source)) {
    const here = path ? `${path}.${key}` : key;
    if (value && typeof value === 'object') {
      if (typeof target[key] === 'string')
        throw new Error(`${here} is a message in the catalogue, not a namespace`);
      target[key] ??= {};
      merge(target[key], value, here);
    } else {
      if (target[key] && typeof target[key] === 'object')
        throw new Error(`${here} is a namespace in the catalogue`);
      target[key] = value;
    }
  }
}

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error('usage: node scripts/merge-i18n.mjs <locale> <file.json> [<locale> <file.json> …]');
  process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
  const [locale, file] = [args[i], args[i + 1]];
  const target = new URL(`../common/i18n/${locale}.json`, import.meta.url);
  // Read right before writing, so that keys others added meanwhile are kept.
  const catalogue = JSON.parse(readFileSync(target, 'utf8'));
  merge(catalogue, JSON.parse(readFileSync(file, 'utf8')));
  writeFileSync(target, `${JSON.stringify(catalogue, null, 2)}\n`);
  console.log(`merge-i18n: ${file} → common/i18n/${locale}.json`);
}
