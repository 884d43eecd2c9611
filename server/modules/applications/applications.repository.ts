import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ApplicationDraftRow, ApplicationRow, ApplicationStatus } from './applications.table.ts';

/** Stores an application; false when the person already has a pending one there (unique index). */
export async function insertApplication(db: Kysely<DB>, row: ApplicationRow): Promise<boolean> {
  const result = await db
    .insertInto('applications')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Finds an application of one network by id. */
export function findNetworkApplication(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Finds one of a user's own applications by id. */
export function findUserApplication(
  db: Kysely<DB>,
  userId: string,
  id: string,
): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Moves a pending application to its outcome; the status check is in the UPDATE, so of two
 * concurrent decisions only one wins. Returns whether this call decided it.
 */
export async function closePendingApplication(
  db: Kysely<DB>,
  id: string,
  changes: {
    status: Exclude<ApplicationStatus, 'pending'>;
    decidedBy: string | null;
    decidedAt: string;
    decisionMessage: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A page of a network's applications in one status, newest first, with applicant and decider. */
export function listNetworkApplications(
  db: Kysely<DB>,
  networkId: string,
  options: { status: ApplicationStatus; beforeId?: string; limit: number },
) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.userId')
    .leftJoin('users as d', 'd.id', 'a.decidedBy')
    .selectAll('a')
    .select(['u.displayName as applicantName', 'u.email as applicantEmail', 'd.displayName as deciderName'])
    .where('a.networkId', '=', networkId)
    .where('a.status', '=', options.status)
    .orderBy('a.id', 'desc')
    .limit(options.limit);
  if (options.beforeId) query = query.where('a.id', '<', options.beforeId);
  return query.execute();
}

/** A user's own applications with the network's name, newest first. */
export function listUserApplications(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('networks as n', 'n.id', 'a.networkId')
    .selectAll('a')
    .select(['n.slug as networkSlug', 'n.name as networkName'])
    .where('a.userId', '=', userId)
    .orderBy('a.id', 'desc')
    .limit(200)
    .execute();
}

/** The active members of a network in the given roles (those who may decide on applications). */
export async function listMemberIdsInRoles(
  db: Kysely<DB>,
  networkId: string,
  roles: readonly string[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('networkId', '=', networkId)
    .where('status', '=', 'active')
    .where('role', 'in', roles as never[])
    .execute();
  return rows.map((r) => r.userId);
}

/** Keeps (or replaces) the application a new account sent, until its address is confirmed. */
export async function saveApplicationDraft(db: Kysely<DB>, row: ApplicationDraftRow): Promise<void> {
  await db
    .insertInto('applicationDrafts')
    .values(row)
    .onConflict((oc) =>
      oc.column('userId').doUpdateSet({
        networkId: row.networkId,
        motivation: row.motivation,
        experience: row.experience,
        languages: row.languages,
        createdAt: row.createdAt,
      }),
    )
    .execute();
}

/** Takes the waiting application of a person out (it is sent once, or not at all). */
export async function takeApplicationDraft(
  db: Kysely<DB>,
  userId: string,
): Promise<ApplicationDraftRow | undefined> {
  return db.deleteFrom('applicationDrafts').where('userId', '=', userId).returningAll().executeTakeFirst();
}
