import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  GraduateListRow,
  MemberBadgeRow,
  MoocGraduateRow,
  MoocSessionRow,
  StoredGraduateStatus,
} from './mooc.table.ts';

/** Stores a new session. */
export async function insertMoocSession(db: Kysely<DB>, row: MoocSessionRow): Promise<void> {
  await db.insertInto('moocSessions').values(row).execute();
}

/** Updates a session. */
export function updateMoocSession(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<MoocSessionRow, 'id' | 'networkId'>>,
): Promise<MoocSessionRow | undefined> {
  return db.updateTable('moocSessions').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** A session of one network, with its creator's name. */
export function findNetworkMoocSession(db: Kysely<DB>, networkId: string, id: string) {
  return db
    .selectFrom('moocSessions as s')
    .leftJoin('users as u', 'u.id', 's.createdBy')
    .selectAll('s')
    .select('u.displayName as creatorName')
    .where('s.networkId', '=', networkId)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** A network's sessions, newest start first. */
export function listNetworkMoocSessions(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('moocSessions as s')
    .leftJoin('users as u', 'u.id', 's.createdBy')
    .selectAll('s')
    .select('u.displayName as creatorName')
    .where('s.networkId', '=', networkId)
    .orderBy('s.startsOn', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}

/**
 * Graduates per session and status; invited or reminded graduates whose invitation ran out
 * without them joining are counted as `expired`.
 */
export async function countGraduates(db: Kysely<DB>, sessionIds: string[], now: string) {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('moocGraduates as g')
    .leftJoin('invitations as i', 'i.id', 'g.invitationId')
    .select((eb) => [
      'g.sessionId',
      'g.status',
      eb.fn.countAll<number>().as('count'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.or([eb('i.expiresAt', '<=', now), eb('i.revokedAt', 'is not', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('lapsed'),
    ])
    .where('g.sessionId', 'in', sessionIds)
    .groupBy(['g.sessionId', 'g.status'])
    .execute();
  // Invited or reminded graduates whose invitation lapsed count as expired.
  return rows.flatMap((r) => {
    const count = Number(r.count);
    const lapsed = r.status === 'invited' || r.status === 'reminded' ? Number(r.lapsed ?? 0) : 0;
    return [
      { sessionId: r.sessionId, status: r.status as string, count: count - lapsed },
      { sessionId: r.sessionId, status: 'expired', count: lapsed },
    ];
  });
}

/** A page of a session's graduates in import order (ids are time-ordered), with invitation state. */
export function listSessionGraduates(
  db: Kysely<DB>,
  sessionId: string,
  options: {
    status?: StoredGraduateStatus | 'expired';
    now: string;
    id?: string;
    afterId?: string;
    limit?: number;
  },
): Promise<GraduateListRow[]> {
  let query = db
    .selectFrom('moocGraduates as g')
    .leftJoin('invitations as i', 'i.id', 'g.invitationId')
    .leftJoin('users as u', 'u.id', 'g.userId')
    .selectAll('g')
    .select([
      'i.expiresAt as invitationExpiresAt',
      'i.revokedAt as invitationRevokedAt',
      'u.displayName as userName',
    ])
    .where('g.sessionId', '=', sessionId)
    .orderBy('g.id');
  const { status, now } = options;
  if (status === 'expired') {
    query = query
      .where('g.status', 'in', ['invited', 'reminded'])
      .where((eb) => eb.or([eb('i.expiresAt', '<=', now), eb('i.revokedAt', 'is not', null)]));
  } else if (status === 'invited' || status === 'reminded') {
    query = query
      .where('g.status', '=', status)
      .where('i.expiresAt', '>', now)
      .where('i.revokedAt', 'is', null);
  } else if (status) {
    query = query.where('g.status', '=', status);
  }
  if (options.id) query = query.where('g.id', '=', options.id);
  if (options.afterId) query = query.where('g.id', '>', options.afterId);
  if (options.limit) query = query.limit(options.limit);
  return query.execute();
}

/** The lower-cased addresses of a session's graduates. */
export async function listSessionEmails(db: Kysely<DB>, sessionId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('moocGraduates')
    .select('email')
    .where('sessionId', '=', sessionId)
    .execute();
  return new Set(rows.map((r) => r.email));
}

/** Which of these addresses belong to active members of the network. */
export async function findMemberEmails(
  db: Kysely<DB>,
  networkId: string,
  emails: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  // Chunks keep the statement under SQLite's parameter limit.
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select('u.email')
      .where('m.networkId', '=', networkId)
      .where('m.status', '=', 'active')
      .where('u.email', 'in', emails.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.email);
  }
  return found;
}

/** Stores graduates; a second row for a session and address is ignored. Returns how many were new. */
export async function insertGraduates(db: Kysely<DB>, rows: MoocGraduateRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const result = await db
      .insertInto('moocGraduates')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['sessionId', 'email']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Finds a graduate of a session. */
export function findSessionGraduate(db: Kysely<DB>, sessionId: string, id: string) {
  return db
    .selectFrom('moocGraduates')
    .selectAll()
    .where('sessionId', '=', sessionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Finds a graduate by id. */
export function findGraduate(db: Kysely<DB>, id: string): Promise<MoocGraduateRow | undefined> {
  return db.selectFrom('moocGraduates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates a graduate. */
export async function updateGraduate(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<MoocGraduateRow, 'id' | 'sessionId' | 'networkId'>>,
): Promise<void> {
  await db.updateTable('moocGraduates').set(changes).where('id', '=', id).execute();
}

/** Gives a badge once (a second call changes nothing). */
export async function insertBadge(db: Kysely<DB>, row: MemberBadgeRow): Promise<void> {
  await db
    .insertInto('memberBadges')
    .values(row)
    .onConflict((oc) => oc.columns(['networkId', 'userId', 'kind', 'sessionId']).doNothing())
    .execute();
}

/** A network's badges of active members (optionally one member's), oldest first, with the session. */
export function listNetworkBadges(db: Kysely<DB>, networkId: string, userId?: string) {
  let query = db
    .selectFrom('memberBadges as b')
    .innerJoin('moocSessions as s', 's.id', 'b.sessionId')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.networkId', '=', 'b.networkId').onRef('m.userId', '=', 'b.userId'),
    )
    .select(['b.userId', 'b.kind', 'b.createdAt', 's.id as sessionId', 's.title', 's.endsOn'])
    .where('b.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .orderBy('b.id');
  if (userId) query = query.where('b.userId', '=', userId);
  return query.execute();
}
