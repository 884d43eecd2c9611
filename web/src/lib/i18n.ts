import i18next from 'i18next';
import ICU from 'i18next-icu';
import IntlMessageFormat from 'intl-messageformat';
import { initReactI18next } from 'react-i18next';
import { dateTimeFormat, loadFallbackData, numberFormat } from '../../../common/intl-fallback.ts';
import { isolateMessageValues } from '../../../common/isolate.ts';
import {
  DEFAULT_LOCALE,
  intlLocale,
  isLocale,
  LOCALES,
  type Locale,
  negotiateLocale,
  RTL_LOCALES,
} from '../../../common/locales.ts';

type Catalogue = Record<string, unknown>;

// Two lazily loaded chunks per language (common/catalogue-parts.ts, split by web/build/catalogue-plugin.ts):
// the shell's sections before the first render, the pages' sections right after it. Only the active
// language is downloaded.
const shellLoaders = import.meta.glob<Catalogue>('../../../common/i18n/*.json', {
  query: '?part=shell',
  import: 'default',
});
const pageLoaders = import.meta.glob<Catalogue>('../../../common/i18n/*.json', {
  query: '?part=pages',
  import: 'default',
});
const loadingParts = new Map<string, Promise<void>>();

const STORAGE_KEY = 'mn.locale';

function loadPart(locale: Locale, part: 'shell' | 'pages'): Promise<void> {
  const key = `${locale}:${part}`;
  let loading = loadingParts.get(key);
  if (!loading) {
    const loader = (part === 'shell' ? shellLoaders : pageLoaders)[`../../../common/i18n/${locale}.json`];
    if (!loader) return Promise.reject(new Error(`No catalogue for ${locale}`));
    loading = loader().then((catalogue) => {
      i18next.addResourceBundle(locale, 'translation', catalogue, true, true);
    });
    // A failed download (offline) is tried again by the next page that needs it.
    loading.catch(() => loadingParts.delete(key));
    loadingParts.set(key, loading);
  }
  return loading;
}

async function loadCatalogue(locale: Locale): Promise<void> {
  await Promise.all([loadPart(locale, 'shell'), loadPart(locale, 'pages')]);
}

/** Resolves when the pages' part of the current language's catalogue is there (lazy pages wait for it). */
export function pagesCatalogue(): Promise<void> {
  return loadPart(currentLocale(), 'pages');
}

function readStoredLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function applyToDocument(locale: Locale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

/** The language before we know the account: the last choice on this device, else the browser's. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? negotiateLocale(navigator.languages) ?? DEFAULT_LOCALE;
}

// Each message's first use builds its formatter, which asks the runtime which locale it supports
// (Intl.NumberFormat.supportedLocalesOf): a slow call, with the same answer for every message of a
// language. A first page builds a few hundred formatters, and this call was their largest part of
// the main thread (issue 24): asked once per language here.
const resolveLocale = IntlMessageFormat.resolveLocale;
const resolvedLocales = new Map<string, Intl.Locale | undefined>();
IntlMessageFormat.resolveLocale = (locales) => {
  const key = typeof locales === 'string' ? locales : locales.join(',');
  if (!resolvedLocales.has(key)) resolvedLocales.set(key, resolveLocale(locales));
  return resolvedLocales.get(key);
};

type MessageFormatters = NonNullable<
  NonNullable<ConstructorParameters<typeof IntlMessageFormat>[3]>['formatters']
>;
const firstOf = (locales: Intl.LocalesArgument): string => {
  const first = Array.isArray(locales) ? locales[0] : locales;
  return first === undefined ? DEFAULT_LOCALE : String(first);
};
const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * One set of formatters for every message, each kept per language and options: dates and numbers
 * from common/intl-fallback.ts (the language's own tables where the browser's Intl lacks it, as
 * Chromium's lacks Pashto, Somali and Tigrinya), the same path as lib/format.ts.
 */
const messageFormatters: MessageFormatters = {
  getDateTimeFormat: (locales, options) => dateTimeFormat(firstOf(locales), options),
  getNumberFormat: (locales, options) => numberFormat(firstOf(locales), options as Intl.NumberFormatOptions),
  getPluralRules: (locales, options) => {
    const key = `${firstOf(locales)}|${options?.type ?? ''}`;
    let rules = pluralRules.get(key);
    if (!rules) {
      rules = new Intl.PluralRules(locales, options);
      pluralRules.set(key, rules);
    }
    return rules;
  },
};

/**
 * ICU messages; in a right-to-left language every value that fills a simple `{name}` argument
 * (names, titles, places people typed) is wrapped in Unicode isolates, so Latin text keeps its own
 * direction inside the Arabic sentence (issue: "?Jobcenter").
 */
export function icuWithIsolates() {
  type Parse = (res: unknown, options: Record<string, unknown>, lng: string, ...rest: unknown[]) => unknown;
  // The plugin's own typings leave out parse(), the one method i18next calls on an i18nFormat.
  const icu = new ICU() as InstanceType<typeof ICU> & { parse: Parse };
  // The plugin builds each message without a way to give it formatters: the messages are built
  // here, as the plugin does (kept per language and key once the key was found; a text that does
  // not parse is shown as it is), with the shared formatters.
  const messages = new Map<string, IntlMessageFormat>();
  icu.parse = (res, options, lng, ns, key, info) => {
    if (typeof res !== 'string') return res;
    const id = `${lng}|${String(ns)}|${String(key)}`;
    try {
      let message = messages.get(id);
      if (!message) {
        // Dates and numbers in messages take the language's own digits and calendar (intlLocale).
        message = new IntlMessageFormat(res, intlLocale(lng), undefined, {
          ignoreTag: true,
          formatters: messageFormatters,
        });
        const found = (info as { resolved?: { res?: unknown } } | undefined)?.resolved?.res;
        if (!info || found) messages.set(id, message);
      }
      const values = RTL_LOCALES.includes(lng as Locale) ? isolateMessageValues(res, options) : options;
      return message.format(values as Parameters<IntlMessageFormat['format']>[0]);
    } catch {
      return res;
    }
  };
  return icu;
}

/**
 * How long the first render waits for the session to name the account's language; past it, the
 * device's language is drawn and the account's follows (LocaleSync).
 */
const ACCOUNT_LOCALE_WAIT_MS = 3000;

/**
 * Sets up i18next with ICU messages and loads the first catalogue; resolves before the first render.
 * The first catalogue is the signed-in account's language (`accountLocale`, from the session) when
 * there is one, else the device's: a member's page downloads and draws one language, not English first.
 */
export async function initI18n(accountLocale?: Promise<Locale | undefined>): Promise<void> {
  const fromAccount = await Promise.race([
    accountLocale ?? Promise.resolve(undefined),
    new Promise<undefined>((resolve) => setTimeout(resolve, ACCOUNT_LOCALE_WAIT_MS)),
  ]);
  const locale = fromAccount ?? initialLocale();
  await i18next
    .use(icuWithIsolates())
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      resources: {},
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      returnNull: false,
    });
  // A member's page needs the pages' texts too: both parts at once. A visitor's first page (the
  // landing page) needs only the shell's, and the pages' come right after, while it is drawn.
  const pages = fromAccount ? loadPart(locale, 'pages') : undefined;
  await Promise.all([loadPart(locale, 'shell'), loadFallbackData(locale)]);
  (pages ?? loadPart(locale, 'pages')).catch(() => {});
  applyToDocument(locale);
  // Re-render with the loaded catalogue.
  await i18next.changeLanguage(locale);
}

/** Switches the UI language: loads the catalogue, then flips lang/dir on <html>. */
export async function changeLocale(locale: Locale, remember = true): Promise<void> {
  await Promise.all([loadCatalogue(locale), loadFallbackData(locale)]);
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  }
}

export function currentLocale(): Locale {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

/**
 * Own names for the languages whose locale data some browsers lack: Chromium's ICU has no Pashto,
 * Somali or Tigrinya, so Intl would name them in English ("Tigrinya" instead of "ትግርኛ").
 */
const AUTONYMS: Readonly<Record<string, string>> = { ps: 'پښتو', so: 'Soomaali', ti: 'ትግርኛ' };

/** The language's own name ("Deutsch", "العربية"), from Intl rather than a catalogue. */
export function autonym(locale: Locale): string {
  try {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    const known = names.resolvedOptions().locale.split('-')[0] === locale;
    const name = (known ? undefined : AUTONYMS[locale]) ?? names.of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

export { i18next };
