import type { CreateJoinRequestBody } from '../../../common/contracts/partnerships.ts';
import type { NotificationKindCode } from '../../../common/notifications.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { SessionContext } from '../../platform/sessions/index.ts';
import { linkOrganisation, loadNetworkAccess, type NetworkRow } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import {
  decideJoinRequestRow,
  findJoinRequestOf,
  findPendingJoinRequest,
  insertJoinRequest,
  isNetworkOrganisation,
  type JoinRequestListRow,
  listJoinRequests,
  listOrganisationAdminIds,
} from './partnerships.repository.ts';
import { notifyMetaMentors } from './partnerships.service.ts';

/**
 * An organisation's admin asks a network the organisation may see to let it take part; the
 * network's meta-mentors are told.
 */
export async function requestToJoin(
  ctx: AppContext,
  auth: SessionContext,
  organisation: OrganisationRow,
  body: CreateJoinRequestBody,
): Promise<JoinRequestListRow> {
  // A network the admin may not see answers 404, as everywhere.
  const { network } = await loadNetworkAccess(ctx, auth, body.networkSlug);
  const id = newId();
  const actorId = auth.user.id;
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    if (await isNetworkOrganisation(db, network.id, organisation.id))
      throw new AppError('ORGANISATION_IN_NETWORK', 409);
    if (await findPendingJoinRequest(db, network.id, organisation.id))
      throw new AppError('JOIN_REQUEST_EXISTS', 409);
    await insertJoinRequest(db, {
      id,
      networkId: network.id,
      organisationId: organisation.id,
      status: 'pending',
      message: body.message,
      requestedBy: actorId,
      decidedBy: null,
      createdAt: isoNow(),
      decidedAt: null,
    });
    await recordAudit(tx, {
      networkId: network.id,
      organisationId: organisation.id,
      actorId,
      action: 'network.join_requested',
      details: { organisation: organisation.slug },
    });
  });
  await notifyMetaMentors(ctx, network.id, 'organisation_join_requested', actorId);
  return (await findJoinRequestOf(ctx.database.db, network.id, id)) as JoinRequestListRow;
}

/**
 * Tells the admins of the organisation that asked about the network's decision (in the app at once,
 * by e-mail as each chose for requests, in their own language). A failure here never undoes the
 * decision.
 */
async function notifyOrganisationAdmins(
  ctx: AppContext,
  organisationId: string,
  networkId: string,
  kind: NotificationKindCode,
  actorId: string,
): Promise<void> {
  try {
    for (const userId of await listOrganisationAdminIds(ctx.database.db, organisationId))
      if (userId !== actorId) await notify(ctx, { userId, kind, networkId, actorId });
  } catch (err) {
    ctx.log.error({ err, networkId, kind }, 'join request notifications failed');
  }
}

/**
 * The network's meta-mentor approves (the organisation then takes part) or declines a request;
 * the organisation's admins are told either way.
 */
export async function decideJoinRequest(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  id: string,
  decision: 'approve' | 'decline',
): Promise<JoinRequestListRow> {
  const row = await findJoinRequestOf(ctx.database.db, network.id, id);
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new AppError('JOIN_REQUEST_DECIDED', 409, { status: row.status });
  const now = isoNow();
  await withTransaction(ctx, async (tx) => {
    const status = decision === 'approve' ? 'approved' : 'declined';
    if (!(await decideJoinRequestRow(tx.database.db, id, status, actorId, now)))
      throw new AppError('JOIN_REQUEST_DECIDED', 409);
    if (decision === 'approve')
      await linkOrganisation(tx, {
        networkId: network.id,
        organisationId: row.organisationId,
        addedBy: actorId,
        createdAt: now,
      });
    await recordAudit(tx, {
      networkId: network.id,
      organisationId: row.organisationId,
      actorId,
      action: decision === 'approve' ? 'network.join_approved' : 'network.join_declined',
      details: { organisation: row.organisationSlug },
    });
  });
  await notifyOrganisationAdmins(
    ctx,
    row.organisationId,
    network.id,
    decision === 'approve' ? 'organisation_join_approved' : 'organisation_join_declined',
    actorId,
  );
  return (await findJoinRequestOf(ctx.database.db, network.id, id)) as JoinRequestListRow;
}

/** The join requests to a network, or those of an organisation. */
export function getJoinRequests(
  ctx: AppContext,
  by: { networkId: string } | { organisationId: string },
): Promise<JoinRequestListRow[]> {
  return listJoinRequests(ctx.database.db, by);
}
