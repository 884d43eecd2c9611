const PSEUDO_REGIONS = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const cache = new Map<string, { code: string; name: string }[]>();

/** ISO 3166-1 alpha-2 countries with names in the reader's language, sorted — straight from Intl. */
export function countries(locale: string): { code: string; name: string }[] {
  const known = cache.get(locale);
  if (known) return known;
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const list: { code: string; name: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (PSEUDO_REGIONS.has(code)) continue;
      try {
        const name = names.of(code);
        if (name && name !== code) list.push({ code, name });
      } catch {
        // Not a region code.
      }
    }
  }
  const collator = new Intl.Collator(locale);
  list.sort((x, y) => collator.compare(x.name, y.name));
  cache.set(locale, list);
  return list;
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
