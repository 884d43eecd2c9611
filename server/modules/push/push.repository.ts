import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PushSettingsRow, PushSubscriptionRow, PushSubscriptionsTable } from './push.table.ts';

/** An instance key by name, if it was made already. */
export async function findInstanceKey(db: Kysely<DB>, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('instanceKeys').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value;
}

/** Stores an instance key unless another instance stored one first (theirs wins). */
export async function insertInstanceKeyOnce(
  db: Kysely<DB>,
  row: { name: string; value: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('instanceKeys')
    .values(row)
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** A person's push subscriptions, oldest first. */
export function listPushSubscriptions(db: Kysely<DB>, userId: string): Promise<PushSubscriptionRow[]> {
  return db
    .selectFrom('pushSubscriptions')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('id', 'asc')
    .execute();
}

/** One subscription by id, whoever owns it (the policy decides who may see it). */
export function findPushSubscription(db: Kysely<DB>, id: string): Promise<PushSubscriptionRow | undefined> {
  return db.selectFrom('pushSubscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The subscription of a push endpoint, if any. */
export function findPushSubscriptionByEndpoint(
  db: Kysely<DB>,
  endpoint: string,
): Promise<PushSubscriptionRow | undefined> {
  return db.selectFrom('pushSubscriptions').selectAll().where('endpoint', '=', endpoint).executeTakeFirst();
}

/** Those of these people who have at least one subscription, in one query. */
export async function listUsersWithPushSubscriptions(db: Kysely<DB>, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('pushSubscriptions')
    .select('userId')
    .distinct()
    .where('userId', 'in', userIds)
    .execute();
  return rows.map((r) => r.userId);
}

/** How many subscriptions a person has. */
export async function countPushSubscriptions(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('pushSubscriptions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a new subscription. */
export async function insertPushSubscription(db: Kysely<DB>, row: PushSubscriptionsTable): Promise<void> {
  await db.insertInto('pushSubscriptions').values(row).execute();
}

/** Renews the keys and label of an endpoint already subscribed (the browser made new keys). */
export async function updatePushSubscription(
  db: Kysely<DB>,
  id: string,
  change: { userId: string; p256dh: string; auth: string; label: string },
): Promise<void> {
  await db.updateTable('pushSubscriptions').set(change).where('id', '=', id).execute();
}

/** Removes a subscription; whether there was one. */
export async function deletePushSubscription(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('pushSubscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Notes that a push reached the push service for this subscription. */
export async function markPushed(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('pushSubscriptions').set({ lastPushedAt: at }).where('id', '=', id).execute();
}

/** A person's push settings, if they saved any. */
export function findPushSettings(db: Kysely<DB>, userId: string): Promise<PushSettingsRow | undefined> {
  return db.selectFrom('pushSettings').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** Saves a person's push settings. */
export async function upsertPushSettings(db: Kysely<DB>, row: PushSettingsRow): Promise<void> {
  const { userId, ...change } = row;
  await db
    .insertInto('pushSettings')
    .values(row)
    .onConflict((oc) => oc.column('userId').doUpdateSet(change))
    .execute();
}
