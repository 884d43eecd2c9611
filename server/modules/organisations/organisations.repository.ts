import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { OrganisationRow } from './organisations.table.ts';

/** Finds an organisation by slug. */
export function findOrganisationBySlug(db: Kysely<DB>, slug: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Inserts an organisation; false when the slug is taken. */
export async function insertOrganisation(db: Kysely<DB>, row: OrganisationRow): Promise<boolean> {
  const result = await db
    .insertInto('organisations')
    .values(row)
    .onConflict((oc) => oc.column('slug').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Updates an organisation. */
export function updateOrganisation(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<OrganisationRow, 'id'>>,
) {
  return db.updateTable('organisations').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Whether a user administers an organisation. */
export async function isOrganisationAdmin(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('organisationAdmins')
    .select('userId')
    .where('organisationId', '=', organisationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Makes a user an organisation admin (idempotent). */
export async function insertOrganisationAdmin(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
  createdAt: string,
) {
  await db
    .insertInto('organisationAdmins')
    .values({ organisationId, userId, createdAt })
    .onConflict((oc) => oc.columns(['organisationId', 'userId']).doNothing())
    .execute();
}

/** Removes an organisation admin. */
export async function deleteOrganisationAdmin(db: Kysely<DB>, organisationId: string, userId: string) {
  const result = await db
    .deleteFrom('organisationAdmins')
    .where('organisationId', '=', organisationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** One admin of an organisation, as its admin list shows them. */
export interface OrganisationAdminEntry {
  id: string;
  displayName: string;
  email: string;
}

/** The admins of an organisation, oldest first. */
export function listOrganisationAdmins(
  db: Kysely<DB>,
  organisationId: string,
): Promise<OrganisationAdminEntry[]> {
  return db
    .selectFrom('organisationAdmins as a')
    .innerJoin('users as u', 'u.id', 'a.userId')
    .select(['u.id', 'u.displayName', 'u.email'])
    .where('a.organisationId', '=', organisationId)
    .orderBy('a.createdAt')
    .execute();
}

/** Organisations a user administers, by name. */
export function listAdministeredOrganisations(db: Kysely<DB>, userId: string): Promise<OrganisationRow[]> {
  return db
    .selectFrom('organisations as o')
    .innerJoin('organisationAdmins as a', 'a.organisationId', 'o.id')
    .selectAll('o')
    .where('a.userId', '=', userId)
    .orderBy('o.name')
    .execute();
}
