// Which plural categories a catalogue message lacks for its language. A plural (or selectordinal)
// needs a branch for every category the language's rules use — Arabic zero/one/two/few/many/other,
// Ukrainian and Polish one/few/many/other — or readers see the `other` form where their grammar
// needs another ("2 ملفات" written as a plural of many). Exact branches (=0, =1) do not stand in for
// a category: "=1" does not cover 21 in Ukrainian.
import { IntlMessageFormat } from 'intl-messageformat';

const PLURAL = 6;

/**
 * The plural arguments of an ICU message that lack categories of the locale's plural rules.
 * @param {string} message
 * @param {string} locale
 * @returns {{ argument: string, missing: string[] }[]}
 */
export function missingPluralCategories(message, locale) {
  const found = [];
  const walk = (elements) => {
    for (const el of elements) {
      if (el.type === PLURAL) {
        const type = el.pluralType === 'ordinal' ? 'ordinal' : 'cardinal';
        const needed = new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories;
        const missing = needed.filter((category) => !(category in el.options));
        if (missing.length > 0) found.push({ argument: el.value, missing });
      }
      if (el.options) for (const option of Object.values(el.options)) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return found;
}
