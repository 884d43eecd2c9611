import type { Kysely } from 'kysely';
import type { LegalKind } from '../../../common/legal.ts';
import type { DB } from '../../db/schema.ts';
import type { LegalVersionRow, NewLegalVersion } from './legal.table.ts';

/** The newest published version of each kind. */
export async function findCurrentLegalVersions(db: Kysely<DB>): Promise<LegalVersionRow[]> {
  return db
    .selectFrom('legalVersions as v')
    .selectAll('v')
    .where(({ eb, selectFrom }) =>
      eb(
        'v.version',
        '=',
        selectFrom('legalVersions as w')
          .select(({ fn }) => fn.max('w.version').as('max'))
          .whereRef('w.kind', '=', 'v.kind'),
      ),
    )
    .execute();
}

/** The highest version number of a kind (0 when none is published). */
export async function latestLegalVersionNumber(db: Kysely<DB>, kind: LegalKind): Promise<number> {
  const row = await db
    .selectFrom('legalVersions')
    .select(({ fn }) => fn.max('version').as('max'))
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function insertLegalVersion(db: Kysely<DB>, row: NewLegalVersion): Promise<LegalVersionRow> {
  return db.insertInto('legalVersions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** One published version of a text. */
export async function findLegalVersion(
  db: Kysely<DB>,
  kind: LegalKind,
  version: number,
): Promise<LegalVersionRow | undefined> {
  return db
    .selectFrom('legalVersions')
    .selectAll()
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The kinds and versions a user accepted. */
export async function findAcceptances(db: Kysely<DB>, userId: string) {
  return db.selectFrom('legalAcceptances').select(['kind', 'version']).where('userId', '=', userId).execute();
}

export async function insertAcceptance(
  db: Kysely<DB>,
  row: { userId: string; kind: LegalKind; version: number; acceptedAt: string },
): Promise<void> {
  await db
    .insertInto('legalAcceptances')
    .values(row)
    .onConflict((oc) => oc.columns(['userId', 'kind', 'version']).doNothing())
    .execute();
}
