import { existsSync, readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, intlLocale, LOCALES, type Locale } from '../../common/locales.ts';
import { projectFile } from './project-files.ts';

type Catalogue = { [key: string]: string | Catalogue };
type Params = Record<string, string | number>;

const catalogues = new Map<Locale, Catalogue>();
const compiled = new Map<string, IntlMessageFormat>();

function loadCatalogue(locale: Locale): Catalogue {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    const file = projectFile(`common/i18n/${locale}.json`);
    catalogue = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : {};
    catalogues.set(locale, catalogue);
  }
  return catalogue;
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates an ICU message key for a locale, falling back to English, then to the key itself. */
export function translate(locale: Locale, key: string, params?: Params): string {
  let source: Locale = locale;
  let message = lookup(loadCatalogue(locale), key);
  if (message === undefined && locale !== DEFAULT_LOCALE) {
    source = DEFAULT_LOCALE;
    message = lookup(loadCatalogue(DEFAULT_LOCALE), key);
  }
  if (message === undefined) return key;
  const cacheKey = `${source}:${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(message, intlLocale(source));
    compiled.set(cacheKey, format);
  }
  return String(format.format(params));
}

/** Loads and compiles every catalogue once, so a broken message fails at boot, not in a request. */
export function preloadCatalogues(): void {
  for (const locale of LOCALES) loadCatalogue(locale);
}
