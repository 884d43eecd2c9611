import type { Kysely } from 'kysely';
import { dropSearchKind, indexSearchKind, type SearchKindSource } from './search-kind.ts';

/**
 * Announcements, organisations, help requests (case consultations too: search checks who may see
 * them) and events become searchable. An organisation belongs to no single network (NULL): search
 * finds it through the networks it runs or partners in.
 */
const KINDS: SearchKindSource[] = [
  {
    kind: 'announcement',
    table: 'announcements',
    columns: ['title', 'body_source'],
    networkId: 's.network_id',
    title: 's.title',
    body: 's.body_source',
  },
  {
    kind: 'organisation',
    table: 'organisations',
    columns: ['name', 'description', 'city'],
    networkId: 'NULL',
    title: 's.name',
    body: `s.description || ' ' || s.city`,
  },
  {
    kind: 'help_request',
    table: 'help_requests',
    columns: ['title', 'body_source'],
    networkId: 's.network_id',
    title: 's.title',
    body: 's.body_source',
  },
  {
    kind: 'event',
    table: 'events',
    columns: ['title', 'description', 'address'],
    networkId: 's.network_id',
    title: 's.title',
    body: `s.description || ' ' || COALESCE(s.address, '')`,
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const kind of KINDS) await indexSearchKind(db, kind);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const kind of KINDS) await dropSearchKind(db, kind);
}
