import type { Finding } from './kinds.ts';

/**
 * Postal addresses: a street word of one of the seven languages (Straße/str., Road, via, ul.,
 * οδός/οδ., شارع, вул., …) with a house number, and the postcode and town when they follow. A
 * street with a number followed by a postcode is taken without a street word too (Εγνατία 45,
 * 54630 Θεσσαλονίκη). Runs on text whose digits are already ASCII.
 */

/** A word in lower case and capitalised, as regex alternatives (no `i` flag: it would make \p{Lu} match any letter). */
function words(list: string[]): string {
  const all = list.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]);
  return `(?:${[...new Set(all)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\./g, '\\.'))
    .join('|')})`;
}

const CAP = "\\p{Lu}[\\p{L}'’.-]*";
// 12, 12a, 12 b, 12/4, 5-7; "3 m. 5" is house 3, flat 5, not house 3 m.
const HOUSE =
  '\\d{1,4}(?:[a-zA-Zα-ωа-я](?![\\p{L}\\d])|\\s[a-zA-Z](?![\\p{L}\\d.]))?(?![\\p{L}\\d])(?:\\s?[/-]\\s?\\d{1,4}[a-zA-Z]?)?';
// ", 04109 Leipzig", ", 00-061 Warszawa", " 54630 Θεσσαλονίκη", ", 10122 Torino", ", London E15 2PD", ", Napoli."
const TOWN_WORD = '\\p{Lu}[\\p{L}-]*';
const TOWN = `(?:,?\\s*(?:\\d{5}|\\d{2}-\\d{3}|\\d{3} \\d{2})\\s+${TOWN_WORD}|,\\s*${TOWN_WORD}(?:\\s+[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2})|,\\s*${TOWN_WORD}(?=\\s*(?:[.;)\\n]|$)))?`;
const FLAT = '(?:,?\\s*(?:kv\\.|кв\\.|квартира|m\\.|lok\\.|int\\.|apt\\.?|wohnung)\\s*\\d{1,4})?';

const GERMAN_SUFFIX =
  '(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt)';
const GERMAN = `(?<![\\p{L}])(?:\\p{Lu}[\\p{L}-]*[\\s-])?\\p{Lu}[\\p{L}]*${GERMAN_SUFFIX}\\s*${HOUSE}`;
// "Berliner Straße 12", "Straße der Einheit 4" is left out: rare in case texts.
const GERMAN_SEPARATE = `(?<![\\p{L}])\\p{Lu}[\\p{L}]*(?:er|sche)\\s+(?:Straße|Strasse|Str\\.|Weg|Allee|Platz|Ring|Damm)\\s*${HOUSE}`;
const NOT_A_PLACE =
  '(?!(?:Jahr|Jahre|Alter|Moment|Ende|Anfang|Monat|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Durchschnitt|Schnitt)\\b)';
const GERMAN_AM = `(?<![\\p{L}])(?:Am|An der|Auf der|Im|In der|Zum|Zur|Hinter der|Unter den)\\s+${NOT_A_PLACE}\\p{Lu}[\\p{L}-]+\\s+\\d{1,3}[a-z]?(?![\\p{L}\\d:]|\\.\\d)`;
const ENGLISH_STREET =
  '(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Way|Square|Place|Gardens|Terrace|Crescent|Court|Grove|Row|Hill|Walk|Mews|Parade)';
const ENGLISH = `(?:(?:Flat|Apartment|Apt\\.?|Unit)\\s*\\d{1,4}[A-Za-z]?,?\\s*)?(?<![\\p{L}\\d])\\d{1,4}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'-]*\\s+){1,3}${ENGLISH_STREET}(?![\\p{L}])`;
const ITALIAN = `(?<![\\p{L}])${words(['via', 'viale', 'v.le', 'corso', 'c.so', 'piazza', 'p.za', 'piazzale', 'largo', 'vicolo', 'lungomare', 'lungarno', 'borgo'])}\\s+(?:${CAP}\\s+|(?:di|del|della|dei|delle|degli|de|da|san|santa|d')\\s*){1,5}${HOUSE}`;
const POLISH = `(?<![\\p{L}])${words(['ul.', 'ulica', 'ulicy', 'ulicę', 'al.', 'aleja', 'alei', 'os.', 'osiedle', 'osiedlu', 'pl.', 'plac', 'placu'])}\\s*(?:${CAP}\\s+){1,4}${HOUSE}`;
const GREEK = `(?<![\\p{L}])${words(['οδός', 'οδό', 'οδού', 'οδ.', 'λεωφόρος', 'λεωφόρο', 'λεωφόρου', 'λεωφ.', 'πλατεία', 'πλ.'])}\\s*(?:${CAP}\\s+){1,3}${HOUSE}`;
const ARABIC = `(?<![\\p{L}])(?:شارع|ش\\.|طريق|جادة|ساحة|حي)\\s+(?:[\\p{Script=Arabic}]+\\s+){1,4}?\\d{1,4}`;
const CYRILLIC = `(?<![\\p{L}])${words(['вул.', 'вулиця', 'вулиці', 'вулицю', 'ул.', 'улица', 'просп.', 'проспект', 'проспекті', 'пл.', 'площа', 'площі', 'бульв.', 'бульвар', 'пров.', 'провулок'])}\\s*(?:${CAP}\\s*,?\\s*){1,3}${HOUSE}`;
// "Εγνατία 45, 54630 Θεσσαλονίκη": a street without a street word, known by the postcode after it.
const WITH_POSTCODE = `(?<![\\p{L}])${CAP}\\s+\\d{1,4}[a-zA-Z]?,\\s*(?:\\d{5}|\\d{3} \\d{2}|\\d{2}-\\d{3})\\s+${TOWN_WORD}`;

const STREET = new RegExp(
  `(?:${[GERMAN, GERMAN_SEPARATE, GERMAN_AM, ENGLISH, ITALIAN, POLISH, GREEK, ARABIC, CYRILLIC].join('|')})${FLAT}${TOWN}|${WITH_POSTCODE}`,
  'gu',
);

/** Postal addresses in the text. */
export function findAddresses(text: string): Finding[] {
  return [...text.matchAll(STREET)].map((m) => {
    let end = m.index + m[0].length;
    while (end > m.index && /[\s,]/.test(text.charAt(end - 1))) end--;
    return { kind: 'address' as const, start: m.index, end, text: text.slice(m.index, end) };
  });
}
