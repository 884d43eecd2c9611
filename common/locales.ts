/** Every language the UI and the mails speak; adding one is adding a catalogue file and a line here. */
export const LOCALES = [
  'en',
  'de',
  'it',
  'pl',
  'el',
  'ar',
  'uk',
  'fa',
  'ps',
  'ur',
  'tr',
  'ru',
  'fr',
  'es',
  'so',
  'ti',
] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const RTL_LOCALES: readonly Locale[] = ['ar', 'fa', 'ps', 'ur'];

/**
 * Languages whose catalogue no native speaker has reviewed yet: the language picker marks them and
 * invites corrections (docs/translations.md).
 */
export const UNREVIEWED_LOCALES: readonly string[] = ['fa', 'ps', 'ur', 'tr', 'ru', 'fr', 'es', 'so', 'ti'];

/** Where the app serves docs/translations.md (how to propose a correction), as plain text. */
export const TRANSLATION_GUIDE_PATH = '/translations.txt';

export function isUnreviewed(locale: string): boolean {
  return UNREVIEWED_LOCALES.includes(locale);
}

/**
 * The tag Intl formats a locale's dates and numbers with. Persian and Pashto keep their own digits
 * (Intl's default) but the Gregorian calendar of the letters, appointments and date fields people
 * deal with here (Intl's default for both is the Solar Hijri one); Urdu writes Extended Arabic-Indic
 * digits (Intl's default for Urdu is Latin).
 */
const INTL_TAGS: Readonly<Record<string, string>> = {
  fa: 'fa-u-ca-gregory',
  ps: 'ps-u-ca-gregory',
  ur: 'ur-u-nu-arabext',
};

export function intlLocale(locale: string): string {
  return INTL_TAGS[locale] ?? locale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header (or navigator.languages). */
export function negotiateLocale(accepted: string | readonly string[] | undefined): Locale | undefined {
  if (!accepted) return undefined;
  const entries = typeof accepted === 'string' ? parseAcceptLanguage(accepted) : accepted;
  for (const tag of entries) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}

function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((e) => e.tag && e.tag !== '*' && Number.isFinite(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((e) => e.tag);
}
