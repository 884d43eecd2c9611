/** ISO 639-1 language codes; names come from Intl.DisplayNames in the reader's own language. */
export const LANGUAGE_CODES = [
  'aa',
  'ab',
  'ae',
  'af',
  'ak',
  'am',
  'an',
  'ar',
  'as',
  'av',
  'ay',
  'az',
  'ba',
  'be',
  'bg',
  'bi',
  'bm',
  'bn',
  'bo',
  'br',
  'bs',
  'ca',
  'ce',
  'ch',
  'co',
  'cr',
  'cs',
  'cu',
  'cv',
  'cy',
  'da',
  'de',
  'dv',
  'dz',
  'ee',
  'el',
  'en',
  'eo',
  'es',
  'et',
  'eu',
  'fa',
  'ff',
  'fi',
  'fj',
  'fo',
  'fr',
  'fy',
  'ga',
  'gd',
  'gl',
  'gn',
  'gu',
  'gv',
  'ha',
  'he',
  'hi',
  'ho',
  'hr',
  'ht',
  'hu',
  'hy',
  'hz',
  'ia',
  'id',
  'ie',
  'ig',
  'ii',
  'ik',
  'io',
  'is',
  'it',
  'iu',
  'ja',
  'jv',
  'ka',
  'kg',
  'ki',
  'kj',
  'kk',
  'kl',
  'km',
  'kn',
  'ko',
  'kr',
  'ks',
  'ku',
  'kv',
  'kw',
  'ky',
  'la',
  'lb',
  'lg',
  'li',
  'ln',
  'lo',
  'lt',
  'lu',
  'lv',
  'mg',
  'mh',
  'mi',
  'mk',
  'ml',
  'mn',
  'mr',
  'ms',
  'mt',
  'my',
  'na',
  'nb',
  'nd',
  'ne',
  'ng',
  'nl',
  'nn',
  'no',
  'nr',
  'nv',
  'ny',
  'oc',
  'oj',
  'om',
  'or',
  'os',
  'pa',
  'pi',
  'pl',
  'ps',
  'pt',
  'qu',
  'rm',
  'rn',
  'ro',
  'ru',
  'rw',
  'sa',
  'sc',
  'sd',
  'se',
  'sg',
  'si',
  'sk',
  'sl',
  'sm',
  'sn',
  'so',
  'sq',
  'sr',
  'ss',
  'st',
  'su',
  'sv',
  'sw',
  'ta',
  'te',
  'tg',
  'th',
  'ti',
  'tk',
  'tl',
  'tn',
  'to',
  'tr',
  'ts',
  'tt',
  'tw',
  'ty',
  'ug',
  'uk',
  'ur',
  'uz',
  've',
  'vi',
  'vo',
  'wa',
  'wo',
  'xh',
  'yi',
  'yo',
  'za',
  'zh',
  'zu',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/**
 * Languages that people arriving in the partners' countries often speak (and the lingua francas
 * mentors use with them): offered right after the network's own languages.
 */
export const MIGRANT_LANGUAGES: readonly LanguageCode[] = [
  'ar',
  'uk',
  'ru',
  'fa',
  'ps',
  'ku',
  'tr',
  'ti',
  'so',
  'en',
  'fr',
];

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesIn(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  return names;
}

/** A real name for the language, never its bare code: the reader's locale, else English, else none. */
function properName(code: string, locale: string): string | undefined {
  for (const tag of [locale, 'en']) {
    const name = namesIn(tag)?.of(code);
    if (name && name.toLowerCase() !== code) return name;
  }
  return undefined;
}

/** The name of a language in the reader's locale ("Arabisch" for ar in German); the code if none is known. */
export function languageName(code: string, locale: string): string {
  return properName(code, locale) ?? code;
}

export interface LanguageOption {
  code: LanguageCode;
  name: string;
  /** Offered first: one of the network's languages or a common migrant language. */
  first: boolean;
}

/**
 * Every language the reader's browser can name, once each (ISO 639-1 has a few codes that name
 * the same language, e.g. Akan and Twi in some locales), sorted by the reader's collation: the
 * network's languages, then common migrant languages, then all others.
 */
export function languageOptions(locale: string, networkLanguages: readonly string[] = []): LanguageOption[] {
  const collator = new Intl.Collator(locale);
  const seen = new Set<string>();
  const named: { code: LanguageCode; name: string }[] = [];
  for (const code of LANGUAGE_CODES) {
    const name = properName(code, locale);
    if (!name) continue;
    const key = name.toLocaleLowerCase(locale);
    if (seen.has(key)) continue;
    seen.add(key);
    named.push({ code, name });
  }
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  const own = named.filter((l) => networkLanguages.includes(l.code)).sort(byName);
  const migrant = named
    .filter((l) => !networkLanguages.includes(l.code) && MIGRANT_LANGUAGES.includes(l.code))
    .sort(byName);
  const rest = named
    .filter((l) => !networkLanguages.includes(l.code) && !MIGRANT_LANGUAGES.includes(l.code))
    .sort(byName);
  return [
    ...own.map((l) => ({ ...l, first: true })),
    ...migrant.map((l) => ({ ...l, first: true })),
    ...rest.map((l) => ({ ...l, first: false })),
  ];
}
