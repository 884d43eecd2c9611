import type { TextPiece } from '../../../common/contracts/search.ts';
import type { ParsedQuery } from './search.types.ts';
import { isPrefixWord } from './search-query.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII = /^[\x20-\x7e]*$/;

/** A word as matching sees it: lower case, without accents, ß as ss. */
export function foldWord(word: string): string {
  // Most words are ASCII: nothing to decompose (this runs for every word of every snippet).
  if (ASCII.test(word)) return word.toLowerCase();
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

/** Where the first word that matches starts, or -1. */
export function firstMatchIndex(text: string, terms: string[]): number {
  for (const match of text.matchAll(WORD)) if (isMatch(match[0], terms)) return match.index;
  return -1;
}

/** Characters of source kept on each side of the first match before the text is made plain. */
export const EXCERPT_CONTEXT = 400;

/**
 * The part of a long source text around its first match (or its start), cut at line breaks where
 * there are any, else at spaces: turning Markdown into plain text costs time in proportion to the
 * text, and a snippet needs only its neighbourhood. "… " and " …" say where text was left out.
 */
export function excerptAround(source: string, terms: string[]): string {
  if (source.length <= 2 * EXCERPT_CONTEXT) return source;
  const at = Math.max(0, firstMatchIndex(source, terms));
  let start = Math.max(0, at - EXCERPT_CONTEXT);
  let end = Math.min(source.length, at + EXCERPT_CONTEXT);
  if (start > 0) {
    const line = source.indexOf('\n', start);
    const space = source.indexOf(' ', start);
    start = line >= 0 && line < at ? line + 1 : space >= 0 && space < at ? space + 1 : at;
  }
  if (end < source.length) {
    const line = source.lastIndexOf('\n', end);
    const space = source.lastIndexOf(' ', end);
    end = line > at ? line : space > at ? space : end;
  }
  return `${start > 0 ? '… ' : ''}${source.slice(start, end)}${end < source.length ? ' …' : ''}`;
}

/** Snippet length in characters (about two lines on a phone). */
export const SNIPPET_LENGTH = 160;
const LEAD = 50;

/**
 * A window of plain text around the first match (or its start), cut at word boundaries with "…"
 * where text was left out, the matched words marked.
 */
export function snippetOf(text: string, terms: string[], length = SNIPPET_LENGTH): TextPiece[] {
  const first = firstMatchIndex(text, terms);
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
