import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryName, countryOptions } from './countries.ts';
import { LOCALES } from './locales.ts';
import { LANGUAGE_CODES, languageName, languageOptions, MIGRANT_LANGUAGES } from './languages.ts';

const READERS = LOCALES;

describe('languageOptions', () => {
  it.each(READERS)('names every language once and never by its bare code (%s)', (locale) => {
    const options = languageOptions(locale);
    const names = options.map((o) => o.name.toLocaleLowerCase(locale));
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(options.map((o) => o.code)).size).toBe(options.length);
    for (const o of options) {
      expect(o.name.toLowerCase()).not.toBe(o.code);
      expect(o.name).not.toMatch(/^[a-z]{2}$/);
    }
    // Not thinned out: nearly all of ISO 639-1 is offered.
    expect(options.length).toBeGreaterThan(LANGUAGE_CODES.length - 20);
  });

  it('puts the network’s languages first, then common migrant languages, each part sorted by the reader', () => {
    const options = languageOptions('de', ['de', 'en', 'pl']);
    expect(options.slice(0, 3).map((o) => o.code)).toEqual(['de', 'en', 'pl']);
    const migrant = options.slice(3, 3 + MIGRANT_LANGUAGES.length - 1);
    expect(new Set(migrant.map((o) => o.code))).toEqual(new Set(MIGRANT_LANGUAGES.filter((c) => c !== 'en')));
    const collator = new Intl.Collator('de');
    const sorted = (list: { name: string }[]) =>
      list.every((o, i) => i === 0 || collator.compare(list[i - 1]?.name ?? '', o.name) <= 0);
    expect(sorted(options.slice(0, 3))).toBe(true);
    expect(sorted(migrant)).toBe(true);
    const rest = options.filter((o) => !o.first);
    expect(sorted(rest)).toBe(true);
    expect(options.filter((o) => o.first)).toHaveLength(3 + migrant.length);
    // German collation: Ä sorts with A, not after Z.
    const rn = rest.map((o) => o.name);
    expect(rn.indexOf('Älteres Norwegisch') === -1 || rn.indexOf('Albanisch') < rn.indexOf('Zulu')).toBe(
      true,
    );
    expect(rest.at(-1)?.name).not.toMatch(/^[ÄÖÜ]/);
  });

  it('names languages in the reader’s language', () => {
    expect(languageName('ar', 'de')).toBe('Arabisch');
    expect(languageName('de', 'ar')).toBe('الألمانية');
    expect(languageName('zz', 'en')).toBe('zz');
  });
});

describe('countryOptions', () => {
  it('lists the 249 ISO 3166-1 countries, each once', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
  });

  it.each(READERS)('has no duplicate and no bare code in %s, sorted by the reader', (locale) => {
    const options = countryOptions(locale);
    const names = options.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const o of options) expect(o.name).not.toBe(o.code);
    for (const name of ['Germany', 'France', 'United Kingdom', 'Russia', 'Serbia']) {
      expect(countryOptions('en').filter((o) => o.name === name)).toHaveLength(1);
    }
    const collator = new Intl.Collator(locale);
    expect(names.every((n, i) => i === 0 || collator.compare(names[i - 1] ?? '', n) <= 0)).toBe(true);
  });

  it('names a country in the reader’s language', () => {
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('DE', 'uk')).toBe('Німеччина');
  });
});
