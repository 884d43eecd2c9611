import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MembershipRow, NetworkRow } from './networks.table.ts';

/** Finds a network by its slug. */
export function findNetworkBySlug(db: Kysely<DB>, slug: string): Promise<NetworkRow | undefined> {
  return db.selectFrom('networks').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Finds a network by id. */
export function findNetworkById(db: Kysely<DB>, id: string): Promise<NetworkRow | undefined> {
  return db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a network; false when the slug is taken. */
export async function insertNetwork(db: Kysely<DB>, network: NetworkRow): Promise<boolean> {
  const result = await db
    .insertInto('networks')
    .values(network)
    .onConflict((oc) => oc.column('slug').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Updates a network. */
export function updateNetwork(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<NetworkRow, 'id'>>,
): Promise<NetworkRow | undefined> {
  return db.updateTable('networks').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Links an organisation to a network (idempotent). */
export async function insertNetworkOrganisation(
  db: Kysely<DB>,
  row: { networkId: string; organisationId: string; addedBy: string | null; createdAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto('networkOrganisations')
    .values(row)
    .onConflict((oc) => oc.columns(['networkId', 'organisationId']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Unlinks an organisation from a network. */
export async function deleteNetworkOrganisation(db: Kysely<DB>, networkId: string, organisationId: string) {
  const result = await db
    .deleteFrom('networkOrganisations')
    .where('networkId', '=', networkId)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The organisations of a network, founding one first. */
export function listNetworkOrganisations(db: Kysely<DB>, network: NetworkRow) {
  return db
    .selectFrom('networkOrganisations as no')
    .innerJoin('organisations as o', 'o.id', 'no.organisationId')
    .select(['o.id', 'o.slug', 'o.name', 'o.city', 'o.country', 'o.verifiedAt', 'no.createdAt'])
    .where('no.networkId', '=', network.id)
    .orderBy('no.createdAt')
    .execute()
    .then((rows) =>
      rows.sort((a, b) => Number(b.id === network.organisationId) - Number(a.id === network.organisationId)),
    );
}

/** A user's membership row in a network (any status). */
export function findMembership(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** Creates a membership, or re-activates one that had ended. */
export async function upsertMembership(db: Kysely<DB>, row: MembershipRow): Promise<void> {
  await db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['networkId', 'userId']).doUpdateSet({
        role: row.role,
        level: row.level,
        status: row.status,
        joinedAt: row.joinedAt,
        endedAt: null,
        endReason: null,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** Updates a membership. */
export async function updateMembership(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<MembershipRow, 'id' | 'networkId' | 'userId'>>,
): Promise<void> {
  await db.updateTable('memberships').set(changes).where('id', '=', id).execute();
}

export async function setMembershipLeave(db: Kysely<DB>, id: string, until: string | null, now: string) {
  await db
    .updateTable('memberships')
    .set({ leaveUntil: until, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Counts active members, optionally of one role. */
export async function countActiveMembers(db: Kysely<DB>, networkId: string, role?: MembershipRow['role']) {
  let query = db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('networkId', '=', networkId)
    .where('status', '=', 'active');
  if (role) query = query.where('role', '=', role);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Active members of a network with their names, ordered by join time then id (keyset). */
export function listActiveMembers(
  db: Kysely<DB>,
  networkId: string,
  options: { role?: MembershipRow['role']; after?: [string, string]; limit: number; name?: string },
) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.id', 'm.userId', 'm.role', 'm.level', 'm.joinedAt', 'u.displayName'])
    .where('m.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .orderBy('m.joinedAt')
    .orderBy('m.id')
    .limit(options.limit);
  if (options.role) query = query.where('m.role', '=', options.role);
  if (options.name) {
    // Part of the name, any case (LIKE's wildcards in it taken literally).
    const pattern = `%${options.name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(u.display_name) like ${pattern} escape '\\'`);
  }
  if (options.after) {
    const [joinedAt, id] = options.after;
    query = query.where((eb) =>
      eb.or([
        eb('m.joinedAt', '>', joinedAt),
        eb.and([eb('m.joinedAt', '=', joinedAt), eb('m.id', '>', id)]),
      ]),
    );
  }
  return query.execute();
}

/** The networks a user is an active member of. */
export function listUserNetworks(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('networks as n', 'n.id', 'm.networkId')
    .selectAll('n')
    .select(['m.role as memberRole'])
    .where('m.userId', '=', userId)
    .where('m.status', '=', 'active')
    .orderBy('n.name')
    .execute();
}

/** Public networks, newest first (keyset on created_at, id). */
export function listPublicNetworks(db: Kysely<DB>, options: { before?: [string, string]; limit: number }) {
  let query = db
    .selectFrom('networks')
    .selectAll()
    .where('visibility', '=', 'public')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.before) {
    const [createdAt, id] = options.before;
    query = query.where((eb) =>
      eb.or([eb('createdAt', '<', createdAt), eb.and([eb('createdAt', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  return query.execute();
}

/** Networks founded by or joined by an organisation. */
export function listOrganisationNetworks(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('networks as n')
    .innerJoin('networkOrganisations as no', 'no.networkId', 'n.id')
    .selectAll('n')
    .where('no.organisationId', '=', organisationId)
    .orderBy('n.name')
    .execute();
}
