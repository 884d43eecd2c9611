import { type Kysely, sql } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import { type DirectoryEntryListRow, entriesWithLinks } from './directory.repository.ts';
import { containsPattern, foldText } from './directory-text.ts';

/** What a search filters by, already checked. */
export interface DirectoryFilter {
  text?: string;
  country?: string;
  city?: string;
  services?: string[];
  languages?: string[];
  kind?: string;
}

export interface Near {
  lat: number;
  lng: number;
}

export interface SearchPage {
  offset: number;
  limit: number;
  near?: Near;
}

/** At most a place, 20 services, 20 languages, a kind and a country (the query's own limits). */
const MAX_TAGS = 43;
/** Words of the text beyond these are not looked at. */
const MAX_WORDS = 8;
const TAG_NAMES = Array.from({ length: MAX_TAGS }, (_, i) => `tag${i}`);
const WORD_NAMES = Array.from({ length: MAX_WORDS }, (_, i) => `word${i}`);

/**
 * What a page of the search is read with. `tags` and `words` say how many of `tag0…` and `word0…`
 * are used (they shape the query); everything else is a bound value, undefined when not asked for.
 */
// A type, not an interface: precompiled() needs its parameters to be a record.
export type SearchParams = {
  tags: number;
  words: number;
  offset: number;
  limit: number;
  lat: number | undefined;
  lng: number | undefined;
  /** The square of the cosine of the latitude asked about (see searchQuery). */
  lngScale: number | undefined;
} & { [name: `tag${number}` | `word${number}`]: string | undefined };

/**
 * The tags every wanted entry must have (services and languages: all of them), the likely
 * narrowest first: a place, then services, languages, kind, country.
 */
function wantedTags(filter: DirectoryFilter): string[] {
  const tags: string[] = [];
  if (filter.city) tags.push(`p:${foldText(filter.city)}`);
  tags.push(...(filter.services ?? []).map((s) => `s:${s}`));
  tags.push(...(filter.languages ?? []).map((l) => `l:${l}`));
  if (filter.kind) tags.push(`k:${filter.kind}`);
  if (filter.country) tags.push(`c:${filter.country}`);
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** The filter and page as the search query's values. */
export function searchParams(filter: DirectoryFilter, page: SearchPage): SearchParams {
  const tags = wantedTags(filter);
  const words = foldText(filter.text ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map(containsPattern);
  const near = page.near;
  const k = near ? Math.cos((near.lat * Math.PI) / 180) : undefined;
  const params: SearchParams = {
    tags: tags.length,
    words: words.length,
    offset: page.offset,
    limit: page.limit,
    lat: near?.lat,
    lng: near?.lng,
    lngScale: k === undefined ? undefined : k * k,
  };
  tags.forEach((tag, i) => {
    params[`tag${i}`] = tag;
  });
  words.forEach((word, i) => {
    params[`word${i}`] = word;
  });
  return params;
}

/**
 * The ids of a page of matching entries. With tag filters, the first tag's entries are walked in
 * name order (index on tag, sort key, entry) and each further tag is one primary-key probe per
 * candidate, so a page stops early; every word of the text must occur in the entry's folded text.
 * Nearest first, the candidates are sorted by distance instead.
 */
export function searchQuery(db: Kysely<DB>, p: SearchParams) {
  const driver = p.tags > 0 ? p.tag0 : undefined;
  let query =
    driver === undefined
      ? db.selectFrom('directoryEntries as e').select(['e.id', 'e.sortName'])
      : db
          .selectFrom('directoryTags as t0')
          .innerJoin('directoryEntries as e', 'e.id', 't0.entryId')
          .select(['e.id', 't0.sortName'])
          .where('t0.tag', '=', driver);
  for (let i = 1; i < p.tags; i++) {
    const tag = p[`tag${i}`] as string;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('directoryTags as t')
          .select('t.entryId')
          .where('t.tag', '=', tag)
          // On the driving tag's row, not the entry's: the probe then comes before the entry is read.
          .whereRef('t.entryId', '=', sql.ref(driver === undefined ? 'e.id' : 't0.entry_id')),
      ),
    );
  }
  for (let i = 0; i < p.words; i++)
    query = query.where(sql<boolean>`e.search_text like ${p[`word${i}`]} escape '\\'`);
  const { lat, lng, lngScale } = p;
  if (lat !== undefined && lng !== undefined && lngScale !== undefined) {
    // Squared distance on a plane stretched by the cosine of the latitude: the order of true
    // distances at the scale of a country, in plain arithmetic both databases have.
    query = query
      .orderBy(sql`case when e.latitude is null or e.longitude is null then 1 else 0 end`)
      .orderBy(
        sql`(e.latitude - ${lat}) * (e.latitude - ${lat}) + (e.longitude - ${lng}) * (e.longitude - ${lng}) * ${lngScale}`,
      );
  }
  // The driving tag's own sort key (the same as the entry's), so its index gives the order.
  const sortKey = driver === undefined ? sql.ref('e.sort_name') : sql.ref('t0.sort_name');
  const idKey = driver === undefined ? sql.ref('e.id') : sql.ref('t0.entry_id');
  return query.orderBy(sortKey).orderBy(idKey).offset(p.offset).limit(p.limit);
}

/**
 * The public search is the directory's hot read: built and compiled once per number of tags and
 * words (and with or without a location), then only executed, on SQLite on the reader connection.
 * On PostgreSQL it is planned for each execution's values: the generic plan a named statement gets
 * after five runs cannot know how common the tags and words are, and read every entry whose text
 * matches before sorting (148 ms for the benchmark's search on 20,000 entries) where walking the
 * first tag in name order stops after one page (16 ms, cold).
 */
const searchPrecompiled = precompiled(searchQuery, {
  values: [...TAG_NAMES, ...WORD_NAMES, 'offset', 'limit', 'lat', 'lng', 'lngScale'] as (keyof SearchParams &
    string)[],
  plannedForItsValues: true,
});

/** The entries of a page, by id, with their links (ids: at most a page). */
const entriesByIdPrecompiled = precompiled(
  (db, p: { ids: string[] }) => entriesWithLinks(db).where('e.id', 'in', p.ids),
  { values: [], lists: ['ids'] },
);

function inOrder(ids: string[], rows: DirectoryEntryListRow[]): DirectoryEntryListRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A page of entries matching the filter: by name, or nearest first when `near` is given (entries
 * without a location last). Two steps: the ids of the page are found on narrow rows (sorting whole
 * entries was most of the time), then their entries are read by id.
 */
export async function searchPage(
  db: Kysely<DB>,
  filter: DirectoryFilter,
  page: SearchPage,
): Promise<DirectoryEntryListRow[]> {
  const ids = (await searchPrecompiled(db, searchParams(filter, page))).map((r) => r.id);
  if (ids.length === 0) return [];
  return inOrder(ids, (await entriesByIdPrecompiled(db, { ids })) as DirectoryEntryListRow[]);
}

/** Every entry matching the filter, in the order of a page (for an export: the plain query, any size). */
export async function searchEntries(
  db: Kysely<DB>,
  filter: DirectoryFilter,
  page: SearchPage,
): Promise<DirectoryEntryListRow[]> {
  const ids = (await searchQuery(db, searchParams(filter, page)).execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  return inOrder(ids, await entriesWithLinks(db).where('e.id', 'in', ids).execute());
}
