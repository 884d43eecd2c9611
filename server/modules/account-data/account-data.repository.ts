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
    // The person's passkeys as the account page lists them (the keys themselves say nothing about them).
    passkeys: await db
      .selectFrom('passkeys')
      .select(['id', 'name', 'createdAt', 'lastUsedAt', 'backedUp'])
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

/** The admins of an organisation (a network without its meta-mentor is handed to them). */
export async function findOrganisationAdminIds(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisationAdmins')
    .select('userId')
    .where('organisationId', '=', organisationId)
    .execute();
  return rows.map((r) => r.userId);
}

/** The networks the person is an active member of (each gets an audit entry of the erasure). */
export async function findActiveNetworkIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('networkId')
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.networkId);
}

/**
 * Erases one person in the caller's transaction: what describes them goes (profile, mentoring log,
 * volunteer records, sessions, tokens, passkeys and second factors, notifications, settings, applications, exports, pending
 * mails and rate-limit counters that name them); their posts and messages stay, without text when
 * they asked for that; the audit log keeps its rows without details; the account row stays as a
 * nameless "former member" so that what they wrote keeps its author.
 */
export async function erasePersonalRows(
  db: Db,
  user: { id: string; email: string; displayName: string },
  options: { removePostText: boolean; now: string },
): Promise<void> {
  const id = user.id;
  const { now } = options;
  await db.deleteFrom('profileLanguages').where('userId', '=', id).execute();
  await db.deleteFrom('profileExpertise').where('userId', '=', id).execute();
  await db.deleteFrom('profiles').where('userId', '=', id).execute();
  await db.deleteFrom('activities').where('userId', '=', id).execute();
  await db.deleteFrom('volunteerTrainings').where('userId', '=', id).execute();
  await db.deleteFrom('volunteerChecks').where('userId', '=', id).execute();
  await db.deleteFrom('volunteerCommitments').where('userId', '=', id).execute();
  await db.deleteFrom('sessions').where('userId', '=', id).execute();
  await db.deleteFrom('userTokens').where('userId', '=', id).execute();
  // Every way in goes: passkeys (whose names the person typed), the TOTP secret, recovery codes.
  await db.deleteFrom('passkeys').where('userId', '=', id).execute();
  await db.deleteFrom('webauthnChallenges').where('userId', '=', id).execute();
  await db.deleteFrom('userRecoveryCodes').where('userId', '=', id).execute();
  await db.deleteFrom('userTotp').where('userId', '=', id).execute();
  await db.deleteFrom('idempotencyKeys').where('userId', '=', id).execute();
  await db.deleteFrom('calendarFeeds').where('userId', '=', id).execute();
  await db.deleteFrom('notifications').where('userId', '=', id).execute();
  await db.deleteFrom('notificationPreferences').where('userId', '=', id).execute();
  await db.deleteFrom('notificationSettings').where('userId', '=', id).execute();
  await db.deleteFrom('applications').where('userId', '=', id).execute();
  await db
    .deleteFrom('userBlocks')
    .where((eb) => eb.or([eb('blockerId', '=', id), eb('blockedId', '=', id)]))
    .execute();
  await db.deleteFrom('nudgeLog').where('userId', '=', id).execute();
  await db.deleteFrom('networkDeputies').where('userId', '=', id).execute();
  await db.deleteFrom('dataExports').where('userId', '=', id).execute();
  await db.deleteFrom('accountDeletions').where('userId', '=', id).execute();
  await db.deleteFrom('invitations').where('email', '=', user.email).execute();
  await db
    .deleteFrom('moocGraduates')
    .where((eb) => eb.or([eb('userId', '=', id), eb('email', '=', user.email)]))
    .execute();
  // Queued mails and transient events that carry the address or the name (LIKE narrows, the exact
  // test decides: `_` and `%` in a name must not widen the match).
  for (const needle of [user.email, user.displayName].filter((n) => n.length >= 3)) {
    const holds = (text: string) => text.includes(needle);
    const jobs = await db
      .selectFrom('jobs')
      .select(['id', 'payload'])
      .where('payload', 'like', `%${needle}%`)
      .execute();
    const jobIds = jobs.filter((j) => holds(j.payload)).map((j) => j.id);
    if (jobIds.length > 0) await db.deleteFrom('jobs').where('id', 'in', jobIds).execute();
    const events = await db
      .selectFrom('realtimeOutbox')
      .select(['id', 'event'])
      .where('event', 'like', `%${needle}%`)
      .execute();
    const eventIds = events.filter((e) => holds(e.event)).map((e) => e.id);
    if (eventIds.length > 0) await db.deleteFrom('realtimeOutbox').where('id', 'in', eventIds).execute();
    const limits = await db
      .selectFrom('rateLimits')
      .select('key')
      .where('key', 'like', `%${needle}%`)
      .execute();
    const keys = limits.filter((l) => holds(l.key)).map((l) => l.key);
    if (keys.length > 0) await db.deleteFrom('rateLimits').where('key', 'in', keys).execute();
  }
  await db
    .updateTable('memberships')
    .set({ status: 'left', endedAt: now, endReason: null, updatedAt: now })
    .where('userId', '=', id)
    .where('status', '=', 'active')
    .execute();
  // The audit log keeps that things happened, not the personal details written with them.
  await db
    .updateTable('auditLog')
    .set({ details: '{}' })
    .where((eb) => eb.or([eb('actorId', '=', id), eb('subjectUserId', '=', id)]))
    .execute();
  if (options.removePostText) {
    await db
      .updateTable('posts')
      .set({ bodySource: '', bodyHtml: '', mentions: '[]', deletedAt: now, deletedBy: id })
      .where('authorId', '=', id)
      .execute();
  }
  await db
    .updateTable('users')
    .set({
      email: `erased-${id}@erased.invalid`,
      emailVerifiedAt: null,
      passwordHash: '!erased',
      displayName: '',
      isPlatformAdmin: 0,
      erasedAt: now,
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
}
