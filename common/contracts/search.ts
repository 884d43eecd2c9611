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

/** A piece of plain text; `mark` is true where it matched the words searched for. */
export const TextPiece = z.object({ text: z.string(), mark: z.boolean() });
export type TextPiece = z.infer<typeof TextPiece>;

export const SearchResult = z.object({
  type: SearchType,
  /** Topic, post, user, announcement, help request, event or organisation id. */
  id: z.string(),
  /** The network it was found in (for a member or an organisation: one of the searched networks). */
  network: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** Title (a reply shows its topic's), member name or organisation name, as plain text. */
  title: z.string(),
  /** Topic of a reply. */
  topicId: z.string().nullable(),
  /** Slug of an organisation (its page is addressed by it). */
  slug: z.string().nullable(),
  /** Plain text around the match (no Markdown, mentions as @Name), the matched words marked. */
  snippet: z.array(TextPiece),
  /** The title with the matched words marked. */
  titleMarks: z.array(TextPiece),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResults = z.object({ results: z.array(SearchResult), nextCursor: z.string().nullable() });
export type SearchResults = z.infer<typeof SearchResults>;
