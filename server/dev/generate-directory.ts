import { DIRECTORY_SERVICES } from '../../common/directory.ts';
import type { LanguageCode } from '../../common/languages.ts';
import type { DB } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { curatedValues, tagsOf } from '../modules/directory/index.ts';

export interface DirectoryOptions {
  rnd: () => number;
  now: number;
  entries: number;
  insert: <T extends keyof DB & string>(table: T, rows: readonly object[]) => Promise<void>;
}

// Fictional organisations in the partners' countries, written for this generator.
const PLACES = [
  { country: 'DE', city: 'Musterstadt', region: 'Nordland', lat: 52.5, lng: 13.4 },
  { country: 'DE', city: 'Beispielhausen', region: 'Südland', lat: 48.1, lng: 11.6 },
  { country: 'IT', city: 'Città Esempio', region: 'Lazio', lat: 41.9, lng: 12.5 },
  { country: 'PL', city: 'Przykładowo', region: 'Mazowsze', lat: 52.2, lng: 21.0 },
  { country: 'GR', city: 'Παράδειγμα', region: 'Αττική', lat: 37.98, lng: 23.73 },
  { country: 'AT', city: 'Musterdorf', region: 'Ostland', lat: 48.2, lng: 16.37 },
] as const;
const WORDS = [
  ['Beratungsstelle', 'Welcome Centre', 'Sportello', 'Punkt Pomocy', 'Κέντρο Στήριξης', 'Anlaufstelle'],
  ['Migration', 'Refugee Law', 'Integrazione', 'Cudzoziemców', 'Μεταναστών', 'Nachbarschaft', 'Sprachcafé'],
  ['Nord', 'Süd', 'Centro', 'Wschód', 'Νότος', 'West', 'Altstadt', 'Hafen'],
];
const DESCRIPTIONS = [
  'Kostenlose Beratung zu Aufenthalt, Asyl und Familiennachzug.',
  'Free advice on housing, benefits and first steps in the city.',
  'Corsi di lingua gratuiti e accompagnamento ai servizi.',
  'Bezpłatne porady prawne i psychologiczne dla cudzoziemców.',
  'Δωρεάν νομική συμβουλευτική και μαθήματα ελληνικών.',
  'Offene Sprechstunde für Frauen und Familien.',
];
const LANGUAGES: LanguageCode[] = [
  'de',
  'en',
  'ar',
  'uk',
  'it',
  'pl',
  'el',
  'fa',
  'tr',
  'ru',
  'fr',
  'ps',
  'ti',
  'so',
];
const KINDS = ['ngo', 'association', 'municipality', 'religious', 'school', 'other'] as const;

/**
 * Directory-only entries (the public directory's curated part), all fictional: names from three
 * word lists, a few services and languages each, nine in ten located around their city. Returns
 * the text + language + service filter the benchmark asks for.
 */
export async function generateDirectory(o: DirectoryOptions): Promise<string> {
  const { rnd } = o;
  const pick = <V>(list: readonly V[]): V => list[Math.floor(rnd() * list.length)] as V;
  const some = <V>(list: readonly V[], max: number): V[] => {
    const chosen = new Set<V>();
    const n = 1 + Math.floor(rnd() * max);
    while (chosen.size < n) chosen.add(pick(list));
    return [...chosen];
  };
  const checked = new Date(o.now - 90 * 86_400_000).toISOString().slice(0, 10);
  const entries: object[] = [];
  const tags: object[] = [];
  for (let i = 0; i < o.entries; i++) {
    const place = pick(PLACES);
    const located = rnd() < 0.9;
    const at = new Date(o.now - Math.floor(rnd() * 400) * 86_400_000).toISOString();
    // One in fifty surely matches the benchmark's filter, so that even the small scale has a page.
    const sure = i % 50 === 0;
    const middle = sure ? 'Migration' : pick(WORDS[1] as string[]);
    const services = some(DIRECTORY_SERVICES, 4);
    const languages = some(LANGUAGES, 4);
    const row = curatedValues(
      newId(o.now - i),
      {
        name: `${pick(WORDS[0] as string[])} ${middle} ${pick(WORDS[2] as string[])} ${i + 1}`,
        kind: pick(KINDS),
        services: sure ? [...services, 'legal_asylum'] : services,
        languages: sure ? [...languages, 'ar'] : languages,
        country: place.country,
        city: place.city,
        region: place.region,
        address: `Generated Street ${1 + (i % 200)}`,
        latitude: located ? place.lat + (rnd() - 0.5) * 0.4 : null,
        longitude: located ? place.lng + (rnd() - 0.5) * 0.4 : null,
        email: `office${i}@directory.generated.example.org`,
        phone: null,
        website: `https://directory.generated.example.org/${i}`,
        openingHours: 'Mo–Fr 9–17',
        description: pick(DESCRIPTIONS),
        lastCheckedOn: checked,
      },
      null,
      at,
    );
    entries.push(row);
    for (const tag of tagsOf(row)) tags.push({ tag, sortName: row.sortName, entryId: row.id });
  }
  await o.insert('directoryEntries', entries);
  await o.insert('directoryTags', tags);
  return 'text=migration&language=ar&service=legal_asylum&limit=20';
}
