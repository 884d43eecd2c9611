import type { TextPiece } from '../../../common/contracts/search.ts';
import { isPrefixWord } from './search-query.ts';
import type { ParsedQuery } from './search.types.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A word as matching sees it: lower case, without accents, ß as ss. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ß', 'ss');
}

/** The words to mark: every wanted word (excluded ones are never in a match), folded. */
export function termsToMark(query: ParsedQuery): string[] {
  return [...new Set(query.any.flatMap((g) => g.all.flat()).map(foldWord))].filter((t) => t !== '');
}

const isMatch = (word: string, terms: string[]) => {
  const folded = foldWord(word);
  return terms.some((term) => (isPrefixWord(term) ? folded.startsWith(term) : folded === term));
};

/** Text as pieces where each word that starts with a searched word is marked (as the engines match prefixes). */
export function markWords(text: string, terms: string[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += piece;
    else pieces.push({ text: piece, mark });
  };
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    if (!isMatch(match[0], terms)) continue;
    push(text.slice(at, match.index), false);
    push(match[0], true);
    at = match.index + match[0].length;
  }
  push(text.slice(at), false);
  return pieces;
}

/** Snippet length in characters (about two lines on a phone). */
export const SNIPPET_LENGTH = 160;
const LEAD = 50;

/**
 * A window of plain text around the first match (or its start), cut at word boundaries with "…"
 * where text was left out, the matched words marked.
 */
export function snippetOf(text: string, terms: string[], length = SNIPPET_LENGTH): TextPiece[] {
  let first = -1;
  for (const match of text.matchAll(WORD)) {
    if (isMatch(match[0], terms)) {
      first = match.index;
      break;
    }
  }
  let start = first > LEAD ? first - LEAD : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : first;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > Math.max(start, first)) end = space;
  }
  const window = `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
  return markWords(window, terms);
}
