/** Small text helpers of the detector: digits, folding, context words. No Node API, no zod. */

/**
 * Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits as ASCII digits. One
 * UTF-16 unit becomes one, so offsets into the result are offsets into the original text.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Lower case without diacritics, for comparing words with the lists (Φατιμά = φατιμα, Jürgen = jurgen). */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’`]/g, "'");
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for context words: each word matches at the start of a word (so "telefon" also finds
 * "telefonu"), a word ending in a space or a dot must be matched as written.
 */
export function contextMatcher(words: readonly string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})`, 'iu');
}

/** Whether one of the context words stands within `window` characters before `start`. */
export function hasContextBefore(text: string, start: number, matcher: RegExp, window = 60): boolean {
  return matcher.test(text.slice(Math.max(0, start - window), start));
}

/** Whether one of the context words stands within `window` characters after `end`. */
export function hasContextAfter(text: string, end: number, matcher: RegExp, window = 30): boolean {
  return matcher.test(text.slice(end, end + window));
}

/** A letter that starts a name: upper case in scripts that have case; any letter in Arabic. */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  if (/\p{Script=Arabic}/u.test(first)) return true;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** A word of the text with its place and its folded form. */
export interface Token {
  start: number;
  end: number;
  word: string;
  folded: string;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/** The words of a text, in order. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: m[0],
    folded: fold(m[0]),
  }));
}

/** Whether a word is written in Arabic script (which has no capital letters). */
export function isArabicScript(word: string): boolean {
  return /\p{Script=Arabic}/u.test(word);
}

// Case endings of Polish, Ukrainian and Greek (folded), and the endings of the dictionary form they
// stand for: Oksany → Oksana, Андрію → Андрій, Γιώργου → Γιώργος, z Kabulu → Kabul.
const CASE_ENDINGS = [
  'owi',
  'iem',
  'em',
  'om',
  'ie',
  'ii',
  'y',
  'i',
  'u',
  'e',
  'a',
  'o',
  'ові',
  'еві',
  'ою',
  'ею',
  'ом',
  'ем',
  'ого',
  'ої',
  'ю',
  'у',
  'і',
  'и',
  'а',
  'я',
  'є',
  'е',
  'ου',
  'ς',
  'η',
  'α',
  'ο',
];
const DICTIONARY_ENDINGS = [
  '',
  'a',
  'ia',
  'ja',
  'e',
  'ь',
  'и',
  'а',
  'я',
  'ія',
  'ос',
  'ης',
  'ος',
  'α',
  'η',
  'ας',
  'о',
].map((e) => fold(e));

/** Whether a folded word, or a case form of it, is in the set. */
export function inListInflected(set: ReadonlySet<string>, folded: string): boolean {
  if (set.has(folded)) return true;
  for (const ending of CASE_ENDINGS) {
    if (!folded.endsWith(ending)) continue;
    const stem = folded.slice(0, folded.length - ending.length);
    // In Latin script a short stem too often is another word (Line, Linie ≠ Lina); Marii stays Maria.
    const latin = /^[a-z'-]+$/.test(stem);
    if (stem.length < (latin && ending !== 'ii' ? 4 : 3)) continue;
    for (const dictionary of DICTIONARY_ENDINGS) if (set.has(stem + dictionary)) return true;
  }
  return false;
}
