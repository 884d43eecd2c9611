import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DataExportRow } from './account-data.table.ts';

type Db = Kysely<DB>;

/** Stores a new export request. */
export async function insertExport(db: Db, row: DataExportRow): Promise<void> {
  await db.insertInto('dataExports').values(row).execute();
}

/** The person's newest export, if any. */
export function findLatestExport(db: Db, userId: string): Promise<DataExportRow | undefined> {
  return db
    .selectFrom('dataExports')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('requestedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** One export by id. */
export function findExport(db: Db, id: string): Promise<DataExportRow | undefined> {
  return db.selectFrom('dataExports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes an export's state. */
export async function updateExport(db: Db, id: string, values: Partial<DataExportRow>): Promise<void> {
  await db.updateTable('dataExports').set(values).where('id', '=', id).execute();
}

/** Every export of a person (erasure removes their files). */
export function findExportsOf(db: Db, userId: string): Promise<DataExportRow[]> {
  return db.selectFrom('dataExports').selectAll().where('userId', '=', userId).execute();
}

/** The rows about one person, table by table, for their export (secrets left out). */
export async function collectPersonalRows(db: Db, userId: string): Promise<Record<string, unknown[]>> {
  const [account] = await db
    .selectFrom('users')
    .select(['id', 'email', 'emailVerifiedAt', 'displayName', 'locale', 'isPlatformAdmin', 'createdAt'])
    .where('id', '=', userId)
    .execute();
  return {
    account: account ? [account] : [],
    profile: await db.selectFrom('profiles').selectAll().where('userId', '=', userId).execute(),
    profileLanguages: await db
      .selectFrom('profileLanguages')
      .selectAll()
      .where('userId', '=', userId)
      .execute(),
    profileExpertise: await db
      .selectFrom('profileExpertise')
      .selectAll()
      .where('userId', '=', userId)
      .execute(),
    memberships: await db
      .selectFrom('memberships as m')
      .innerJoin('networks as n', 'n.id', 'm.networkId')
      .select([
        'n.slug as network',
        'm.role',
        'm.level',
        'm.status',
        'm.joinedAt',
        'm.endedAt',
        'm.createdAt',
      ])
      .where('m.userId', '=', userId)
      .execute(),
    applications: await db
      .selectFrom('applications')
      .select(['id', 'networkId', 'motivation', 'experience', 'languages', 'status', 'createdAt'])
      .where('userId', '=', userId)
      .execute(),
    topics: await db
      .selectFrom('topics')
      .select(['id', 'networkId', 'title', 'createdAt'])
      .where('authorId', '=', userId)
      .execute(),
    posts: await db
      .selectFrom('posts')
      .select(['id', 'networkId', 'topicId', 'bodySource', 'createdAt', 'editedAt', 'deletedAt'])
      .where('authorId', '=', userId)
      .execute(),
    reactions: await db.selectFrom('postReactions').selectAll().where('userId', '=', userId).execute(),
    messages: await db
      .selectFrom('messages')
      .select(['id', 'conversationId', 'body', 'createdAt', 'editedAt', 'deletedAt'])
      .where('senderId', '=', userId)
      .execute(),
    announcements: await db
      .selectFrom('announcements')
      .select(['id', 'networkId', 'title', 'bodySource', 'createdAt'])
      .where('authorId', '=', userId)
      .execute(),
    helpRequests: await db
      .selectFrom('helpRequests')
      .select(['id', 'networkId', 'kind', 'status', 'title', 'bodySource', 'createdAt', 'thanksNote'])
      .where('requesterId', '=', userId)
      .execute(),
    helpResponses: await db
      .selectFrom('helpResponses')
      .select(['id', 'requestId', 'bodySource', 'createdAt'])
      .where('authorId', '=', userId)
      .execute(),
    helpOffers: await db.selectFrom('helpOffers').selectAll().where('helperId', '=', userId).execute(),
    eventsOrganised: await db
      .selectFrom('events')
      .select(['id', 'networkId', 'title', 'description', 'startsAt', 'endsAt', 'createdAt'])
      .where('createdBy', '=', userId)
      .execute(),
    eventAnswers: await db.selectFrom('eventRsvps').selectAll().where('userId', '=', userId).execute(),
    eventAttendance: await db
      .selectFrom('eventAttendance')
      .select(['eventId', 'occurrenceKey', 'recordedAt'])
      .where('userId', '=', userId)
      .execute(),
    activities: await db
      .selectFrom('activities')
      .select([
        'id',
        'networkId',
        'userId',
        'occurredOn',
        'durationMinutes',
        'kind',
        'topics',
        'menteeCode',
        'noteSealed',
        'createdAt',
      ])
      .where('userId', '=', userId)
      .execute(),
    buddyPairs: await db
      .selectFrom('buddyPairs')
      .select(['id', 'networkId', 'beginnerId', 'mentorId', 'status', 'createdAt', 'closedAt'])
      .where((eb) => eb.or([eb('beginnerId', '=', userId), eb('mentorId', '=', userId)]))
      .execute(),
    goalUpdates: await db
      .selectFrom('goalUpdates')
      .select(['id', 'goalId', 'value', 'comment', 'createdAt'])
      .where('authorId', '=', userId)
      .execute(),
    resourceRevisions: await db
      .selectFrom('resourceRevisions')
      .select(['resourceId', 'revision', 'title', 'bodySource', 'url', 'createdAt'])
      .where('authorId', '=', userId)
      .execute(),
    volunteerTrainings: await db
      .selectFrom('volunteerTrainings')
      .selectAll()
      .where('userId', '=', userId)
      .execute(),
    volunteerChecks: await db
      .selectFrom('volunteerChecks')
      .selectAll()
      .where('userId', '=', userId)
      .execute(),
    volunteerCommitments: await db
      .selectFrom('volunteerCommitments')
      .selectAll()
      .where('userId', '=', userId)
      .execute(),
    legalConsents: await db.selectFrom('legalAcceptances').selectAll().where('userId', '=', userId).execute(),
    networkAgreements: await db
      .selectFrom('documentAcceptances')
      .selectAll()
      .where('userId', '=', userId)
      .execute(),
    notificationSettings: await db
      .selectFrom('notificationPreferences')
      .selectAll()
      .where('userId', '=', userId)
      .execute(),
    reportsMade: await db
      .selectFrom('reports')
      .select(['id', 'kind', 'itemId', 'reason', 'text', 'status', 'createdAt'])
      .where('reporterId', '=', userId)
      .execute(),
    blocks: await db.selectFrom('userBlocks').selectAll().where('blockerId', '=', userId).execute(),
    sessions: await db
      .selectFrom('sessions')
      .select(['id', 'userAgent', 'ip', 'signInMethod', 'createdAt', 'lastSeenAt', 'expiresAt'])
      .where('userId', '=', userId)
      .execute(),
  };
}

/** The person's avatar key and the attachments they uploaded (their files in the export). */
export async function findUploadsOf(
  db: Db,
  userId: string,
): Promise<{
  avatarKey: string | null;
  attachments: { id: string; fileName: string; storageKey: string }[];
}> {
  const profile = await db
    .selectFrom('profiles')
    .select('avatarKey')
    .where('userId', '=', userId)
    .executeTakeFirst();
  const attachments = await db
    .selectFrom('attachments')
    .select(['id', 'fileName', 'storageKey'])
    .where('uploaderId', '=', userId)
    .execute();
  return { avatarKey: profile?.avatarKey ?? null, attachments };
}

/**
 * Networks where the person is the only active meta-mentor, with their founding organisation:
 * they would be left without one.
 */
export function findSoleMetaMentorNetworks(
  db: Db,
  userId: string,
): Promise<{ id: string; slug: string; name: string; organisationId: string; organisation: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('networks as n', 'n.id', 'm.networkId')
    .innerJoin('organisations as o', 'o.id', 'n.organisationId')
    .select(['n.id', 'n.slug', 'n.name', 'n.organisationId', 'o.name as organisation'])
    .where('m.userId', '=', userId)
    .where('m.status', '=', 'active')
    .where('m.role', '=', 'meta_mentor')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships as other')
            .select('other.id')
            .whereRef('other.networkId', '=', 'm.networkId')
            .where('other.userId', '<>', userId)
            .where('other.status', '=', 'active')
            .where('other.role', '=', 'meta_mentor'),
        ),
      ),
    )
    .orderBy('n.name')
    .execute();
}
