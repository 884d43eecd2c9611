import { z } from 'zod';
import { SEARCH_TYPES } from '../search.ts';
import { Slug } from './networks.ts';

export { SEARCH_TYPES } from '../search.ts';

export const SearchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof SearchType>;

/** `?q=` words, "quoted phrases", -excluded words, `or`; optionally one network and one type. */
export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  network: Slug.optional(),
  type: SearchType.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResult = z.object({
  type: SearchType,
  /** Topic id, post id or user id. */
  id: z.string(),
  network: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** Topic title (topics and replies) or member name. */
  title: z.string(),
  /** Topic of a reply. */
  topicId: z.string().nullable(),
  /** Escaped text where only the matched words are wrapped in <mark>…</mark>. */
  snippet: z.string(),
  /** Matched words in the title, same format. */
  titleHighlighted: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResults = z.object({ results: z.array(SearchResult), nextCursor: z.string().nullable() });
export type SearchResults = z.infer<typeof SearchResults>;
