import type { Kysely } from 'kysely';
import type { JoinRequestStatus, PartnershipStatus } from '../../../common/partnerships.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { JoinRequestRow, PartnershipRow } from './partnerships.table.ts';

/** A partnership with both networks' names, as lists show it. */
export interface PartnershipListRow extends PartnershipRow {
  networkSlug: string;
  networkName: string;
  networkRegion: string;
  partnerSlug: string;
  partnerName: string;
  partnerRegion: string;
}

function withNetworks(db: Kysely<DB>) {
  return db
    .selectFrom('networkPartnerships as p')
    .innerJoin('networks as a', 'a.id', 'p.networkId')
    .innerJoin('networks as b', 'b.id', 'p.partnerId')
    .selectAll('p')
    .select([
      'a.slug as networkSlug',
      'a.name as networkName',
      'a.region as networkRegion',
      'b.slug as partnerSlug',
      'b.name as partnerName',
      'b.region as partnerRegion',
    ]);
}

/** Stores a partnership request. */
export async function insertPartnership(db: Kysely<DB>, row: PartnershipRow): Promise<void> {
  await db.insertInto('networkPartnerships').values(row).execute();
}

/** The open (pending or active) partnership between two networks, whichever side asked. */
export function findOpenPartnershipBetween(
  db: Kysely<DB>,
  a: string,
  b: string,
): Promise<PartnershipRow | undefined> {
  return db
    .selectFrom('networkPartnerships')
    .selectAll()
    .where('status', 'in', ['pending', 'active'])
    .where((eb) =>
      eb.or([
        eb.and([eb('networkId', '=', a), eb('partnerId', '=', b)]),
        eb.and([eb('networkId', '=', b), eb('partnerId', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

/** One partnership the network is a side of (an id of other networks' is not found). */
export function findPartnershipOf(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<PartnershipListRow | undefined> {
  return withNetworks(db)
    .where('p.id', '=', id)
    .where((eb) => eb.or([eb('p.networkId', '=', networkId), eb('p.partnerId', '=', networkId)]))
    .executeTakeFirst();
}

/** The network's partnerships in the given statuses, newest first. */
export function listPartnershipsOf(
  db: Kysely<DB>,
  networkId: string,
  statuses: readonly PartnershipStatus[],
): Promise<PartnershipListRow[]> {
  return withNetworks(db)
    .where((eb) => eb.or([eb('p.networkId', '=', networkId), eb('p.partnerId', '=', networkId)]))
    .where('p.status', 'in', [...statuses])
    .orderBy('p.createdAt', 'desc')
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();
}

/** How many open partnerships the network has. */
export async function countOpenPartnerships(db: Kysely<DB>, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('networkPartnerships')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.or([eb('networkId', '=', networkId), eb('partnerId', '=', networkId)]))
    .where('status', 'in', ['pending', 'active'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Moves a partnership from one status to another; false when it was no longer in `from`. */
export async function changePartnershipStatus(
  db: Kysely<DB>,
  id: string,
  from: readonly PartnershipStatus[],
  patch: Partial<Pick<PartnershipRow, 'status' | 'decidedBy' | 'decidedAt' | 'endedBy' | 'endedAt'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('networkPartnerships')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The plain query of `activePartnerships` (the equality test runs it beside the precompiled one). */
export const activePartnershipsSelect = (db: Kysely<DB>, p: { networkId: string }) =>
  db
    .selectFrom('networkPartnerships')
    .select(['networkId', 'partnerId'])
    .where((eb) => eb.or([eb('networkId', '=', p.networkId), eb('partnerId', '=', p.networkId)]))
    .where('status', '=', 'active');

// Read by every request of the lists that show partners' shared items (events, resources).
const activePartnerships = precompiled(activePartnershipsSelect, { values: ['networkId'] });

/** The ids of the network's active partners: whose shared items it shows. */
export async function listActivePartnerIds(db: Kysely<DB>, networkId: string): Promise<string[]> {
  const rows = await activePartnerships(db, { networkId });
  return rows.map((r) => (r.networkId === networkId ? r.partnerId : r.networkId));
}

/** The active partners of a network that are public networks themselves. */
export async function listPublicPartnerIds(db: Kysely<DB>, networkId: string): Promise<string[]> {
  const ids = await listActivePartnerIds(db, networkId);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('networks')
    .select('id')
    .where('id', 'in', ids)
    .where('visibility', '=', 'public')
    .execute();
  return rows.map((r) => r.id);
}

/** The admins of an organisation (who hear of the decisions on its requests to networks). */
export async function listOrganisationAdminIds(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisationAdmins')
    .select('userId')
    .where('organisationId', '=', organisationId)
    .execute();
  return rows.map((r) => r.userId);
}

/** The active meta-mentors of a network (who answer for it towards partners and organisations). */
export async function listMetaMentorIds(db: Kysely<DB>, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('networkId', '=', networkId)
    .where('status', '=', 'active')
    .where('role', '=', 'meta_mentor')
    .execute();
  return rows.map((r) => r.userId);
}

/** A join request with its network's and organisation's names. */
export interface JoinRequestListRow extends JoinRequestRow {
  networkSlug: string;
  networkName: string;
  networkRegion: string;
  organisationSlug: string;
  organisationName: string;
  organisationCity: string;
  organisationCountry: string;
}

function joinRequestsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('networkJoinRequests as r')
    .innerJoin('networks as n', 'n.id', 'r.networkId')
    .innerJoin('organisations as o', 'o.id', 'r.organisationId')
    .selectAll('r')
    .select([
      'n.slug as networkSlug',
      'n.name as networkName',
      'n.region as networkRegion',
      'o.slug as organisationSlug',
      'o.name as organisationName',
      'o.city as organisationCity',
      'o.country as organisationCountry',
    ]);
}

/** Stores an organisation's request to join a network. */
export async function insertJoinRequest(db: Kysely<DB>, row: JoinRequestRow): Promise<void> {
  await db.insertInto('networkJoinRequests').values(row).execute();
}

/** The organisation's pending request to the network, if any. */
export function findPendingJoinRequest(db: Kysely<DB>, networkId: string, organisationId: string) {
  return db
    .selectFrom('networkJoinRequests')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('organisationId', '=', organisationId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Whether the organisation already takes part in the network. */
export async function isNetworkOrganisation(
  db: Kysely<DB>,
  networkId: string,
  organisationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('networkOrganisations')
    .select('networkId')
    .where('networkId', '=', networkId)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** One join request to a network. */
export function findJoinRequestOf(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<JoinRequestListRow | undefined> {
  return joinRequestsWithNames(db)
    .where('r.networkId', '=', networkId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Join requests to a network (pending first, then newest) or of an organisation. */
export function listJoinRequests(
  db: Kysely<DB>,
  by: { networkId: string } | { organisationId: string },
): Promise<JoinRequestListRow[]> {
  const q = joinRequestsWithNames(db);
  return (
    'networkId' in by
      ? q.where('r.networkId', '=', by.networkId)
      : q.where('r.organisationId', '=', by.organisationId)
  )
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();
}

/** Decides a pending join request; false when it was decided already. */
export async function decideJoinRequestRow(
  db: Kysely<DB>,
  id: string,
  status: JoinRequestStatus,
  decidedBy: string,
  decidedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('networkJoinRequests')
    .set({ status, decidedBy, decidedAt })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The precompiled read of the partners, for the test that compares it with its plain query. */
export const precompiledPartnerReads = { activePartnerships };
