import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ActivitiesTable, ActivityListRow } from './activities.table.ts';

/** The most a list answers with (a mentor logs a few hundred activities a year). */
export const ACTIVITY_LIST_MAX = 1000;
const MENTEE_CODES_MAX = 50;

function withNetwork(db: Kysely<DB>) {
  return db
    .selectFrom('activities as a')
    .innerJoin('networks as n', 'n.id', 'a.networkId')
    .selectAll('a')
    .select(['n.slug as networkSlug', 'n.name as networkName']);
}

/** Saves a new activity. */
export async function insertActivity(db: Kysely<DB>, row: ActivitiesTable): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

/** One activity of its author in a network; undefined for anyone else's. */
export function findOwnActivity(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
  id: string,
): Promise<ActivityListRow | undefined> {
  return withNetwork(db)
    .where('a.networkId', '=', networkId)
    .where('a.userId', '=', userId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export interface OwnActivityFilter {
  networkId?: string;
  from?: string;
  to?: string;
}

/** An author's activities (in one network or all), newest first. */
export function listOwnActivities(
  db: Kysely<DB>,
  userId: string,
  filter: OwnActivityFilter,
): Promise<ActivityListRow[]> {
  let query = withNetwork(db).where('a.userId', '=', userId);
  if (filter.networkId) query = query.where('a.networkId', '=', filter.networkId);
  if (filter.from) query = query.where('a.occurredOn', '>=', filter.from);
  if (filter.to) query = query.where('a.occurredOn', '<=', filter.to);
  return query
    .orderBy('a.occurredOn', 'desc')
    .orderBy('a.createdAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(ACTIVITY_LIST_MAX)
    .execute();
}

/** An author's mentee codes, most recently used first. */
export async function listMenteeCodes(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('activities')
    .select(['menteeCode', (eb) => eb.fn.max('occurredOn').as('lastOn')])
    .where('userId', '=', userId)
    .groupBy('menteeCode')
    .orderBy('lastOn', 'desc')
    .orderBy('menteeCode')
    .limit(MENTEE_CODES_MAX)
    .execute();
  return rows.map((r) => r.menteeCode);
}

/** Changes an activity of its author. */
export async function updateActivity(
  db: Kysely<DB>,
  userId: string,
  id: string,
  values: Partial<ActivitiesTable>,
): Promise<void> {
  await db.updateTable('activities').set(values).where('id', '=', id).where('userId', '=', userId).execute();
}

/** Deletes an activity of its author; whether there was one. */
export async function deleteActivity(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('activities')
    .where('id', '=', id)
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The mentee codes an author used in one network (for the handover when they leave it, B6). */
export async function listMenteeCodesIn(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('activities')
    .select('menteeCode')
    .distinct()
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .orderBy('menteeCode')
    .execute();
  return rows.map((r) => r.menteeCode);
}
