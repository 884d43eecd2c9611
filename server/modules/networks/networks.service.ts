import type { NetworkSummary, UpdateNetworkBody } from '../../../common/contracts/networks.ts';
import { isListedFor } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { platformActor, type UserRow } from '../users/index.ts';
import { getStandingsOf, type NetworkAccess } from './network-access.ts';
import { type NetworkPageData, presentNetworkSummary } from './networks.presenter.ts';
import {
  countActiveMembers,
  deleteNetworkOrganisation,
  findNetworkById as findById,
  findNetworkBySlug as findBySlug,
  insertNetwork,
  insertNetworkOrganisation,
  listActiveMembers,
  listNetworkOrganisations,
  listOrganisationNetworks,
  listPublicNetworks,
  listUserNetworks,
  updateNetwork,
} from './networks.repository.ts';
import type { NetworkRow } from './networks.table.ts';

/** Finds a network by id. */
export function findNetworkById(ctx: AppContext, id: string): Promise<NetworkRow | undefined> {
  return findById(ctx.database.db, id);
}

/** Finds a network by slug (no access check: for the CLI, demo data and jobs). */
export function findNetworkBySlug(ctx: AppContext, slug: string): Promise<NetworkRow | undefined> {
  return findBySlug(ctx.database.db, slug);
}

/** Stores a new network with its founding organisation linked; SLUG_TAKEN when the slug is in use. */
export async function createNetwork(ctx: AppContext, network: NetworkRow, addedBy: string | null) {
  if (!(await insertNetwork(ctx.database.db, network))) {
    throw new AppError('SLUG_TAKEN', 409, { field: 'slug' });
  }
  await insertNetworkOrganisation(ctx.database.db, {
    networkId: network.id,
    organisationId: network.organisationId,
    addedBy,
    createdAt: network.createdAt,
  });
}

/** Links another organisation to a network; false when it already was. */
export function linkOrganisation(
  ctx: AppContext,
  row: { networkId: string; organisationId: string; addedBy: string | null; createdAt: string },
): Promise<boolean> {
  return insertNetworkOrganisation(ctx.database.db, row);
}

/** Unlinks an organisation from a network; false when it was not linked. */
export function unlinkOrganisation(
  ctx: AppContext,
  networkId: string,
  organisationId: string,
): Promise<boolean> {
  return deleteNetworkOrganisation(ctx.database.db, networkId, organisationId);
}

/** What the network page shows besides the network: its organisations, meta-mentors and size. */
export async function getNetworkPage(ctx: AppContext, access: NetworkAccess): Promise<NetworkPageData> {
  const db = ctx.database.db;
  const { network } = access;
  const [organisations, metaMentors, memberCount] = await Promise.all([
    listNetworkOrganisations(db, network),
    listActiveMembers(db, network.id, { role: 'meta_mentor', limit: 50 }),
    countActiveMembers(db, network.id),
  ]);
  return { organisations, metaMentors, memberCount };
}

/** Edits name, description, region, languages or visibility. */
export async function editNetwork(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  body: UpdateNetworkBody,
) {
  const { languages, membersCreateEvents, ...rest } = body;
  const updated = await updateNetwork(ctx.database.db, network.id, {
    ...rest,
    ...(languages && { languages: JSON.stringify(languages) }),
    ...(membersCreateEvents !== undefined && { membersCreateEvents: membersCreateEvents ? 1 : 0 }),
    updatedAt: isoNow(),
  });
  if (!updated) throw notFound();
  await recordAudit(ctx, {
    networkId: network.id,
    actorId,
    action: 'network.edited',
    details: { fields: Object.keys(body) },
  });
  return updated;
}

/** The caller's networks, with their role and whether they still need to accept documents. */
export async function getMyNetworks(ctx: AppContext, user: UserRow): Promise<NetworkSummary[]> {
  const [rows, standings] = await Promise.all([
    listUserNetworks(ctx.database.db, user.id),
    getStandingsOf(ctx, user.id),
  ]);
  const accepted = new Map(standings.map((s) => [s.networkId, s.acceptedCurrent]));
  return rows.map((n) => presentNetworkSummary(n, n.memberRole, accepted.get(n.id) ?? false));
}

/** Public networks, newest first, for the directory and the landing page. */
export async function getPublicNetworks(ctx: AppContext, query: { cursor?: string; limit: number }) {
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await listPublicNetworks(ctx.database.db, { before: after, limit: query.limit + 1 });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.createdAt, r.id]);
  return {
    networks: page.map((n) => presentNetworkSummary(n, null, false)),
    nextCursor,
  };
}

/**
 * The networks an organisation founded or belongs to, as far as the caller may see them: unlisted
 * and private ones only for those inside (members, the organisation's admins, platform admins).
 */
export async function getOrganisationNetworks(
  ctx: AppContext,
  organisationId: string,
  viewer: UserRow | null,
  isAdmin: boolean,
): Promise<NetworkSummary[]> {
  const [rows, standings] = await Promise.all([
    listOrganisationNetworks(ctx.database.db, organisationId),
    viewer ? getStandingsOf(ctx, viewer.id) : [],
  ]);
  const mine = new Map(standings.map((s) => [s.networkId, s]));
  const viewerActor = platformActor(viewer, isAdmin);
  return rows.flatMap((n) => {
    const standing = mine.get(n.id);
    const role = standing?.role ?? null;
    const acceptedCurrent = standing?.acceptedCurrent ?? false;
    if (!isListedFor({ ...viewerActor, role, acceptedCurrent }, n.visibility)) return [];
    return [presentNetworkSummary(n, role, acceptedCurrent)];
  });
}
