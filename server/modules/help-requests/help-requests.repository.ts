import { type Insertable, type Kysely, sql } from 'kysely';
import type { HelpRequestKind, HelpRequestStatus } from '../../../common/help-requests.ts';
import type { NetworkRole } from '../../../common/permissions.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type {
  HelpRequestListRow,
  HelpRequestRow,
  HelpRequestSummaryRow,
  HelpRequestsTable,
  HelpResponsesTable,
} from './help-requests.table.ts';

/**
 * The columns a list shows (presentSummary): not the bodies, the pool of helpers nor who resolved it.
 * All of them are in `help_requests_list_idx`, which a page of the list reads without the table rows.
 */
const SUMMARY_COLUMNS = [
  'hr.id',
  'hr.requesterId',
  'hr.kind',
  'hr.status',
  'hr.title',
  'hr.expertise',
  'hr.languages',
  'hr.urgency',
  'hr.deadline',
  'hr.responseCount',
  'hr.offerCount',
  'hr.createdAt',
  'hr.lastActivityAt',
  'hr.firstResponseAt',
  'hr.resolvedAt',
  'hr.escalatedAt',
] as const;

/** Requests with their requester's name and avatar, and whether the reader offered. */
function requestsWithRequester(db: Kysely<DB>, readerId: string) {
  return db
    .selectFrom('helpRequests as hr')
    .leftJoin('users as r', 'r.id', 'hr.requesterId')
    .leftJoin('profiles as rp', 'rp.userId', 'hr.requesterId')
    .select((eb) => [
      'r.displayName as requesterName',
      'r.erasedAt as requesterErasedAt',
      'rp.avatarKey as requesterAvatarKey',
      eb
        .exists(
          eb
            .selectFrom('helpOffers as o')
            .select('o.helperId')
            .whereRef('o.requestId', '=', 'hr.id')
            .where('o.helperId', '=', readerId),
        )
        .as('offeredByMe'),
    ]);
}

/** One request, whole, read by every route about it: built and compiled once. */
const findRequestPrecompiled = precompiled(
  (db, p: { networkId: string; id: string; readerId: string }) =>
    requestsWithRequester(db, p.readerId)
      .leftJoin('users as z', 'z.id', 'hr.resolvedBy')
      .selectAll('hr')
      .select(['z.displayName as resolvedByName', 'z.erasedAt as resolvedByErasedAt'])
      .where('hr.networkId', '=', p.networkId)
      .where('hr.id', '=', p.id),
  { values: ['networkId', 'id', 'readerId'] },
);

export async function findRequest(
  db: Kysely<DB>,
  networkId: string,
  id: string,
  readerId: string,
): Promise<HelpRequestListRow | undefined> {
  const [row] = await findRequestPrecompiled(db, { networkId, id, readerId });
  return row as HelpRequestListRow | undefined;
}

export interface RequestFilter {
  status?: HelpRequestStatus;
  kind?: HelpRequestKind;
  expertise?: string;
  language?: string;
  requesterId?: string;
  offeredBy?: string;
  /** Open, without a response, created before this time. */
  unansweredBefore?: string;
  before?: [string, string];
  limit: number;
}

/** What one page of the list is read with: the filter's values, each undefined when not asked for. */
// A type, not an interface: precompiled() needs its parameters to be a record.
export type RequestListParams = {
  networkId: string;
  readerId: string;
  limit: number;
  status: HelpRequestStatus | undefined;
  kind: HelpRequestKind | undefined;
  /** LIKE patterns over the stored JSON arrays of codes (see listRequests). */
  expertisePattern: string | undefined;
  languagePattern: string | undefined;
  requesterId: string | undefined;
  offeredBy: string | undefined;
  unansweredBefore: string | undefined;
  /** The keyset cursor: both or neither. */
  beforeAt: string | undefined;
  beforeId: string | undefined;
};

/**
 * The list's statement as a Kysely query (what the precompiled list runs; the equality test runs
 * it plainly too).
 */
export function requestListQuery(db: Kysely<DB>, p: RequestListParams) {
  let q = requestsWithRequester(db, p.readerId)
    .select(SUMMARY_COLUMNS)
    .where('hr.networkId', '=', p.networkId)
    .orderBy('hr.lastActivityAt', 'desc')
    .orderBy('hr.id', 'desc')
    .limit(p.limit);
  if (p.status !== undefined) q = q.where('hr.status', '=', p.status);
  if (p.kind !== undefined) q = q.where('hr.kind', '=', p.kind);
  if (p.expertisePattern !== undefined) q = q.where('hr.expertise', 'like', p.expertisePattern);
  if (p.languagePattern !== undefined) q = q.where('hr.languages', 'like', p.languagePattern);
  if (p.requesterId !== undefined) q = q.where('hr.requesterId', '=', p.requesterId);
  const offeredBy = p.offeredBy;
  if (offeredBy !== undefined)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('helpOffers as o2')
          .select('o2.helperId')
          .whereRef('o2.requestId', '=', 'hr.id')
          .where('o2.helperId', '=', offeredBy),
      ),
    );
  if (p.unansweredBefore !== undefined)
    q = q
      .where('hr.status', '=', 'open')
      .where('hr.responseCount', '=', 0)
      .where('hr.createdAt', '<', p.unansweredBefore);
  const { beforeAt, beforeId } = p;
  if (beforeAt !== undefined && beforeId !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('hr.lastActivityAt', '<', beforeAt),
        eb.and([eb('hr.lastActivityAt', '=', beforeAt), eb('hr.id', '<', beforeId)]),
      ]),
    );
  return q;
}

/**
 * The list is the support area's hot read: built and compiled once per combination of filters, then
 * only executed (on SQLite on the reader connection, each row as one JSON array).
 */
const requestListPrecompiled = precompiled(requestListQuery, {
  values: [
    'networkId',
    'readerId',
    'limit',
    'status',
    'kind',
    'expertisePattern',
    'languagePattern',
    'requesterId',
    'offeredBy',
    'unansweredBefore',
    'beforeAt',
    'beforeId',
  ],
  jsonRows: true,
});

/** A page of a network's requests, latest activity first (keyset on activity time and id). */
export function listRequests(
  db: Kysely<DB>,
  networkId: string,
  readerId: string,
  f: RequestFilter,
): Promise<HelpRequestSummaryRow[]> {
  return requestListPrecompiled(db, requestListParams(networkId, readerId, f)) as Promise<
    HelpRequestSummaryRow[]
  >;
}

/** The list's parameters for a filter. */
export function requestListParams(networkId: string, readerId: string, f: RequestFilter): RequestListParams {
  return {
    networkId,
    readerId,
    limit: f.limit,
    status: f.status,
    kind: f.kind,
    // The codes are stored as JSON arrays of quoted codes: a quoted code matches one element exactly.
    expertisePattern: f.expertise ? `%"${f.expertise}"%` : undefined,
    languagePattern: f.language ? `%"${f.language}"%` : undefined,
    requesterId: f.requesterId,
    offeredBy: f.offeredBy,
    unansweredBefore: f.unansweredBefore,
    beforeAt: f.before?.[0],
    beforeId: f.before?.[1],
  };
}

export async function insertRequest(db: Kysely<DB>, row: Insertable<HelpRequestsTable>): Promise<void> {
  await db.insertInto('helpRequests').values(row).execute();
}

/** Changes a request while it is in one of the given states; false when it moved on meanwhile. */
export async function updateRequestIf(
  db: Kysely<DB>,
  id: string,
  from: readonly HelpRequestStatus[],
  changes: Partial<Omit<HelpRequestRow, 'id' | 'networkId'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('helpRequests')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteRequest(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('helpRequests').where('id', '=', id).execute();
}

/** Stores a response and counts it on its request (answered with the first one of someone else). */
export async function insertResponse(
  db: Kysely<DB>,
  row: HelpResponsesTable,
  answers: boolean,
): Promise<void> {
  await db.insertInto('helpResponses').values(row).execute();
  await db
    .updateTable('helpRequests')
    .set((eb) => ({
      responseCount: eb('responseCount', '+', 1),
      lastActivityAt: row.createdAt,
      ...(answers && {
        firstResponseAt: sql<string>`coalesce(first_response_at, ${row.createdAt})`,
        status: sql<HelpRequestStatus>`case when status = 'open' then 'answered' else status end`,
      }),
    }))
    .where('id', '=', row.requestId)
    .execute();
}

export function listResponses(db: Kysely<DB>, requestId: string) {
  return db
    .selectFrom('helpResponses as r')
    .leftJoin('users as u', 'u.id', 'r.authorId')
    .leftJoin('profiles as p', 'p.userId', 'r.authorId')
    .selectAll('r')
    .select(['u.displayName as authorName', 'u.erasedAt as authorErasedAt', 'p.avatarKey as authorAvatarKey'])
    .where('r.requestId', '=', requestId)
    .orderBy('r.id')
    .execute();
}

export function listOffers(db: Kysely<DB>, requestId: string) {
  return db
    .selectFrom('helpOffers as o')
    .innerJoin('users as u', 'u.id', 'o.helperId')
    .leftJoin('profiles as p', 'p.userId', 'o.helperId')
    .select(['o.helperId', 'o.createdAt', 'u.displayName', 'u.erasedAt', 'p.avatarKey'])
    .where('o.requestId', '=', requestId)
    .orderBy('o.createdAt')
    .execute();
}

/** Adds an offer; false when there was one already. */
export async function insertOffer(
  db: Kysely<DB>,
  row: { requestId: string; helperId: string; networkId: string; createdAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto('helpOffers')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  const added = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  if (added)
    await db
      .updateTable('helpRequests')
      .set((eb) => ({ offerCount: eb('offerCount', '+', 1), lastActivityAt: row.createdAt }))
      .where('id', '=', row.requestId)
      .execute();
  return added;
}

/** Takes an offer back; false when there was none. */
export async function deleteOffer(db: Kysely<DB>, requestId: string, helperId: string, now: string) {
  const result = await db
    .deleteFrom('helpOffers')
    .where('requestId', '=', requestId)
    .where('helperId', '=', helperId)
    .executeTakeFirst();
  const removed = Number(result.numDeletedRows) > 0;
  if (removed)
    await db
      .updateTable('helpRequests')
      .set((eb) => ({ offerCount: eb('offerCount', '-', 1), lastActivityAt: now }))
      .where('id', '=', requestId)
      .execute();
  return removed;
}

/** Who responded to or offered on a request (the helpers one may thank). */
export async function listHelperIds(db: Kysely<DB>, requestId: string): Promise<string[]> {
  const [responders, offerers] = await Promise.all([
    db.selectFrom('helpResponses').select('authorId').where('requestId', '=', requestId).execute(),
    db.selectFrom('helpOffers').select('helperId').where('requestId', '=', requestId).execute(),
  ]);
  return [
    ...new Set([
      ...responders.flatMap((r) => (r.authorId ? [r.authorId] : [])),
      ...offerers.map((o) => o.helperId),
    ]),
  ];
}

export async function insertThanks(db: Kysely<DB>, requestId: string, userIds: string[], now: string) {
  if (userIds.length === 0) return;
  await db
    .insertInto('helpThanks')
    .values(userIds.map((userId) => ({ requestId, userId, createdAt: now })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listThanked(db: Kysely<DB>, requestId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('helpThanks')
    .select('userId')
    .where('requestId', '=', requestId)
    .execute();
  return new Set(rows.map((r) => r.userId));
}

/**
 * Claims the one e-mail a person may get about a request: true the first time for that person and
 * request (then they may be mailed), false ever after (in-app only).
 */
export async function claimMail(
  db: Kysely<DB>,
  requestId: string,
  userId: string,
  reason: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('helpNotified')
    .values({ requestId, userId, reason, createdAt: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

const listNotifiedPrecompiled = precompiled(
  (db, p: { requestId: string }) =>
    db.selectFrom('helpNotified').select('userId').where('requestId', '=', p.requestId),
  { values: ['requestId'] },
);

/** Who was told about a request (the suggested helpers list marks them). */
export async function listNotifiedIds(db: Kysely<DB>, requestId: string): Promise<Set<string>> {
  const rows = await listNotifiedPrecompiled(db, { requestId });
  return new Set(rows.map((r) => r.userId));
}

/** Open requests of a network without any response or offer, asked within (createdAfter, createdBefore), oldest first. */
export function listWaitingRequests(
  db: Kysely<DB>,
  networkId: string,
  p: { createdBefore: string; createdAfter: string; limit: number },
) {
  return db
    .selectFrom('helpRequests')
    .select(['id', 'requesterId'])
    .where('networkId', '=', networkId)
    .where('status', '=', 'open')
    .where('responseCount', '=', 0)
    .where('offerCount', '=', 0)
    .where('createdAt', '<', p.createdBefore)
    .where('createdAt', '>', p.createdAfter)
    .orderBy('createdAt')
    .limit(p.limit)
    .execute();
}

/** Active members of a network in the given roles (whom to tell of an unanswered request). */
export async function listMemberIdsInRoles(db: Kysely<DB>, networkId: string, roles: NetworkRole[]) {
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('networkId', '=', networkId)
    .where('status', '=', 'active')
    .where('role', 'in', roles)
    .execute();
  return rows.map((r) => r.userId);
}

export async function networkEscalationHours(db: Kysely<DB>, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('networks')
    .select('helpEscalationHours')
    .where('id', '=', networkId)
    .executeTakeFirst();
  return row?.helpEscalationHours ?? 48;
}

/** What a pool of helpers is worked out for. */
export interface PoolNeed {
  networkId: string;
  roles: NetworkRole[];
  today: string;
  /** The requester (never their own helper). */
  excludeId: string | null;
  expertise: string[];
  languages: string[];
  limit: number;
}

/**
 * The likeliest helpers among a network's active, present members (not suspended, not on leave),
 * best first by a pre-score worked out in SQL from what ranking.ts weighs most: shared expertise
 * areas, a shared language, availability and experience. One statement; ranking.ts then ranks
 * within this pool only.
 */
export async function listPoolCandidates(db: Kysely<DB>, need: PoolNeed): Promise<string[]> {
  const { expertise, languages } = need;
  const pre = sql<number>`(${sql.join(
    [
      expertise.length > 0
        ? sql`4 * (select count(*) from profile_expertise pe where pe.user_id = ms.user_id and pe.area in (${sql.join(expertise)}))`
        : sql`0`,
      languages.length > 0
        ? sql`case when exists (select 1 from profile_languages pl where pl.user_id = ms.user_id and pl.language in (${sql.join(languages)})) then 3 else 0 end`
        : sql`0`,
      sql`case when coalesce(p.availability, '') <> '' then 1 else 0 end`,
      sql`case when ms.level = 'experienced' or ms.role <> 'mentor' then 1 else 0 end`,
    ],
    sql` + `,
  )})`;
  let q = db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .leftJoin('profiles as p', 'p.userId', 'ms.userId')
    .select(['ms.userId', pre.as('pre')])
    .where('ms.networkId', '=', need.networkId)
    .where('ms.status', '=', 'active')
    .where('ms.role', 'in', need.roles)
    .where('u.suspendedAt', 'is', null)
    .where((eb) => eb.or([eb('ms.leaveUntil', 'is', null), eb('ms.leaveUntil', '<', need.today)]))
    .orderBy('pre', 'desc')
    .orderBy('ms.userId')
    .limit(need.limit);
  if (need.excludeId) q = q.where('ms.userId', '!=', need.excludeId);
  const rows = await q.execute();
  return rows.map((r) => r.userId);
}

export async function saveHelperPool(db: Kysely<DB>, id: string, pool: string[], at: string): Promise<void> {
  await db
    .updateTable('helpRequests')
    .set({ helperPool: JSON.stringify(pool), helperPoolAt: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Those of the given users who may be suggested in the network (active, in the roles, not
 * suspended, not on leave), each with their load, in one statement: open offers on requests not
 * resolved (in any network: a person's time is one) and the resolved requests of this network they
 * responded to. Found by the (network, user) key, and the status and role are checked here rather
 * than in SQL: with them in the statement, SQLite would walk the network's whole (network, status)
 * index instead (10,000 rows in a large network, against 50 lookups). The loads are counted through
 * the offers' helper and the responses' author indexes, for the pool's few members only.
 */
export async function listHelperCandidates(
  db: Kysely<DB>,
  networkId: string,
  roles: NetworkRole[],
  today: string,
  userIds: string[],
) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .leftJoin('profiles as p', 'p.userId', 'ms.userId')
    .select((eb) => [
      'ms.userId',
      'ms.role',
      'ms.level',
      'ms.status',
      'ms.leaveUntil',
      'u.suspendedAt',
      'u.displayName',
      'p.availability',
      eb
        .selectFrom('helpOffers as o')
        .innerJoin('helpRequests as r', 'r.id', 'o.requestId')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('o.helperId', '=', 'ms.userId')
        .where('r.status', '!=', 'resolved')
        .as('openOffers'),
      eb
        .selectFrom('helpResponses as x')
        .innerJoin('helpRequests as r', 'r.id', 'x.requestId')
        .select((e) => e.fn.count<number>('r.id').distinct().as('n'))
        .whereRef('x.authorId', '=', 'ms.userId')
        .whereRef('r.networkId', '=', 'ms.networkId')
        .where('r.status', '=', 'resolved')
        .whereRef('r.requesterId', '!=', 'x.authorId')
        .as('helpedBefore'),
    ])
    .where('ms.networkId', '=', networkId)
    .where('ms.userId', 'in', userIds)
    .execute();
  return rows
    .filter(
      (r) =>
        r.status === 'active' &&
        roles.includes(r.role) &&
        r.suspendedAt === null &&
        (r.leaveUntil === null || r.leaveUntil < today),
    )
    .map((r) => ({ ...r, openOffers: Number(r.openOffers ?? 0), helpedBefore: Number(r.helpedBefore ?? 0) }));
}

/** A member's own requests in a network that are still open or answered (not resolved). */
export function listOpenRequestsOf(db: Kysely<DB>, networkId: string, requesterId: string) {
  return db
    .selectFrom('helpRequests')
    .select(['id', 'title'])
    .where('networkId', '=', networkId)
    .where('requesterId', '=', requesterId)
    .where('status', 'in', ['open', 'answered'])
    .orderBy('createdAt')
    .execute();
}

/** Passes one of a member's unresolved requests to another member; whether it was theirs. */
export async function handOverRequest(
  db: Kysely<DB>,
  where: { networkId: string; id: string; fromId: string },
  toId: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('helpRequests')
    .set({ requesterId: toId, updatedAt: now, lastActivityAt: now })
    .where('id', '=', where.id)
    .where('networkId', '=', where.networkId)
    .where('requesterId', '=', where.fromId)
    .where('status', 'in', ['open', 'answered'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
