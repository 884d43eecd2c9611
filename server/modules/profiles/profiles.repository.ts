import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { MentorLevel } from '../../../common/permissions.ts';
import type { DB } from '../../db/schema.ts';
import type { ProfileRow, ProfileVisibility } from './profiles.table.ts';

export interface ProfileFields {
  region: string;
  availability: string;
  experienceLevel: MentorLevel | null;
  bio: string;
  visibility: ProfileVisibility;
  /** Buddy statements (0 or 1); left out, an existing profile keeps them and a new one says no. */
  lookingForBuddy?: number;
  openToBuddy?: number;
}

/** The profile row of a user, if they ever saved one. */
export function findProfile(db: Kysely<DB>, userId: string): Promise<ProfileRow | undefined> {
  return db.selectFrom('profiles').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** Languages of several users in one query, by user. */
export async function listLanguagesOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('profileLanguages')
    .select(['userId', 'language'])
    .where('userId', 'in', userIds)
    .orderBy('language')
    .execute();
  return groupBy(rows.map((r) => [r.userId, r.language]));
}

/** Expertise areas of several users in one query, by user. */
export async function listExpertiseOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('profileExpertise')
    .select(['userId', 'area'])
    .where('userId', 'in', userIds)
    .orderBy('area')
    .execute();
  return groupBy(rows.map((r) => [r.userId, r.area]));
}

function groupBy(pairs: [string, string][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

/**
 * Creates or replaces a profile with its languages and expertise; keeps the avatar. Several
 * statements: call it inside withTransaction.
 */
export async function saveProfile(
  db: Kysely<DB>,
  userId: string,
  fields: ProfileFields,
  languages: string[],
  expertise: string[],
  now: string,
): Promise<void> {
  const { lookingForBuddy, openToBuddy, ...rest } = fields;
  const buddy = {
    ...(lookingForBuddy !== undefined && { lookingForBuddy }),
    ...(openToBuddy !== undefined && { openToBuddy }),
  };
  await db
    .insertInto('profiles')
    .values({
      userId,
      ...rest,
      lookingForBuddy: lookingForBuddy ?? 0,
      openToBuddy: openToBuddy ?? 0,
      avatarKey: null,
      updatedAt: now,
    })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ ...rest, ...buddy, updatedAt: now }))
    .execute();
  await db.deleteFrom('profileLanguages').where('userId', '=', userId).execute();
  await db.deleteFrom('profileExpertise').where('userId', '=', userId).execute();
  if (languages.length > 0) {
    await db
      .insertInto('profileLanguages')
      .values(languages.map((language) => ({ userId, language })))
      .execute();
  }
  if (expertise.length > 0) {
    await db
      .insertInto('profileExpertise')
      .values(expertise.map((area) => ({ userId, area })))
      .execute();
  }
}

/** Makes sure a profile row exists (with defaults), so the avatar has somewhere to live. */
export async function ensureProfile(db: Kysely<DB>, userId: string, now: string): Promise<void> {
  await db
    .insertInto('profiles')
    .values({
      userId,
      region: '',
      availability: '',
      experienceLevel: null,
      bio: '',
      avatarKey: null,
      visibility: 'network',
      lookingForBuddy: 0,
      openToBuddy: 0,
      updatedAt: now,
    })
    .onConflict((oc) => oc.column('userId').doNothing())
    .execute();
}

/**
 * Sets the avatar key only if it is still `expected` (compare-and-swap), so two concurrent uploads
 * cannot both believe they replaced the same old file. Returns whether the swap happened.
 */
export async function swapAvatarKey(
  db: Kysely<DB>,
  userId: string,
  expected: string | null,
  next: string | null,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('profiles')
    .set({ avatarKey: next, updatedAt: now })
    .where('userId', '=', userId)
    .where('avatarKey', expected === null ? 'is' : '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether the viewer administers the founding organisation of a network the owner is an active member of. */
export async function administersNetworkOf(
  db: Kysely<DB>,
  viewerId: string,
  ownerId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('networks as n', 'n.id', 'm.networkId')
    .innerJoin('organisationAdmins as oa', 'oa.organisationId', 'n.organisationId')
    .select('m.networkId')
    .where('m.userId', '=', ownerId)
    .where('m.status', '=', 'active')
    .where('oa.userId', '=', viewerId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface DirectoryFilters {
  language?: string;
  expertise?: string;
  level?: MentorLevel;
  region?: string;
  q?: string;
  buddy?: 'looking' | 'open';
}

/** `%text%` for LIKE, with the wildcards of the text itself escaped (by backslash). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive substring match on both dialects. Both sides are lower-cased by the database,
 * so they fold the same way (SQLite folds only ASCII, PostgreSQL all of Unicode).
 */
function contains(column: Expression<string | null>, text: string) {
  return sql<SqlBool>`lower(${column}) like lower(${containsPattern(text)}) escape '\\'`;
}

/**
 * One page of a network's active members with their profile basics, filtered (all filters combine)
 * and ordered by lower-cased display name then user id (keyset on `after`).
 */
export function listDirectoryPage(
  db: Kysely<DB>,
  networkId: string,
  filters: DirectoryFilters,
  options: { after?: [string, string]; limit: number },
) {
  const sortName = sql<string>`lower(${sql.ref('u.displayName')})`;
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .leftJoin('profiles as p', 'p.userId', 'm.userId')
    .select([
      'm.userId',
      'm.role',
      'm.level',
      'u.displayName',
      sortName.as('sortName'),
      'p.region',
      'p.availability',
      'p.avatarKey',
      'p.lookingForBuddy',
      'p.openToBuddy',
      'm.leaveUntil',
    ])
    .where('m.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .orderBy(sortName)
    .orderBy('m.userId')
    .limit(options.limit);
  const { language, expertise, level, region, q, buddy } = filters;
  if (language) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('profileLanguages as pl')
          .select('pl.userId')
          .whereRef('pl.userId', '=', 'm.userId')
          .where('pl.language', '=', language),
      ),
    );
  }
  if (expertise) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('profileExpertise as pe')
          .select('pe.userId')
          .whereRef('pe.userId', '=', 'm.userId')
          .where('pe.area', '=', expertise),
      ),
    );
  }
  if (level) query = query.where('m.level', '=', level);
  if (region) query = query.where(contains(sql.ref('p.region'), region));
  if (q) query = query.where(contains(sql.ref('u.displayName'), q));
  if (buddy) query = query.where(buddy === 'looking' ? 'p.lookingForBuddy' : 'p.openToBuddy', '=', 1);
  if (options.after) {
    const [name, userId] = options.after;
    query = query.where((eb) =>
      eb.or([eb(sortName, '>', name), eb.and([eb(sortName, '=', name), eb('m.userId', '>', userId)])]),
    );
  }
  return query.execute();
}

/** The profile facts buddy matching needs, of several users in one query (users without a profile are missing). */
export function listMatchFacts(db: Kysely<DB>, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('profiles')
    .select(['userId', 'region', 'avatarKey', 'lookingForBuddy', 'openToBuddy'])
    .where('userId', 'in', userIds)
    .execute();
}

/** Sets or clears "looking for a buddy" on an existing profile (no profile: nothing to clear). */
export async function updateLookingForBuddy(db: Kysely<DB>, userId: string, looking: boolean, now: string) {
  await db
    .updateTable('profiles')
    .set({ lookingForBuddy: looking ? 1 : 0, updatedAt: now })
    .where('userId', '=', userId)
    .execute();
}

/** The last day of a user's leave in any network they are active in, when it is today or later. */
export async function findLeaveUntil(db: Kysely<DB>, userId: string, today: string): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.max('leaveUntil').as('until'))
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .where('leaveUntil', '>=', today)
    .executeTakeFirst();
  return (row?.until as string | null | undefined) ?? null;
}
