import type {
  CreateNetworkBody,
  Network,
  NetworkSummary,
  UpdateNetworkBody,
} from '../../../common/contracts/networks.ts';
import type { NetworkRole } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { slugify } from '../../lib/slug.ts';
import { isoNow } from '../../lib/time.ts';
import { insertAudit } from '../../platform/audit/index.ts';
import { createDefaultSpaces } from '../discussions/spaces.service.ts';
import { hasAcceptedCurrent } from '../documents/documents.repository.ts';
import { publishDefaultDocuments } from '../documents/documents.service.ts';
import { createInvitation } from '../invitations/invitations.service.ts';
import { addMember, changeMember } from '../members/members.service.ts';
import { findOrganisationBySlug } from '../organisations/organisations.repository.ts';
import type { OrganisationRow } from '../organisations/organisations.table.ts';
import { findUserByEmail } from '../users/users.repository.ts';
import type { UserRow } from '../users/users.table.ts';
import { type NetworkAccess, permittedActions } from './network-access.ts';
import {
  countActiveMembers,
  deleteNetworkOrganisation,
  findMembership,
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

/**
 * An organisation founds a network: the network, its founding-organisation link, version 1 of the
 * agreement and the communication rules from the templates, and an audit entry.
 */
export async function foundNetwork(
  ctx: AppContext,
  organisation: OrganisationRow,
  founder: UserRow,
  body: CreateNetworkBody,
): Promise<NetworkRow> {
  const now = isoNow();
  const network: NetworkRow = {
    id: newId(),
    slug: body.slug ?? slugify(body.name),
    name: body.name,
    description: body.description,
    region: body.region,
    languages: JSON.stringify(body.languages),
    visibility: body.visibility,
    organisationId: organisation.id,
    createdBy: founder.id,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await insertNetwork(ctx.database.db, network)))
    throw new AppError('SLUG_TAKEN', 409, { field: 'slug' });
  await insertNetworkOrganisation(ctx.database.db, {
    networkId: network.id,
    organisationId: organisation.id,
    addedBy: founder.id,
    createdAt: now,
  });
  await publishDefaultDocuments(ctx, network, founder.id);
  await createDefaultSpaces(ctx.database.db, network.id, founder.id);
  await insertAudit(ctx.database.db, {
    networkId: network.id,
    organisationId: organisation.id,
    actorId: founder.id,
    action: 'network.founded',
    details: { name: network.name, visibility: network.visibility },
  });
  return network;
}

/** The network page as the caller may see it. */
export async function presentNetwork(ctx: AppContext, access: NetworkAccess): Promise<Network> {
  const db = ctx.database.db;
  const { network } = access;
  const [organisations, metaMentors, memberCount] = await Promise.all([
    listNetworkOrganisations(db, network),
    listActiveMembers(db, network.id, { role: 'meta_mentor', limit: 50 }),
    countActiveMembers(db, network.id),
  ]);
  return {
    id: network.id,
    slug: network.slug,
    name: network.name,
    description: network.description,
    region: network.region,
    languages: JSON.parse(network.languages) as string[],
    visibility: network.visibility,
    createdAt: network.createdAt,
    organisations: organisations.map((o) => ({
      slug: o.slug,
      name: o.name,
      city: o.city,
      country: o.country,
      verified: o.verifiedAt !== null,
      founding: o.id === network.organisationId,
    })),
    metaMentors: metaMentors.map((m) => ({ id: m.userId, displayName: m.displayName })),
    memberCount,
    viewer: {
      role: access.actor.role,
      level: access.membership?.level ?? null,
      acceptedCurrent: access.actor.acceptedCurrent,
      orgAdmin: access.actor.orgAdmin,
      permissions: permittedActions(access),
    },
  };
}

/** Edits name, description, region, languages or visibility. */
export async function editNetwork(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  body: UpdateNetworkBody,
) {
  const { languages, ...rest } = body;
  const updated = await updateNetwork(ctx.database.db, network.id, {
    ...rest,
    ...(languages && { languages: JSON.stringify(languages) }),
    updatedAt: isoNow(),
  });
  if (!updated) throw notFound();
  await insertAudit(ctx.database.db, {
    networkId: network.id,
    actorId,
    action: 'network.edited',
    details: { fields: Object.keys(body) },
  });
  return updated;
}

/** Adds another organisation as member organisation of the network. */
export async function addNetworkOrganisation(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  slug: string,
) {
  const organisation = await findOrganisationBySlug(ctx.database.db, slug);
  if (!organisation) throw new AppError('NOT_FOUND', 404, { field: 'organisationSlug' });
  const added = await insertNetworkOrganisation(ctx.database.db, {
    networkId: network.id,
    organisationId: organisation.id,
    addedBy: actorId,
    createdAt: isoNow(),
  });
  if (added) {
    await insertAudit(ctx.database.db, {
      networkId: network.id,
      organisationId: organisation.id,
      actorId,
      action: 'network.organisation_added',
      details: { organisation: organisation.slug },
    });
  }
}

/** Removes a member organisation (never the founding one). */
export async function removeNetworkOrganisation(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  slug: string,
) {
  const organisation = await findOrganisationBySlug(ctx.database.db, slug);
  if (!organisation) throw notFound();
  if (organisation.id === network.organisationId)
    throw new AppError('FORBIDDEN', 403, { reason: 'founding_organisation' });
  if (!(await deleteNetworkOrganisation(ctx.database.db, network.id, organisation.id))) throw notFound();
  await insertAudit(ctx.database.db, {
    networkId: network.id,
    organisationId: organisation.id,
    actorId,
    action: 'network.organisation_removed',
    details: { organisation: organisation.slug },
  });
}

/**
 * Names a meta-mentor by e-mail: an existing account joins as one (or a member is promoted);
 * an unknown address gets an e-mail invitation with the meta-mentor role.
 */
export async function appointMetaMentor(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  email: string,
): Promise<'appointed' | 'invited'> {
  const user = await findUserByEmail(ctx.database.db, email);
  if (!user) {
    await createInvitation(ctx, network, actor, { kind: 'email', email, role: 'meta_mentor' });
    return 'invited';
  }
  await appointExistingMetaMentor(ctx, network, actor, user);
  return 'appointed';
}

async function appointExistingMetaMentor(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  user: UserRow,
) {
  const membership = await findMembership(ctx.database.db, network.id, user.id);
  if (membership?.status === 'active') {
    if (membership.role === 'meta_mentor') throw new AppError('ALREADY_MEMBER', 409);
    await changeMember(ctx, network, actor.id, user.id, { role: 'meta_mentor' });
    return;
  }
  await addMember(ctx, {
    network,
    userId: user.id,
    role: 'meta_mentor',
    actorId: actor.id,
    via: 'appointment',
  });
}

/** One line of a network list. */
function presentNetworkSummary(
  n: NetworkRow,
  role: NetworkRole | null,
  acceptedCurrent: boolean,
): NetworkSummary {
  return {
    slug: n.slug,
    name: n.name,
    region: n.region,
    languages: JSON.parse(n.languages) as string[],
    visibility: n.visibility,
    role,
    acceptedCurrent,
  };
}

/** The caller's networks, with their role and whether they still need to accept documents. */
export async function getMyNetworks(ctx: AppContext, user: UserRow) {
  const rows = await listUserNetworks(ctx.database.db, user.id);
  return Promise.all(
    rows.map(async (n) =>
      presentNetworkSummary(n, n.memberRole, await hasAcceptedCurrent(ctx.database.db, n.id, user.id)),
    ),
  );
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

/** The networks an organisation founded or belongs to, as far as the caller may see them. */
export async function getOrganisationNetworks(
  ctx: AppContext,
  organisation: OrganisationRow,
  viewer: UserRow | null,
  isAdmin: boolean,
) {
  const rows = await listOrganisationNetworks(ctx.database.db, organisation.id);
  const visible = [];
  for (const n of rows) {
    const membership = viewer ? await findMembership(ctx.database.db, n.id, viewer.id) : undefined;
    const isMember = membership?.status === 'active';
    // Unlisted networks are reachable by link only: listed here just for those inside.
    const inside = isMember || isAdmin || viewer?.isPlatformAdmin === 1;
    if (n.visibility !== 'public' && !inside) continue;
    const accepted = isMember && viewer ? await hasAcceptedCurrent(ctx.database.db, n.id, viewer.id) : false;
    visible.push(presentNetworkSummary(n, isMember ? (membership?.role ?? null) : null, accepted));
  }
  return visible;
}
