import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntryBody } from '../../../common/contracts/directory.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildNetwork } from '../../test/factories.ts';
import { insertEntries } from './directory.repository.ts';
import { curatedValues, syncMirroredEntries } from './directory.service.ts';
import {
  type DirectoryFilter,
  type SearchPage,
  searchEntries,
  searchPage,
} from './directory-search.repository.ts';

const SERVICES = ['legal_asylum', 'housing', 'work', 'health'] as const;
const LANGUAGES = ['ar', 'de', 'fa', 'uk', 'en'] as const;
const KINDS = ['ngo', 'association', 'municipality'] as const;
const PLACES = [
  { country: 'DE', city: 'Zürich-Nord', region: 'Nordland' },
  { country: 'GR', city: 'Αθήνα', region: 'Αττική' },
  { country: 'IT', city: 'Roma', region: 'Lazio' },
];
const WORDS = ['Migration', 'Beratung', 'Straße', 'Ελένη', '50%_rabatt', 'Welcome'];

function entry(i: number): DirectoryEntryBody {
  const place = PLACES[i % PLACES.length] as (typeof PLACES)[number];
  const located = i % 4 !== 0;
  return {
    name: `${WORDS[i % WORDS.length]} Centre ${String(i).padStart(2, '0')}`,
    kind: KINDS[i % KINDS.length] ?? 'ngo',
    services: SERVICES.filter((_, j) => (i >> j) % 2 === 1),
    languages: LANGUAGES.filter((_, j) => (i + j) % 3 === 0),
    ...place,
    address: `Hauptstraße ${i}`,
    latitude: located ? 37 + (i % 7) * 0.5 : null,
    longitude: located ? 23 + (i % 5) * 0.7 : null,
    email: null,
    phone: null,
    website: null,
    openingHours: '',
    description: `${WORDS[(i + 2) % WORDS.length]} and ${WORDS[(i + 3) % WORDS.length]} for everyone`,
    lastCheckedOn: null,
  };
}

// The public page is precompiled (built and compiled once per number of tags and words, on SQLite
// read on the reader connection): every filter and page must give exactly the entries the plain
// query gives, on both databases.
describe.each(DIALECTS)('the precompiled directory search on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const now = new Date().toISOString();
    await insertEntries(
      t.ctx.database.db,
      Array.from({ length: 40 }, (_, i) => curatedValues(`entry-${i}`, entry(i), null, now)),
    );
    await buildNetwork(t.ctx, { name: 'Migration Mentors', visibility: 'public' });
    await syncMirroredEntries(t.ctx, true);
  });
  afterAll(() => t.close());

  it('gives the entries of the plain query for every filter and page', async () => {
    const db = t.ctx.database.db;
    const filters: DirectoryFilter[] = [
      {},
      { text: 'migration' },
      { text: 'MIGRATION beratung' },
      { text: 'strasse' },
      { text: 'ελενη' },
      { text: '50%_' },
      { text: 'nothing-like-this' },
      { services: ['legal_asylum'] },
      { services: ['legal_asylum', 'housing'], languages: ['ar'] },
      { text: 'centre', services: ['work'], languages: ['de', 'fa'], kind: 'ngo', country: 'DE' },
      { city: 'zurich-nord' },
      { city: 'ΑΤΤΙΚΗ', text: 'welcome' },
      { country: 'IT', kind: 'association' },
      { languages: ['en'] },
    ];
    const pages: SearchPage[] = [
      { offset: 0, limit: 21 },
      { offset: 3, limit: 4 },
      { offset: 0, limit: 101, near: { lat: 37.98, lng: 23.73 } },
      { offset: 2, limit: 5, near: { lat: 41.9, lng: 12.5 } },
    ];
    let found = 0;
    for (const filter of filters) {
      for (const page of pages) {
        const plain = await searchEntries(db, filter, page);
        const fast = await searchPage(db, filter, page);
        expect(fast, JSON.stringify({ filter, page })).toEqual(plain);
        found += fast.length;
      }
    }
    // The filters find something (the comparison is not between two empty lists).
    expect(found).toBeGreaterThan(200);
    expect((await searchPage(db, { text: 'migration mentors' }, pages[0] as SearchPage))[0]).toMatchObject({
      source: 'network',
      networkName: 'Migration Mentors',
    });
  });
});
