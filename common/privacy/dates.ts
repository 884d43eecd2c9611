import type { Finding } from './kinds.ts';
import { contextMatcher, hasContextBefore } from './text.ts';

/**
 * Dates: every complete date with a year (numeric or with a month name, in the seven languages), a
 * day and month without a year where a birth is spoken of, and years of birth ("Jahrgang 1987").
 * Runs on text whose digits are already ASCII.
 */

// Month names and their usual abbreviations, in nominative and genitive (pl, uk, el, ar).
const MONTHS = [
  // en
  'january|february|march|april|may|june|july|august|september|october|november|december',
  'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec',
  // de
  'januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|mrz|okt|dez',
  // it
  'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|gen|mag|giu|lug|ago|set|ott|dic',
  // pl
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia',
  'styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień',
  // el (genitive as in dates, nominative, without and with accents)
  'ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|μαίου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου',
  'ιανουαριου|φεβρουαριου|μαρτιου|απριλιου|μαιου|ιουνιου|ιουλιου|αυγουστου|σεπτεμβριου|οκτωβριου|νοεμβριου|δεκεμβριου',
  'ιανουάριος|φεβρουάριος|μάρτιος|απρίλιος|μάιος|ιούνιος|ιούλιος|αύγουστος|σεπτέμβριος|οκτώβριος|νοέμβριος|δεκέμβριος',
  // ar (Egyptian and Levantine names)
  'يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر',
  'كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين الأول|تشرين الثاني|كانون الأول',
  // uk
  'січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня',
  'січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень',
].join('|');

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const DAY_MARK = '(?:\\.|°|º|st|nd|rd|th|-го|-ого)?';
const YEAR = '(?:19|20)\\d{2}';
const MONTH = `(?:${MONTHS})\\.?`;
// "3. Mai 1990", "1° gennaio 1990", "5 marca 1990", "20 Μαρτίου 2025", "12 آذار 1992", "the 2nd of May, 1951"
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])${DAY}${DAY_MARK}\\s*(?:of\\s+)?${MONTH}(?![\\p{L}])(?:,?\\s*(${YEAR})(?!\\d))?`,
  'giu',
);
// "May 2, 1951", "March 5th 1990"
const MONTH_DAY_YEAR = new RegExp(
  `(?<![\\p{L}])${MONTH}\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR}(?!\\d)`,
  'giu',
);
// 14/03/1996, 01.01.2001, 3-4-2005, 12.03.85 (a two-digit year only with dots or slashes)
const NUMERIC = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)/g;
const ISO = /(?<![\d-])((?:19|20)\d{2})-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?![\d])/g;

// Words that say a birth is meant: a day and month without a year then counts too.
const BIRTH = contextMatcher([
  'born',
  'birth',
  'dob',
  'd.o.b',
  'geboren',
  'geb.',
  'geburt',
  'nato',
  'nata',
  'nascita',
  'compleanno',
  'urodzi',
  'urodzon',
  'ur.',
  'urodzin',
  'γεννήθηκε',
  'γεννηθηκε',
  'γέννησης',
  'γεννησης',
  'γενέθλια',
  'ولد',
  'وُلد',
  'ولدت',
  'مواليد',
  'ميلاد',
  'народи',
  'народження',
  'день народження',
]);

// A year of birth: "born in 2006", "Jg. 1987", "nato nel 2007", "urodził się w 1995", "من مواليد 2001".
const YEAR_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:born(?: in)?|b\\.|jg\\.|jahrgang|geb\\.(?: im jahr)?|geboren(?: im jahr)?|nat[oa] nel|classe|rocznik|urodzon[ya] w|urodził(?:a)? się w|ur\\. w|γεννήθηκε το|γεννήθηκε στο|γεννημέν[οη]ς το|(?:من )?مواليد(?: عام| سنة)?|ولد(?:ت)? (?:عام|سنة|في عام)|народи(?:вся|лася) (?:у|в))\\s+(${YEAR})(?!\\d)`,
  'giu',
);
// "2004 року народження", "1974 р. н.", "1995 roku urodzenia"
const YEAR_AFTER = new RegExp(
  `(?<!\\d)(${YEAR})\\s*(?:року народження|р\\.\\s?н\\.|г\\.\\s?р\\.|roku urodzenia|r\\.\\s?ur\\.)`,
  'giu',
);

function validDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Every date of personal relevance in the text (digits already ASCII). */
export function findDates(text: string): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, end: number) =>
    found.push({ kind: 'birth_date', start, end, text: text.slice(start, end) });

  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = m[4] ?? '';
    if (!(validDayMonth(a, b) || validDayMonth(b, a))) continue;
    if (year.length === 4 && !/^(19|20)/.test(year)) continue;
    add(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(ISO)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    // Without a year, a day and a month are personal only as a birthday.
    if (m[1] === undefined && !hasContextBefore(text, m.index, BIRTH, 50)) continue;
    let end = m.index + m[0].length;
    while (end > m.index && /[\s,]/.test(text.charAt(end - 1))) end--;
    add(m.index, end);
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(YEAR_BEFORE)) {
    // The whole phrase ("born in 2006"), so that replacing it leaves no dangling "born in".
    add(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(YEAR_AFTER)) add(m.index, m.index + (m[1] ?? '').length);
  return found;
}
