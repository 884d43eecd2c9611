import type { DirectoryEntriesTable } from './directory.table.ts';

/** Lower case without accents ("Zürich" → "zurich", "Straße" → "strasse"); every script's letters stay. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

type Searchable = Pick<
  DirectoryEntriesTable,
  'name' | 'city' | 'region' | 'address' | 'description' | 'kind' | 'country' | 'services' | 'languages'
>;

/** The derived columns of an entry: its sort key and the folded words text search looks at. */
export function derivedColumns(entry: Searchable): { sortName: string; searchText: string } {
  const sortName = foldText(entry.name);
  const searchText = foldText(
    [entry.name, entry.city, entry.region, entry.address, entry.description].join(' '),
  );
  return { sortName, searchText };
}

/** The filter values of an entry, one tag each (see DirectoryTagsTable). */
export function tagsOf(entry: Searchable): string[] {
  const tags = new Set<string>([`c:${entry.country}`, `k:${entry.kind}`]);
  for (const s of JSON.parse(entry.services) as string[]) tags.add(`s:${s}`);
  for (const l of JSON.parse(entry.languages) as string[]) tags.add(`l:${l}`);
  for (const place of [entry.city, entry.region]) {
    const folded = foldText(place);
    if (folded) tags.add(`p:${folded}`);
  }
  return [...tags];
}

/** A LIKE pattern that finds `word` anywhere, with LIKE's own characters escaped (escape char `\`). */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
