// Keeps the catalogues in common/i18n honest. Fails when
//  - a catalogue lacks a key of en.json, or has a key en.json does not know;
//  - a message is not valid ICU, or uses other {arguments} than the English one;
//  - a plural lacks a category of its language's plural rules (Intl.PluralRules);
//  - a key of en.json is not used in the code (web/, server/).
// Keys built at run time count as used when their parts appear as string literals:
//   errors.<CODE>       when CODE is in ERROR_CODES (common/errors.ts);
//   expertise.<area>    when area is in EXPERTISE_AREAS (common/expertise.ts);
//   mail.* / validation.*  when every segment after the namespace is a literal in server/.
import { readdirSync, readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { missingPluralCategories } from './plural-categories.mjs';

const root = new URL('../', import.meta.url);
const i18nDir = new URL('common/i18n/', root);
const DYNAMIC_NAMESPACES = ['mail', 'validation'];

/** @param {Record<string, unknown>} node @returns {Map<string, string>} */
function flatten(node, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object')
      flatten(/** @type {Record<string, unknown>} */ (value), path, out);
    else out.set(path, String(value));
  }
  return out;
}

/** Argument names a message uses, found by walking the ICU syntax tree. */
function argumentsOf(elements, out = new Set()) {
  for (const el of elements) {
    if (el.type !== 0 && el.type !== 7 && 'value' in el && typeof el.value === 'string') out.add(el.value);
    if (el.options) for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    if (el.children) argumentsOf(el.children, out);
  }
  return out;
}

function readSources(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'screenshots'].includes(entry.name)) continue;
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) readSources(path, out);
    else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(readFileSync(path, 'utf8'));
    }
  }
  return out;
}

const problems = [];
const locales = readdirSync(i18nDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const catalogues = new Map(
  locales.map((l) => [l, flatten(JSON.parse(readFileSync(new URL(`${l}.json`, i18nDir), 'utf8')))]),
);
const en = catalogues.get('en');
if (!en) throw new Error('common/i18n/en.json is missing');
const localesSource = readFileSync(new URL('common/locales.ts', root), 'utf8');
const declared = [
  ...(localesSource.match(/LOCALES\s*=\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([a-z-]+)'/g),
].map((m) => m[1]);
for (const locale of declared)
  if (!catalogues.has(locale)) problems.push(`${locale}: common/i18n/${locale}.json is missing`);

// 1. Same keys everywhere; 2. valid ICU with the same arguments as English.
const englishArgs = new Map();
for (const [key, message] of en) {
  try {
    englishArgs.set(key, argumentsOf(new IntlMessageFormat(message, 'en').getAst()));
  } catch (error) {
    problems.push(`en: ${key}: invalid ICU message (${error.message})`);
  }
}
for (const [locale, catalogue] of catalogues) {
  if (locale === 'en') continue;
  for (const key of en.keys()) if (!catalogue.has(key)) problems.push(`${locale}: missing key ${key}`);
  for (const [key, message] of catalogue) {
    if (!en.has(key)) {
      problems.push(`${locale}: key ${key} is not in en.json`);
      continue;
    }
    try {
      const args = argumentsOf(new IntlMessageFormat(message, locale).getAst());
      const expected = englishArgs.get(key) ?? new Set();
      const differ = args.size !== expected.size || [...args].some((a) => !expected.has(a));
      if (differ) {
        problems.push(
          `${locale}: ${key} uses {${[...args].join(', ')}} but English uses {${[...expected].join(', ')}}`,
        );
      }
      for (const { argument, missing } of missingPluralCategories(message, locale))
        problems.push(`${locale}: ${key}: the plural of {${argument}} lacks ${missing.join(', ')}`);
    } catch (error) {
      problems.push(`${locale}: ${key}: invalid ICU message (${error.message})`);
    }
  }
}

// 3. Every English key is used somewhere.
const webCode = readSources(new URL('web/', root)).join('\n');
const serverCode = readSources(new URL('server/', root)).join('\n');
const allCode = `${webCode}\n${serverCode}`;
const errorsSource = readFileSync(new URL('common/errors.ts', root), 'utf8');
const codesBlock = errorsSource.match(/ERROR_CODES\s*=\s*\[([\s\S]*?)\]/)?.[1] ?? '';
const errorCodes = new Set([...codesBlock.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]));
const expertiseSource = readFileSync(new URL('common/expertise.ts', root), 'utf8');
const areasBlock = expertiseSource.match(/EXPERTISE_AREAS\s*=\s*\[([\s\S]*?)\]/)?.[1] ?? '';
const expertiseAreas = new Set([...areasBlock.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]));
const quoted = (text, value) => ["'", '"', '`'].some((q) => text.includes(`${q}${value}${q}`));

for (const key of en.keys()) {
  if (quoted(allCode, key)) continue;
  const [namespace, ...rest] = key.split('.');
  if (namespace === 'errors' && rest.length === 1 && errorCodes.has(rest[0])) continue;
  if (namespace === 'expertise' && rest.length === 1 && expertiseAreas.has(rest[0])) continue;
  if (DYNAMIC_NAMESPACES.includes(namespace) && rest.every((part) => quoted(serverCode, part))) continue;
  // The offline page reads offline.* as properties of the catalogue object at build time.
  if (namespace === 'offline' && webCode.includes(key)) continue;
  problems.push(`en: key ${key} is not used in web/ or server/`);
}
for (const code of errorCodes)
  if (!en.has(`errors.${code}`)) problems.push(`en: no message for error code ${code}`);
for (const area of expertiseAreas)
  if (!en.has(`expertise.${area}`)) problems.push(`en: no name for expertise area ${area}`);

if (problems.length > 0) {
  console.error(`check-i18n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `check-i18n: ${en.size} keys in ${locales.length} catalogues (${locales.join(', ')}), all present, valid and used.`,
);
