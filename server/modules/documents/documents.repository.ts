import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DocumentKind, NetworkDocumentRow } from './documents.table.ts';

/** Keeps a document row (alias `d`) only when it is the highest version of its kind in its network. */
function isCurrentVersion(eb: ExpressionBuilder<DB & { d: DB['networkDocuments'] }, 'd'>) {
  return eb(
    'd.version',
    '=',
    eb
      .selectFrom('networkDocuments as d2')
      .select((e) => e.fn.max('d2.version').as('v'))
      .whereRef('d2.networkId', '=', 'd.networkId')
      .whereRef('d2.kind', '=', 'd.kind'),
  );
}

/** The current (highest) version of each document kind of a network. */
export async function findCurrentDocuments(db: Kysely<DB>, networkId: string): Promise<NetworkDocumentRow[]> {
  const rows = await db
    .selectFrom('networkDocuments as d')
    .selectAll('d')
    .where('d.networkId', '=', networkId)
    .where(isCurrentVersion)
    .execute();
  return rows;
}

/** All versions of one kind, newest first. */
export function listDocumentVersions(db: Kysely<DB>, networkId: string, kind: DocumentKind) {
  return db
    .selectFrom('networkDocuments')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .execute();
}

/** Inserts a document version. */
export async function insertDocument(db: Kysely<DB>, row: NetworkDocumentRow): Promise<void> {
  await db.insertInto('networkDocuments').values(row).execute();
}

/** Records acceptances (idempotent). */
export async function insertAcceptances(
  db: Kysely<DB>,
  rows: { documentId: string; userId: string; networkId: string; acceptedAt: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('documentAcceptances')
    .values(rows)
    .onConflict((oc) => oc.columns(['documentId', 'userId']).doNothing())
    .execute();
}

/** Acceptances in a network with the document's kind and version, optionally for some users only. */
export function listAcceptances(db: Kysely<DB>, networkId: string, userIds?: string[]) {
  let query = db
    .selectFrom('documentAcceptances as a')
    .innerJoin('networkDocuments as d', 'd.id', 'a.documentId')
    .select(['a.userId', 'd.kind', 'd.version', 'a.acceptedAt'])
    .where('a.networkId', '=', networkId);
  if (userIds) {
    if (userIds.length === 0) return Promise.resolve([]);
    query = query.where('a.userId', 'in', userIds);
  }
  return query.execute();
}
