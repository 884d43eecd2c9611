import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  LOCALES,
  negotiateLocale,
  RTL_LOCALES,
} from '../../../common/locales.ts';
import { isolateMessageValues } from '../../../common/isolate.ts';

type Catalogue = Record<string, unknown>;

// One lazily loaded chunk per language: only the active catalogue is downloaded.
const catalogueLoaders = import.meta.glob<Catalogue>('../../../common/i18n/*.json', { import: 'default' });

const STORAGE_KEY = 'mn.locale';

async function loadCatalogue(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const loader = catalogueLoaders[`../../../common/i18n/${locale}.json`];
  if (!loader) throw new Error(`No catalogue for ${locale}`);
  i18next.addResourceBundle(locale, 'translation', await loader());
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

/**
 * ICU messages; in a right-to-left language every value that fills a simple `{name}` argument
 * (names, titles, places people typed) is wrapped in Unicode isolates, so Latin text keeps its own
 * direction inside the Arabic sentence (issue: "?Jobcenter").
 */
export function icuWithIsolates() {
  type Parse = (res: unknown, options: Record<string, unknown>, lng: string, ...rest: unknown[]) => unknown;
  // The plugin's own typings leave out parse(), the one method i18next calls on an i18nFormat.
  const icu = new ICU() as InstanceType<typeof ICU> & { parse: Parse };
  const parse = icu.parse.bind(icu);
  icu.parse = (res: unknown, options: Record<string, unknown>, lng: string, ...rest: unknown[]) =>
    parse(
      res,
      typeof res === 'string' && RTL_LOCALES.includes(lng as Locale)
        ? isolateMessageValues(res, options)
        : options,
      lng,
      ...rest,
    );
  return icu;
}

/** Sets up i18next with ICU messages and loads the first catalogue; resolves before the first render. */
export async function initI18n(): Promise<void> {
  const locale = initialLocale();
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
  await loadCatalogue(locale);
  applyToDocument(locale);
  // Re-render with the loaded catalogue.
  await i18next.changeLanguage(locale);
}

/** Switches the UI language: loads the catalogue, then flips lang/dir on <html>. */
export async function changeLocale(locale: Locale, remember = true): Promise<void> {
  await loadCatalogue(locale);
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

/** The language's own name ("Deutsch", "العربية"), from Intl rather than a catalogue. */
export function autonym(locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

export { i18next };
