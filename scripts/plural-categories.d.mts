/** The plural arguments of an ICU message that lack categories of the locale's plural rules. */
export function missingPluralCategories(
  message: string,
  locale: string,
): { argument: string; missing: string[] }[];
