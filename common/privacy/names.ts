import type { Finding } from './kinds.ts';
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './names.data.ts';
import { ORIGIN_PLACES } from './places.data.ts';
import { fold, inListInflected, isArabicScript, isCapitalised, type Token, tokenize } from './text.ts';

/**
 * Personal names and places of origin. A name is a word of the name list (names.data.ts), a word
 * after a title (Frau, Mr, signora, pani, κ., السيد, пані …) or after a phrase that introduces a
 * person (my mentee, heißt, si chiama, ma na imię, اسمها, звати …); a capitalised word right after
 * a name is taken as the surname. A place of origin is a place of places.data.ts.
 */

const split = (list: string) => list.split(/\s+/).filter(Boolean).map(fold);
// Titles and introducing words are compared in lower case but with their diacritics: żona is not zona.
const splitLower = (list: string) =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
const lower = (t: Token) => t.word.toLowerCase();
const AMBIGUOUS = new Set(split(AMBIGUOUS_FIRST_NAMES));
const NAMES = new Set(split(FIRST_NAMES).filter((n) => !AMBIGUOUS.has(n)));
const PLACES = new Set(
  ORIGIN_PLACES.split('\n')
    .flatMap((line) => line.split('|'))
    .map((p) => fold(p.trim()))
    .filter(Boolean),
);
const LONGEST_PLACE = Math.max(...[...PLACES].map((p) => p.split(' ').length));

// Titles: the next one or two capitalised words are a name, whatever they are.
const TITLES = new Set(
  splitLower(`frau herr herrn hr fr dr mr mrs ms miss mister madam dott dottor dottoressa signora signor signore sig sig.ra
  pan pani panu pana panią panem panie państwo κ κα κος κύριος κύριο κυρίου κυρία κυρίας κυρ
  السيد السيدة الأستاذ الأستاذة الاستاذ الاستاذة الدكتور الدكتورة الحاج الحاجة
  пан пані пана пану паном панові панею
  familie famiglia rodzina rodziny rodziną οικογένεια οικογένειας عائلة родина родини`),
);
// Phrases that introduce a person: a listed name after them counts in any case, another word when capitalised.
const INTRODUCERS = new Set(
  splitLower(`mentee mentees named called heißt heisst namens chiama chiamano nome imię imieniu nazywa
  podopieczna podopieczny podopiecznej podopiecznego podopieczną підопічна підопічний підопічної підопічного
  підопічну звати зовут ім'я імені المتدرب المتدربة متدربتي متدربي اسمه اسمها اسمي يدعى تدعى
  ονομάζεται λέγεται όνομα μεντορευόμενη μεντορευόμενος
  son daughter sohn tochter figlio figlia syn córka córki syna γιος κόρη ابن ابنة ابنه ابنها ابنته син сина дочка доньку донька
  wife husband ehefrau ehemann moglie marito żona mąż σύζυγος زوجها زوجته زوجتي дружина чоловік
  teacher lehrerin lehrer maestra maestro insegnante nauczycielka nauczyciel δασκάλα δάσκαλος المعلمة المعلم вчителька вчитель
  caseworker sachbearbeiterin sachbearbeiter assistente pracownica pracownik`),
);
// Saints name streets, squares and districts: San Lorenzo, Sankt Georg, Άγιος Δημήτριος are places.
const SAINTS = new Set(
  splitLower('san santa santo sankt st saint święty świętego άγιος αγίου αγία αγίας святого'),
);
// Capitalised words that never start or continue a name.
const STOP = new Set(
  split(`the a an he she it we they i his her my our their this that and but in on at to for from with of by
  der die das den dem des ein eine einen er sie es wir ich ihr ihre sein seine mein meine und aber mit von vom
  zum zur beim im am an auf aus bei für nach seit heute morgen gestern
  il lo la le gli un una uno lui lei mi ci si ha non e ma con per del della di da nel alla
  ona on jej jego ich nie w z na i a ale do od po o ze we jest są
  ο η το οι τα και αλλά με σε στο στη στην από για του της
  він вона вони його її ми я у в з на не і й та але до від це
  في من على إلى الى عن مع هو هي هم أن ان لا لم قد كان كانت التي الذي
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday januar februar märz mai juni juli oktober dezember
  montag dienstag mittwoch donnerstag freitag samstag sonntag
  jobcenter amt bamf questura inps zus mops`),
);

function isNameWord(token: Token, afterIntroducer: boolean): boolean {
  if (STOP.has(token.folded) || token.word.length < 2) return false;
  const listed =
    NAMES.has(token.folded) || (!isArabicScript(token.word) && inListInflected(NAMES, token.folded));
  if (afterIntroducer)
    return (
      listed || AMBIGUOUS.has(token.folded) || (!isArabicScript(token.word) && isCapitalised(token.word))
    );
  return listed && isCapitalised(token.word);
}

/** "و" (and) is written onto the next word in Arabic: وأحمد is "and Ahmad". */
function withoutArabicAnd(token: Token): Token | null {
  if (!isArabicScript(token.word) || !token.word.startsWith('و') || token.word.length < 4) return null;
  return { start: token.start + 1, end: token.end, word: token.word.slice(1), folded: token.folded.slice(1) };
}

function isSurname(token: Token): boolean {
  if (STOP.has(token.folded) || TITLES.has(lower(token)) || PLACES.has(token.folded)) return false;
  if (isArabicScript(token.word))
    return (token.word.startsWith('ال') && token.word.length > 3) || NAMES.has(token.folded);
  return isCapitalised(token.word) && token.word.length > 1;
}

/** Personal names. */
export function findNames(text: string): Finding[] {
  const tokens = tokenize(text);
  const found: Finding[] = [];
  const gap = (a: Token, b: Token) => text.slice(a.end, b.start);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const previous = tokens[i - 1];
    const joined =
      previous && /^[\s,:]*$/.test(gap(previous, token)) && !/[.!?]\s*$/.test(gap(previous, token));
    // A title may be abbreviated with a dot (Dr., κ., sig.).
    const afterTitle = Boolean(
      previous && TITLES.has(lower(previous)) && /^\.?[ \u00a0]+$|^\.?$/.test(gap(previous, token)),
    );
    const afterIntroducer = Boolean(previous && joined && INTRODUCERS.has(lower(previous)));
    let first: Token | null = null;
    if (previous && SAINTS.has(lower(previous))) {
      i++;
      continue;
    }
    if (afterTitle) {
      const ok = isArabicScript(token.word)
        ? !STOP.has(token.folded)
        : isCapitalised(token.word) && !STOP.has(token.folded);
      if (ok) first = token;
    } else if (isNameWord(token, afterIntroducer && !isArabicScript(token.word))) {
      first = token;
    } else if (
      afterIntroducer &&
      isArabicScript(token.word) &&
      (NAMES.has(token.folded) || AMBIGUOUS.has(token.folded))
    ) {
      first = token;
    } else {
      const bare = withoutArabicAnd(token);
      if (bare && NAMES.has(bare.folded)) first = bare;
    }
    if (!first) {
      i++;
      continue;
    }
    let end = first.end;
    let j = i + 1;
    // A surname (or a second name) right after, separated by one space only.
    while (j < tokens.length && j <= i + 2) {
      const next = tokens[j] as Token;
      if (text.slice(end, next.start) !== ' ' || !isSurname(next)) break;
      end = next.end;
      j++;
    }
    found.push({ kind: 'name', start: first.start, end, text: text.slice(first.start, end) });
    i = j;
  }
  return found;
}

/** Places of origin. */
export function findPlaces(text: string): Finding[] {
  const tokens = tokenize(text);
  const found: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const arabic = isArabicScript(token.word);
    if (!arabic && !isCapitalised(token.word)) continue;
    let matched: Finding | null = null;
    for (let n = Math.min(LONGEST_PLACE, tokens.length - i); n >= 1 && !matched; n--) {
      const run = tokens.slice(i, i + n);
      if (run.some((t, k) => k > 0 && !/^[\s-]$/.test(text.slice((run[k - 1] as Token).end, t.start))))
        continue;
      const folded = run.map((t) => t.folded).join(' ');
      const last = run[run.length - 1] as Token;
      let start = token.start;
      let hit = PLACES.has(folded) || (n === 1 && !arabic && inListInflected(PLACES, folded));
      // Arabic writes "in", "and", "to" onto the word: بحلب, وحلب, لحلب.
      if (!hit && arabic && /^[وبلف]/.test(folded) && PLACES.has(folded.slice(1))) {
        hit = true;
        start += 1;
      }
      // "Herat-born": a listed place as the first part of a hyphenated word.
      if (!hit && n === 1 && token.word.includes('-')) {
        const head = token.word.split('-')[0] ?? '';
        if (PLACES.has(fold(head))) {
          matched = { kind: 'nationality_place', start, end: start + head.length, text: head };
          break;
        }
      }
      if (hit)
        matched = { kind: 'nationality_place', start, end: last.end, text: text.slice(start, last.end) };
    }
    if (matched) found.push(matched);
  }
  return found;
}
