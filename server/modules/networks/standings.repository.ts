import type { Expression, ExpressionBuilder, Kysely } from 'kysely';
import type { NetworkRole } from '../../../common/permissions.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import { SESSION_COLUMNS, type SessionContext, sessionOfRow } from '../../platform/sessions/index.ts';
import type { MembershipRow, NetworkRow } from './networks.table.ts';

/**
 * Where users stand in networks: membership, role, whether they accepted the current agreement
 * and rules, whether they administer the founding organisation. The policy layer
 * (common/permissions.ts, common/policies/) decides with these facts; this file only reads them.
 */

/** Keeps a document row (alias `d`) only when it is the highest version of its kind in its network. */
function isCurrentVersion(eb: ExpressionBuilder<DB & { d: DB['networkDocuments'] }, 'd'>) {
  return eb(
    'd.version',
    '=',
    eb
      .selectFrom('networkDocuments as d2')
      .select((e) => e.fn.max('d2.version').as('v'))
      .whereRef('d2.networkId', '=', 'd.networkId')
      .whereRef('d2.kind', '=', 'd.kind'),
  );
}

/**
 * The current documents of a network that a user has not accepted, counted: a subquery, so that
 * the answer comes with the network or membership in the same statement.
 */
function countMissingAcceptances(
  db: Kysely<DB>,
  networkId: string | Expression<string>,
  userId: string | Expression<string>,
) {
  return db
    .selectFrom('networkDocuments as d')
    .select((eb) => eb.fn.countAll<number>().as('missing'))
    .where('d.networkId', '=', networkId)
    .where(isCurrentVersion)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('documentAcceptances as a')
            .select('a.documentId')
            .whereRef('a.documentId', '=', 'd.id')
            .where('a.userId', '=', userId),
        ),
      ),
    );
}

/**
 * A network with the caller's active membership, whether they administer its founding
 * organisation and, for members, how many current documents they have yet to accept, in one query
 * (this runs on every network request).
 */
const networkForUser = precompiled(
  (db, p: { slug: string; userId: string }) =>
    db
      .selectFrom('networks as n')
      .leftJoin('memberships as m', (join) =>
        join.onRef('m.networkId', '=', 'n.id').on('m.userId', '=', p.userId).on('m.status', '=', 'active'),
      )
      .leftJoin('organisationAdmins as oa', (join) =>
        join.onRef('oa.organisationId', '=', 'n.organisationId').on('oa.userId', '=', p.userId),
      )
      // The network's columns by name (`jsonRows` reads a row as one JSON array of named values).
      .select([
        'n.id',
        'n.slug',
        'n.name',
        'n.description',
        'n.region',
        'n.languages',
        'n.visibility',
        'n.organisationId',
        'n.createdBy',
        'n.membersCreateEvents',
        'n.createdAt',
        'n.updatedAt',
        'm.id as membershipId',
        'm.role as membershipRole',
        'm.level as membershipLevel',
        'm.joinedAt as membershipJoinedAt',
        'm.createdAt as membershipCreatedAt',
        'm.updatedAt as membershipUpdatedAt',
        'm.suspendedUntil as membershipSuspendedUntil',
        'oa.userId as orgAdminId',
      ])
      .select((eb) =>
        eb
          .case()
          .when('m.id', 'is not', null)
          .then(countMissingAcceptances(db, eb.ref('n.id'), p.userId))
          .end()
          .as('missingAcceptances'),
      )
      .where('n.slug', '=', p.slug),
  { values: ['slug', 'userId'], jsonRows: true },
);

/** A network with a user's standing in it, as the policy layer reads it. */
export interface NetworkStandingRow {
  network: NetworkRow;
  membership: MembershipRow | null;
  orgAdmin: boolean;
  /** Whether the member has accepted every current document (false for non-members). */
  acceptedCurrent: boolean;
}

/** A network by slug with the user's standing in it (no user: a visitor's), or undefined. */
export async function findNetworkForUser(
  db: Kysely<DB>,
  slug: string,
  userId: string | null,
): Promise<NetworkStandingRow | undefined> {
  const [row] = await networkForUser(db, { slug, userId: userId ?? '' });
  return row ? standingOfRow(row, userId) : undefined;
}

interface StandingColumns {
  id: string;
  slug: string;
  name: string;
  description: NetworkRow['description'];
  region: NetworkRow['region'];
  languages: NetworkRow['languages'];
  visibility: NetworkRow['visibility'];
  organisationId: NetworkRow['organisationId'];
  createdBy: NetworkRow['createdBy'];
  membersCreateEvents: NetworkRow['membersCreateEvents'];
  createdAt: string;
  updatedAt: string;
  membershipId: string | null;
  membershipRole: MembershipRow['role'] | null;
  membershipLevel: MembershipRow['level'] | null;
  membershipJoinedAt: string | null;
  membershipCreatedAt: string | null;
  membershipUpdatedAt: string | null;
  membershipSuspendedUntil: string | null;
  orgAdminId: string | null;
  missingAcceptances: unknown;
}

function standingOfRow(row: StandingColumns, userId: string | null): NetworkStandingRow {
  const {
    membershipId,
    membershipRole,
    membershipLevel,
    membershipJoinedAt,
    membershipCreatedAt,
    membershipUpdatedAt,
    membershipSuspendedUntil,
    orgAdminId,
    missingAcceptances,
  } = row;
  // Field by field: a rest copy of the row took more than half as long as the query (~3 µs).
  const network: NetworkRow = {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    region: row.region,
    languages: row.languages,
    visibility: row.visibility,
    organisationId: row.organisationId,
    createdBy: row.createdBy,
    membersCreateEvents: row.membersCreateEvents,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  const membership: MembershipRow | null =
    membershipId && membershipRole && userId
      ? {
          id: membershipId,
          networkId: network.id,
          userId,
          role: membershipRole,
          level: membershipLevel ?? null,
          status: 'active',
          joinedAt: membershipJoinedAt ?? network.createdAt,
          endedAt: null,
          endReason: null,
          suspendedUntil: membershipSuspendedUntil ?? null,
          createdAt: membershipCreatedAt ?? network.createdAt,
          updatedAt: membershipUpdatedAt ?? network.createdAt,
        }
      : null;
  return {
    network,
    membership,
    orgAdmin: orgAdminId !== null && orgAdminId !== undefined,
    acceptedCurrent: membership !== null && Number(missingAcceptances) === 0,
  };
}

/**
 * A session (by its token's hash) with its user and, in the same row, a network by slug with that
 * user's standing in it: the two lookups every network request makes, as one statement. The network's
 * columns are prefixed (`network…`), as the user's own take the plain names.
 */
const sessionWithNetwork = precompiled(
  (db, p: { tokenHash: string; slug: string }) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.userId')
      .leftJoin('networks as n', (join) => join.on('n.slug', '=', p.slug))
      .leftJoin('memberships as m', (join) =>
        join.onRef('m.networkId', '=', 'n.id').onRef('m.userId', '=', 'u.id').on('m.status', '=', 'active'),
      )
      .leftJoin('organisationAdmins as oa', (join) =>
        join.onRef('oa.organisationId', '=', 'n.organisationId').onRef('oa.userId', '=', 'u.id'),
      )
      .select(SESSION_COLUMNS)
      .select([
        'n.id as networkId',
        'n.slug as networkSlug',
        'n.name as networkName',
        'n.description as networkDescription',
        'n.region as networkRegion',
        'n.languages as networkLanguages',
        'n.visibility as networkVisibility',
        'n.organisationId as networkOrganisationId',
        'n.createdBy as networkCreatedBy',
        'n.membersCreateEvents as networkMembersCreateEvents',
        'n.createdAt as networkCreatedAt',
        'n.updatedAt as networkUpdatedAt',
        'm.id as membershipId',
        'm.role as membershipRole',
        'm.level as membershipLevel',
        'm.joinedAt as membershipJoinedAt',
        'm.createdAt as membershipCreatedAt',
        'm.updatedAt as membershipUpdatedAt',
        'm.suspendedUntil as membershipSuspendedUntil',
        'oa.userId as orgAdminId',
      ])
      .select((eb) =>
        eb
          .case()
          .when('m.id', 'is not', null)
          .then(countMissingAcceptances(db, eb.ref('n.id') as Expression<string>, eb.ref('u.id')))
          .end()
          .as('missingAcceptances'),
      )
      .where('s.tokenHash', '=', p.tokenHash),
  { values: ['tokenHash', 'slug'], jsonRows: true },
);

/**
 * A session and its user by the token's hash, with a network by slug and that user's standing in it
 * (network null: no such network), in one statement; undefined when there is no such session.
 */
export async function findSessionWithNetwork(
  db: Kysely<DB>,
  tokenHash: string,
  slug: string,
): Promise<{ found: SessionContext; standing: NetworkStandingRow | null } | undefined> {
  const [row] = await sessionWithNetwork(db, { tokenHash, slug });
  if (!row) return undefined;
  const found = sessionOfRow(row);
  if (row.networkId === null) return { found, standing: null };
  const standing = standingOfRow(
    {
      id: row.networkId,
      slug: row.networkSlug as string,
      name: row.networkName as string,
      description: row.networkDescription as NetworkRow['description'],
      region: row.networkRegion as NetworkRow['region'],
      languages: row.networkLanguages as NetworkRow['languages'],
      visibility: row.networkVisibility as NetworkRow['visibility'],
      organisationId: row.networkOrganisationId as NetworkRow['organisationId'],
      createdBy: row.networkCreatedBy as NetworkRow['createdBy'],
      membersCreateEvents: row.networkMembersCreateEvents as NetworkRow['membersCreateEvents'],
      createdAt: row.networkCreatedAt as string,
      updatedAt: row.networkUpdatedAt as string,
      membershipId: row.membershipId,
      membershipRole: row.membershipRole,
      membershipLevel: row.membershipLevel,
      membershipJoinedAt: row.membershipJoinedAt,
      membershipCreatedAt: row.membershipCreatedAt,
      membershipUpdatedAt: row.membershipUpdatedAt,
      membershipSuspendedUntil: row.membershipSuspendedUntil,
      orgAdminId: row.orgAdminId,
      missingAcceptances: row.missingAcceptances,
    },
    found.user.id,
  );
  return { found, standing };
}

/** One active membership with what the policy layer needs to decide about it. */
export interface StandingRow {
  userId: string;
  networkId: string;
  slug: string;
  name: string;
  role: NetworkRole;
  level: MembershipRow['level'];
  visibility: NetworkRow['visibility'];
  missing: number | string | null;
  suspendedUntil: string | null;
}

/** Every active membership of the given users, with their acceptance of each network's current documents, in one query. */
export function listStandingRows(db: Kysely<DB>, userIds: readonly string[]): Promise<StandingRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships as m')
    .innerJoin('networks as n', 'n.id', 'm.networkId')
    .select([
      'm.userId',
      'm.networkId',
      'n.slug',
      'n.name',
      'm.role',
      'm.level',
      'n.visibility',
      'm.suspendedUntil',
    ])
    .select((eb) => countMissingAcceptances(db, eb.ref('m.networkId'), eb.ref('m.userId')).as('missing'))
    .where('m.userId', 'in', userIds)
    .where('m.status', '=', 'active')
    .orderBy('n.name')
    .execute();
}
