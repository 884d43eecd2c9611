import type { Kysely } from 'kysely';
import type { NudgeKind, ProgressionDecision, ProgressionStep } from '../../../common/progression.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type { NudgeLogRow, ProgressionDecisionRow } from './progression.table.ts';
import type { MemberStats } from './ranking.ts';

type Db = Kysely<DB>;

/** Counts per user from one grouped query. */
function countMap(rows: { userId: string | null; n: number | string | bigint }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows) if (r.userId) map.set(r.userId, (map.get(r.userId) ?? 0) + Number(r.n));
  return map;
}

/**
 * The active members of a network with what progression and succession weigh: help given, events
 * attended, buddy pairings, MOOC completion and their last sign of activity (read-only aggregates
 * over the other features' tables, one grouped query each).
 */
export async function listMemberStats(db: Db, networkId: string): Promise<MemberStats[]> {
  const members = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.userId', 'u.displayName', 'm.role', 'm.level', 'm.joinedAt'])
    .where('m.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .execute();
  const [responses, offers, attended, completed, mentored, badges, lastActive] = await Promise.all([
    db
      .selectFrom('helpResponses')
      .select(['authorId as userId', (eb) => eb.fn.countAll().as('n')])
      .where('networkId', '=', networkId)
      .groupBy('authorId')
      .execute(),
    db
      .selectFrom('helpOffers')
      .select(['helperId as userId', (eb) => eb.fn.countAll().as('n')])
      .where('networkId', '=', networkId)
      .groupBy('helperId')
      .execute(),
    db
      .selectFrom('eventAttendance as a')
      .innerJoin('events as e', 'e.id', 'a.eventId')
      .select(['a.userId', (eb) => eb.fn.countAll().as('n')])
      .where('e.networkId', '=', networkId)
      .groupBy('a.userId')
      .execute(),
    db
      .selectFrom('buddyPairs')
      .select(['beginnerId as userId', (eb) => eb.fn.countAll().as('n')])
      .where('networkId', '=', networkId)
      .where('status', '=', 'ended')
      .groupBy('beginnerId')
      .execute(),
    db
      .selectFrom('buddyPairs')
      .select(['mentorId as userId', (eb) => eb.fn.countAll().as('n')])
      .where('networkId', '=', networkId)
      .where('status', 'in', ['active', 'ended'])
      .groupBy('mentorId')
      .execute(),
    db
      .selectFrom('memberBadges')
      .select('userId')
      .where('networkId', '=', networkId)
      .where('kind', '=', 'mooc_graduate')
      .execute(),
    lastActiveInNetwork(db, networkId),
  ]);
  const help = countMap([...responses, ...offers]);
  const events = countMap(attended);
  const ended = countMap(completed);
  const buddies = countMap(mentored);
  const graduates = new Set(badges.map((b) => b.userId));
  return members.map((m) => ({
    userId: m.userId,
    displayName: m.displayName,
    role: m.role,
    level: m.level,
    joinedAt: m.joinedAt,
    helpGiven: help.get(m.userId) ?? 0,
    eventsAttended: events.get(m.userId) ?? 0,
    buddyCompleted: ended.get(m.userId) ?? 0,
    buddiesMentored: buddies.get(m.userId) ?? 0,
    moocCompleted: graduates.has(m.userId),
    lastActiveAt: lastActive.get(m.userId) ?? null,
  }));
}

/**
 * When each member of a network was last active there: their newest post, RSVP, help request,
 * response or offer in the network, or message sent (messages belong to no network, so any counts).
 * Active members only.
 */
export async function lastActiveInNetwork(db: Db, networkId: string): Promise<Map<string, string>> {
  const memberIds = db
    .selectFrom('memberships')
    .select('userId')
    .where('networkId', '=', networkId)
    .where('status', '=', 'active');
  const sources = await Promise.all([
    db
      .selectFrom('posts')
      .select(['authorId as userId', (eb) => eb.fn.max('createdAt').as('at')])
      .where('networkId', '=', networkId)
      .where('authorId', 'in', memberIds)
      .groupBy('authorId')
      .execute(),
    db
      .selectFrom('eventRsvps as r')
      .innerJoin('events as e', 'e.id', 'r.eventId')
      .select(['r.userId', (eb) => eb.fn.max('r.respondedAt').as('at')])
      .where('e.networkId', '=', networkId)
      .where('r.userId', 'in', memberIds)
      .groupBy('r.userId')
      .execute(),
    db
      .selectFrom('helpRequests')
      .select(['requesterId as userId', (eb) => eb.fn.max('createdAt').as('at')])
      .where('networkId', '=', networkId)
      .where('requesterId', 'in', memberIds)
      .groupBy('requesterId')
      .execute(),
    db
      .selectFrom('helpResponses')
      .select(['authorId as userId', (eb) => eb.fn.max('createdAt').as('at')])
      .where('networkId', '=', networkId)
      .where('authorId', 'in', memberIds)
      .groupBy('authorId')
      .execute(),
    db
      .selectFrom('helpOffers')
      .select(['helperId as userId', (eb) => eb.fn.max('createdAt').as('at')])
      .where('networkId', '=', networkId)
      .where('helperId', 'in', memberIds)
      .groupBy('helperId')
      .execute(),
    db
      .selectFrom('messages')
      .select(['senderId as userId', (eb) => eb.fn.max('createdAt').as('at')])
      .where('senderId', 'in', memberIds)
      .groupBy('senderId')
      .execute(),
  ]);
  const last = new Map<string, string>();
  for (const rows of sources) {
    for (const r of rows) {
      if (!r.userId || !r.at) continue;
      const at = String(r.at);
      const seen = last.get(r.userId);
      if (!seen || Date.parse(at) > Date.parse(seen))
        last.set(r.userId, new Date(Date.parse(at)).toISOString());
    }
  }
  return last;
}

/** The meta-mentor's decisions on suggestions in a network. */
export function listDecisions(db: Db, networkId: string): Promise<ProgressionDecisionRow[]> {
  return db.selectFrom('progressionDecisions').selectAll().where('networkId', '=', networkId).execute();
}

/** Records (or replaces) a decision on one member's step. */
export async function saveDecision(
  db: Db,
  row: {
    networkId: string;
    userId: string;
    step: ProgressionStep;
    decision: ProgressionDecision;
    decidedBy: string;
    decidedAt: string;
  },
): Promise<void> {
  await db
    .insertInto('progressionDecisions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['networkId', 'userId', 'step']).doUpdateSet({
        decision: row.decision,
        decidedBy: row.decidedBy,
        decidedAt: row.decidedAt,
      }),
    )
    .execute();
}

const deputyQuery = precompiled(
  (db: Db, p: { networkId: string }) =>
    db
      .selectFrom('networkDeputies as d')
      .innerJoin('users as u', 'u.id', 'd.userId')
      .innerJoin('memberships as m', (join) =>
        join.onRef('m.networkId', '=', 'd.networkId').onRef('m.userId', '=', 'd.userId'),
      )
      .select(['d.userId', 'u.displayName', 'd.namedAt'])
      .where('d.networkId', '=', p.networkId)
      .where('m.status', '=', 'active'),
  { values: ['networkId'] },
);

/**
 * The network's named deputy with their name, while they are an active member of it (precompiled:
 * every health dashboard request reads it, and building it with Kysely cost more than running it).
 */
export async function findDeputy(
  db: Db,
  networkId: string,
): Promise<{ userId: string; displayName: string; namedAt: string } | undefined> {
  return (await deputyQuery(db, { networkId }))[0];
}

/** Names (or replaces) the network's deputy. */
export async function saveDeputy(
  db: Db,
  row: { networkId: string; userId: string; namedBy: string; namedAt: string },
): Promise<void> {
  await db
    .insertInto('networkDeputies')
    .values(row)
    .onConflict((oc) =>
      oc.column('networkId').doUpdateSet({ userId: row.userId, namedBy: row.namedBy, namedAt: row.namedAt }),
    )
    .execute();
}

/** When a person was last sent a nudge of a kind (in one network, or in any), or null. */
export async function lastNudgeAt(
  db: Db,
  userId: string,
  kind: NudgeKind,
  networkId?: string,
): Promise<string | null> {
  let query = db
    .selectFrom('nudgeLog')
    .select((eb) => eb.fn.max('sentAt').as('at'))
    .where('userId', '=', userId)
    .where('kind', '=', kind);
  if (networkId) query = query.where('networkId', '=', networkId);
  const row = await query.executeTakeFirst();
  return row?.at ? new Date(Date.parse(String(row.at))).toISOString() : null;
}

/** Logs a nudge sent. */
export async function insertNudge(db: Db, row: NudgeLogRow): Promise<void> {
  await db.insertInto('nudgeLog').values(row).execute();
}

/** The nudges sent in a network, newest first. */
export function listNudges(db: Db, networkId: string, limit: number) {
  return db
    .selectFrom('nudgeLog as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .select(['n.id', 'n.kind', 'n.userId', 'u.displayName', 'n.sentAt', 'n.details'])
    .where('n.networkId', '=', networkId)
    .orderBy('n.sentAt', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

/** Networks with active members, for the nudge run. */
export function listNetworkIds(db: Db): Promise<{ id: string; name: string; slug: string }[]> {
  return db.selectFrom('networks').select(['id', 'name', 'slug']).orderBy('id').execute();
}

/** What happened in a network since a time: new topics, help requests and events created. */
export async function countSince(db: Db, networkId: string, since: string) {
  const [topics, help, events] = await Promise.all([
    db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('networkId', '=', networkId)
      .where('isOpening', '=', 1)
      .where('createdAt', '>', since)
      .executeTakeFirst(),
    db
      .selectFrom('helpRequests')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('networkId', '=', networkId)
      .where('createdAt', '>', since)
      .executeTakeFirst(),
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('networkId', '=', networkId)
      .where('createdAt', '>', since)
      .executeTakeFirst(),
  ]);
  return {
    topics: Number(topics?.n ?? 0),
    helpRequests: Number(help?.n ?? 0),
    events: Number(events?.n ?? 0),
  };
}

/** How many open help requests of a network have no response yet. */
export async function countUnansweredHelp(db: Db, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('helpRequests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('networkId', '=', networkId)
    .where('status', '=', 'open')
    .where('responseCount', '=', 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether a job of a kind is waiting or running (so several instances keep one chain). */
export async function hasJob(db: Db, kind: string, statuses: JobStatus[]): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return row !== undefined;
}

/** The active members of a network with when they last opened the app (newest session), if ever. */
export async function listLastSeen(db: Db, networkId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('memberships as m')
    .leftJoin('sessions as s', 's.userId', 'm.userId')
    .select(['m.userId', (eb) => eb.fn.max('s.lastSeenAt').as('at')])
    .where('m.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .groupBy('m.userId')
    .execute();
  return new Map(rows.map((r) => [r.userId, r.at ? new Date(Date.parse(String(r.at))).toISOString() : null]));
}

/** Who answered any of the events (yes, maybe or no). */
export async function listAnsweredAny(db: Db, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rsvps = await db
    .selectFrom('eventRsvps')
    .select('userId')
    .distinct()
    .where('eventId', 'in', eventIds)
    .execute();
  return new Set(rsvps.map((r) => r.userId));
}

/** When each person was last sent a nudge of a kind in a network after a time. */
export async function listLastNudges(
  db: Db,
  networkId: string,
  kind: NudgeKind,
  since: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('nudgeLog')
    .select(['userId', (eb) => eb.fn.max('sentAt').as('at')])
    .where('networkId', '=', networkId)
    .where('kind', '=', kind)
    .where('sentAt', '>', since)
    .groupBy('userId')
    .execute();
  return new Map(rows.map((r) => [r.userId, new Date(Date.parse(String(r.at))).toISOString()]));
}
