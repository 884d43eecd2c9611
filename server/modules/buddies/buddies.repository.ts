import type { Kysely } from 'kysely';
import type { BuddyPairStatus } from '../../../common/buddies.ts';
import { OPEN_BUDDY_STATUSES } from '../../../common/buddies.ts';
import type { MentorLevel, NetworkRole } from '../../../common/permissions.ts';
import type { DB } from '../../db/schema.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type { BuddyPairListRow, BuddyPairRow, BuddyPairsTable } from './buddies.table.ts';

/** Pairings with the names and avatar keys of their people. */
function pairsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('buddyPairs as bp')
    .innerJoin('users as b', 'b.id', 'bp.beginnerId')
    .leftJoin('profiles as bpr', 'bpr.userId', 'bp.beginnerId')
    .leftJoin('users as m', 'm.id', 'bp.mentorId')
    .leftJoin('profiles as mpr', 'mpr.userId', 'bp.mentorId')
    .leftJoin('users as r', 'r.id', 'bp.requestedBy')
    .leftJoin('users as c', 'c.id', 'bp.closedBy')
    .selectAll('bp')
    .select([
      'b.displayName as beginnerName',
      'bpr.avatarKey as beginnerAvatarKey',
      'm.displayName as mentorName',
      'mpr.avatarKey as mentorAvatarKey',
      'r.displayName as requestedByName',
      'c.displayName as closedByName',
    ]);
}

/** One pairing of a network with its names. */
export function findPair(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<BuddyPairListRow | undefined> {
  return pairsWithNames(db).where('bp.networkId', '=', networkId).where('bp.id', '=', id).executeTakeFirst();
}

/**
 * A page of a network's open or closed pairings, newest first (keyset on the time-ordered id);
 * with `userId`, only those naming that person as beginner or buddy.
 */
export function listPairs(
  db: Kysely<DB>,
  networkId: string,
  options: { statuses: readonly BuddyPairStatus[]; userId?: string; beforeId?: string; limit: number },
): Promise<BuddyPairListRow[]> {
  let query = pairsWithNames(db)
    .where('bp.networkId', '=', networkId)
    .where('bp.status', 'in', options.statuses)
    .orderBy('bp.id', 'desc')
    .limit(options.limit);
  const { userId, beforeId } = options;
  if (userId)
    query = query.where((eb) => eb.or([eb('bp.beginnerId', '=', userId), eb('bp.mentorId', '=', userId)]));
  if (beforeId) query = query.where('bp.id', '<', beforeId);
  return query.execute();
}

/** The beginner's open pairing in a network (request, proposal or active pair), if any. */
export function findOpenPairOf(db: Kysely<DB>, networkId: string, beginnerId: string) {
  return db
    .selectFrom('buddyPairs')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('beginnerId', '=', beginnerId)
    .where('status', 'in', OPEN_BUDDY_STATUSES)
    .executeTakeFirst();
}

/** The open pairings of a network that name the user as beginner or buddy. */
export function listOpenPairsNaming(db: Kysely<DB>, networkId: string, userId: string) {
  return db
    .selectFrom('buddyPairs')
    .select(['id', 'status', 'origin', 'beginnerId', 'mentorId', 'note'])
    .where('networkId', '=', networkId)
    .where('status', 'in', OPEN_BUDDY_STATUSES)
    .where((eb) => eb.or([eb('beginnerId', '=', userId), eb('mentorId', '=', userId)]))
    .orderBy('id')
    .execute();
}

/** Stores a pairing; false when the beginner has an open one already (a race lost to the unique index). */
export async function insertPair(db: Kysely<DB>, row: BuddyPairsTable): Promise<boolean> {
  const result = await db
    .insertInto('buddyPairs')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Changes a pairing only while it is in one of the given states; false when it moved on meanwhile. */
export async function updatePairIf(
  db: Kysely<DB>,
  id: string,
  from: readonly BuddyPairStatus[],
  changes: Partial<Omit<BuddyPairRow, 'id' | 'networkId' | 'beginnerId'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('buddyPairs')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records the pair's conversation. */
export async function setPairConversation(db: Kysely<DB>, id: string, conversationId: string) {
  await db.updateTable('buddyPairs').set({ conversationId }).where('id', '=', id).execute();
}

/**
 * Active members of a network with a given membership (role and level), with their names and
 * join time: the candidates to be someone's buddy.
 */
export function listMembersWith(
  db: Kysely<DB>,
  networkId: string,
  membership: { role: NetworkRole; level: MentorLevel },
  /** Leaves out members on leave on this day (YYYY-MM-DD). */
  notOnLeaveOn?: string,
) {
  let q = db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .select(['ms.userId', 'u.displayName'])
    .where('ms.networkId', '=', networkId)
    .where('ms.status', '=', 'active')
    .where('ms.role', '=', membership.role)
    .where('ms.level', '=', membership.level)
    .where('u.suspendedAt', 'is', null);
  if (notOnLeaveOn)
    q = q.where((eb) => eb.or([eb('ms.leaveUntil', 'is', null), eb('ms.leaveUntil', '<', notOnLeaveOn)]));
  return q.execute();
}

/** Active members of a network in any of the given roles (those to tell about a request). */
export async function listMemberIdsInRoles(
  db: Kysely<DB>,
  networkId: string,
  roles: NetworkRole[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('networkId', '=', networkId)
    .where('status', '=', 'active')
    .where('role', 'in', roles)
    .execute();
  return rows.map((r) => r.userId);
}

/** How many active pairings each of the users is the buddy in (across networks: a person's time is one). */
export async function countActivePairsOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('buddyPairs')
    .select(['mentorId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .where('mentorId', 'in', userIds)
    .groupBy('mentorId')
    .execute();
  return new Map(rows.map((r) => [r.mentorId as string, Number(r.n)]));
}

/** A batch of active pairings of every network, in id order after `afterId`: what the daily check-in looks at. */
export function listActivePairs(db: Kysely<DB>, afterId: string, limit: number): Promise<BuddyPairRow[]> {
  return db
    .selectFrom('buddyPairs')
    .selectAll()
    .where('status', '=', 'active')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims the check-in of a pairing: moves its reminder time from what was read to `at` in one
 * statement, so a run that repeats (a retry, a second instance) never reminds twice.
 */
export async function claimReminder(
  db: Kysely<DB>,
  id: string,
  previous: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('buddyPairs')
    .set({ lastReminderAt: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('lastReminderAt', previous === null ? 'is' : '=', previous)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether a job of this kind is waiting (or running). */
export async function hasJob(db: Kysely<DB>, kind: string, statuses: JobStatus[]): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return row !== undefined;
}
