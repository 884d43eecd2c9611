import type { ParsedQuery } from './search.types.ts';

/**
 * Words this long or longer match as the start of words ("wohnung" finds "Wohnungssuche"); shorter
 * ones match whole words only: "a*" would match most of the index and help nobody.
 */
export const MIN_PREFIX_LENGTH = 3;

/** Whether a wanted word matches as a prefix. */
export const isPrefixWord = (word: string) => [...word].length >= MIN_PREFIX_LENGTH;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const wordsOf = (text: string) => text.match(WORD) ?? [];

/**
 * Reads a search box the way PostgreSQL's websearch_to_tsquery does: words must all match,
 * "quoted phrases" match in order, -word excludes, `or` separates alternatives. Punctuation and
 * any query syntax of the engines are dropped, so input can never break the query.
 */
export function parseSearchQuery(raw: string): ParsedQuery {
  const any: ParsedQuery['any'] = [{ all: [], not: [] }];
  for (const match of raw.matchAll(/(-?)"([^"]*)"?|(-?)([^\s"]+)/g)) {
    const negated = (match[1] ?? match[3]) === '-';
    const text = match[2] ?? match[4] ?? '';
    if (match[4] !== undefined && !negated && text.toLowerCase() === 'or') {
      any.push({ all: [], not: [] });
      continue;
    }
    const group = any[any.length - 1];
    if (!group) continue;
    if (match[2] !== undefined) {
      const words = wordsOf(text);
      if (words.length > 0) (negated ? group.not : group.all).push(words);
    } else {
      // "Straßen-Bahn" is two words that must both match, like the engines tokenise it.
      for (const word of wordsOf(text)) (negated ? group.not : group.all).push([word]);
    }
  }
  return { any };
}
