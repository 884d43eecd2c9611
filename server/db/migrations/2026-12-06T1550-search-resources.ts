import type { Kysely } from 'kysely';
import { dropSearchKind, indexSearchKind, type SearchKindSource } from './search-kind.ts';

/**
 * Shared resources (C5) become searchable: a page's, link's or file's title, its text (Markdown),
 * its tags (the JSON array made words) and the name of its file, dots made spaces (PostgreSQL's
 * parser reads "Checkliste.pdf" as one host name, so "checkliste" would not find it). Resources
 * are deleted for good, so the delete trigger is all it takes to forget one.
 */
const RESOURCE: SearchKindSource = {
  kind: 'resource',
  table: 'resources',
  columns: ['title', 'body_source', 'tags', 'attachment_id'],
  networkId: 's.network_id',
  title: 's.title',
  body: `s.body_source || ' ' || REPLACE(REPLACE(REPLACE(REPLACE(s.tags, '[', ''), ']', ''), '"', ''), ',', ' ')
    || ' ' || COALESCE((SELECT REPLACE(a.file_name, '.', ' ') FROM attachments a WHERE a.id = s.attachment_id), '')`,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await indexSearchKind(db, RESOURCE);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropSearchKind(db, RESOURCE);
}
