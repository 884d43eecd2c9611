import type { CreateOrganisationBody, UpdateOrganisationBody } from '../../../common/contracts/networks.ts';
import { canInOrganisation, type OrganisationAction } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { slugify } from '../../lib/slug.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { findUserByEmail, platformActor, type UserRow } from '../users/index.ts';
import {
  deleteOrganisationAdmin,
  findOrganisationBySlug,
  insertOrganisation,
  insertOrganisationAdmin,
  isOrganisationAdmin,
  listAdministeredOrganisations,
  listOrganisationAdmins,
  type OrganisationAdminEntry,
  updateOrganisation,
} from './organisations.repository.ts';
import type { OrganisationRow } from './organisations.table.ts';

/** An organisation as one caller sees it: whether they administer it. */
export interface OrganisationAccess {
  organisation: OrganisationRow;
  isAdmin: boolean;
}

/** Loads an organisation and checks an organisation-level action for the caller. */
export async function loadOrganisation(
  ctx: AppContext,
  user: UserRow | null,
  slug: string,
  action?: OrganisationAction,
): Promise<OrganisationAccess> {
  const organisation = await findOrganisationBySlug(ctx.database.db, slug);
  if (!organisation) throw notFound();
  const isAdmin = user ? await isOrganisationAdmin(ctx.database.db, organisation.id, user.id) : false;
  if (action && !canInOrganisation(platformActor(user, isAdmin), action)) {
    throw user ? forbidden() : unauthenticated();
  }
  return { organisation, isAdmin };
}

/** Creates an organisation; its creator becomes its first admin. */
export async function createOrganisation(
  ctx: AppContext,
  user: UserRow,
  body: CreateOrganisationBody,
): Promise<OrganisationRow> {
  const now = isoNow();
  const row: OrganisationRow = {
    id: newId(),
    slug: body.slug ?? slugify(body.name),
    name: body.name,
    kind: body.kind,
    country: body.country,
    city: body.city,
    languages: JSON.stringify(body.languages),
    services: JSON.stringify(body.services),
    website: body.website ?? null,
    contactEmail: body.contactEmail ?? null,
    contactPhone: body.contactPhone ?? null,
    description: body.description,
    verifiedAt: null,
    verifiedBy: null,
    createdBy: user.id,
    createdAt: now,
    updatedAt: now,
  };
  await withTransaction(ctx, async (tx) => {
    if (!(await insertOrganisation(tx.database.db, row)))
      throw new AppError('SLUG_TAKEN', 409, { field: 'slug' });
    await insertOrganisationAdmin(tx.database.db, row.id, user.id, now);
    await recordAudit(tx, {
      organisationId: row.id,
      actorId: user.id,
      action: 'organisation.created',
    });
  });
  return row;
}

/** Edits an organisation's profile. */
export async function editOrganisation(
  ctx: AppContext,
  organisation: OrganisationRow,
  body: UpdateOrganisationBody,
) {
  const { languages, services, ...rest } = body;
  const updated = await updateOrganisation(ctx.database.db, organisation.id, {
    ...rest,
    ...(languages && { languages: JSON.stringify(languages) }),
    ...(services && { services: JSON.stringify(services) }),
    updatedAt: isoNow(),
  });
  if (!updated) throw notFound();
  return updated;
}

/** Marks an organisation as verified by a platform admin (or takes it back). */
export async function verifyOrganisation(
  ctx: AppContext,
  organisation: OrganisationRow,
  admin: UserRow,
  verified: boolean,
) {
  const updated = await updateOrganisation(ctx.database.db, organisation.id, {
    verifiedAt: verified ? isoNow() : null,
    verifiedBy: verified ? admin.id : null,
    updatedAt: isoNow(),
  });
  await recordAudit(ctx, {
    organisationId: organisation.id,
    actorId: admin.id,
    action: verified ? 'organisation.verified' : 'organisation.unverified',
  });
  return updated ?? organisation;
}

/** Adds a staff member (existing account) as organisation admin. */
export async function addOrganisationAdmin(
  ctx: AppContext,
  organisation: OrganisationRow,
  actor: UserRow,
  email: string,
) {
  const user = await findUserByEmail(ctx, email);
  if (!user) throw new AppError('USER_NOT_FOUND', 404, { field: 'email' });
  await insertOrganisationAdmin(ctx.database.db, organisation.id, user.id, isoNow());
  await recordAudit(ctx, {
    organisationId: organisation.id,
    actorId: actor.id,
    subjectUserId: user.id,
    action: 'organisation.admin_added',
  });
}

/** Removes an organisation admin; the last admin cannot be removed. */
export async function removeOrganisationAdmin(
  ctx: AppContext,
  organisation: OrganisationRow,
  actor: UserRow,
  userId: string,
) {
  const admins = await listOrganisationAdmins(ctx.database.db, organisation.id);
  if (!admins.some((a) => a.id === userId)) throw notFound();
  if (admins.length <= 1) throw new AppError('FORBIDDEN', 403, { reason: 'last_admin' });
  await deleteOrganisationAdmin(ctx.database.db, organisation.id, userId);
  await recordAudit(ctx, {
    organisationId: organisation.id,
    actorId: actor.id,
    subjectUserId: userId,
    action: 'organisation.admin_removed',
  });
}

/** The organisations a user administers, by name. */
export function listMyOrganisations(ctx: AppContext, user: UserRow): Promise<OrganisationRow[]> {
  return listAdministeredOrganisations(ctx.database.db, user.id);
}

/** The admins of an organisation, oldest first. */
export function listAdmins(
  ctx: AppContext,
  organisation: OrganisationRow,
): Promise<OrganisationAdminEntry[]> {
  return listOrganisationAdmins(ctx.database.db, organisation.id);
}
