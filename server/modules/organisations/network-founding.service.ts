import type { CreateNetworkBody } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { slugify } from '../../lib/slug.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { createDefaultSpaces } from '../discussions/index.ts';
import { publishDefaultDocuments } from '../documents/index.ts';
import { createNetwork, linkOrganisation, type NetworkRow, unlinkOrganisation } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import { findOrganisationBySlug } from './organisations.repository.ts';
import type { OrganisationRow } from './organisations.table.ts';

/**
 * An organisation founds a network: the network, its founding-organisation link, version 1 of the
 * agreement and the communication rules from the templates, the default discussion spaces and an
 * audit entry — all of it or nothing.
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
    membersCreateEvents: 0,
  };
  await withTransaction(ctx, async (tx) => {
    await createNetwork(tx, network, founder.id);
    await publishDefaultDocuments(tx, network, founder.id);
    await createDefaultSpaces(tx, network.id, founder.id);
    await recordAudit(tx, {
      networkId: network.id,
      organisationId: organisation.id,
      actorId: founder.id,
      action: 'network.founded',
      details: { name: network.name, visibility: network.visibility },
    });
  });
  return network;
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
  const added = await linkOrganisation(ctx, {
    networkId: network.id,
    organisationId: organisation.id,
    addedBy: actorId,
    createdAt: isoNow(),
  });
  if (added) {
    await recordAudit(ctx, {
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
  if (!(await unlinkOrganisation(ctx, network.id, organisation.id))) throw notFound();
  await recordAudit(ctx, {
    networkId: network.id,
    organisationId: organisation.id,
    actorId,
    action: 'network.organisation_removed',
    details: { organisation: organisation.slug },
  });
}
