import type { Expression, ExpressionBuilder, Kysely } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
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

/**
 * The current documents of a network that a user has not accepted, counted: as a subquery, for
 * queries that need the answer along with other things (the network access check of every network
 * request asks it with the network and membership, in one statement).
 */
export function countMissingAcceptances(
  db: Kysely<DB>,
  networkId: string | Expression<string>,
  userId: string,
) {
  return db
    .selectFrom('networkDocuments as d')
    .select((eb) => eb.fn.countAll<number>().as('missing'))
    .where('d.networkId', '=', networkId)
    .where(isCurrentVersion)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('documentAcceptances as a')
            .select('a.documentId')
            .whereRef('a.documentId', '=', 'd.id')
            .where('a.userId', '=', userId),
        ),
      ),
    );
}

const missingAcceptances = precompiled(
  (db, p: { networkId: string; userId: string }) => countMissingAcceptances(db, p.networkId, p.userId),
  { values: ['networkId', 'userId'] },
);

/** Whether a user has accepted every current document of a network (true when there are none); one query. */
export async function hasAcceptedCurrent(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await missingAcceptances(db, { networkId, userId });
  if (!row) throw new Error('count query returned no row');
  return Number(row.missing) === 0;
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
