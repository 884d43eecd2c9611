import type { NotificationKindCode } from '../../../common/notifications.ts';
import { PARTNERSHIPS_MAX, type PartnershipStatus } from '../../../common/partnerships.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { findNetworkBySlug, type NetworkAccess, type NetworkRow } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import {
  changePartnershipStatus,
  countOpenPartnerships,
  findOpenPartnershipBetween,
  findPartnershipOf,
  insertPartnership,
  listActivePartnerIds,
  listMetaMentorIds,
  listPartnershipsOf,
  listPublicPartnerIds,
  type PartnershipListRow,
} from './partnerships.repository.ts';

/**
 * Tells the meta-mentors of a network about a partnership (in the app at once, by e-mail as each
 * chose for requests to the network). A failure here never undoes the change it reports.
 */
export async function notifyMetaMentors(
  ctx: AppContext,
  networkId: string,
  kind: NotificationKindCode,
  actorId: string,
): Promise<void> {
  try {
    for (const userId of await listMetaMentorIds(ctx.database.db, networkId))
      await notify(ctx, { userId, kind, networkId, actorId });
  } catch (err) {
    ctx.log.error({ err, networkId, kind }, 'partnership notifications failed');
  }
}

/** Records the same act in the audit log of both networks of a partnership. */
async function auditBothSides(
  ctx: AppContext,
  row: { networkId: string; partnerId: string; id: string },
  actorId: string,
  action: string,
  slugs: { network: string; partner: string },
) {
  for (const [networkId, other] of [
    [row.networkId, slugs.partner],
    [row.partnerId, slugs.network],
  ] as const) {
    await recordAudit(ctx, {
      networkId,
      actorId,
      action,
      details: { partnershipId: row.id, partner: other },
    });
  }
}

/** A meta-mentor of the caller's network asks another network to become a partner. */
export async function requestPartnership(
  ctx: AppContext,
  access: NetworkAccess,
  actorId: string,
  partnerSlug: string,
): Promise<PartnershipListRow> {
  const { network } = access;
  const partner = await findNetworkBySlug(ctx, partnerSlug);
  // A private network is not named to those outside it: as if it did not exist.
  if (!partner || partner.visibility === 'private')
    throw new AppError('NOT_FOUND', 404, { field: 'networkSlug' });
  if (partner.id === network.id) throw new AppError('PARTNERSHIP_SELF', 422, { field: 'networkSlug' });
  const id = newId();
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    if (await findOpenPartnershipBetween(db, network.id, partner.id))
      throw new AppError('PARTNERSHIP_EXISTS', 409);
    if ((await countOpenPartnerships(db, network.id)) >= PARTNERSHIPS_MAX)
      throw new AppError('PARTNERSHIP_LIMIT', 409, { max: PARTNERSHIPS_MAX });
    await insertPartnership(db, {
      id,
      networkId: network.id,
      partnerId: partner.id,
      status: 'pending',
      requestedBy: actorId,
      decidedBy: null,
      endedBy: null,
      createdAt: isoNow(),
      decidedAt: null,
      endedAt: null,
    });
    await auditBothSides(
      tx,
      { id, networkId: network.id, partnerId: partner.id },
      actorId,
      'partnership.requested',
      {
        network: network.slug,
        partner: partner.slug,
      },
    );
  });
  await notifyMetaMentors(ctx, partner.id, 'partnership_requested', actorId);
  return (await findPartnershipOf(ctx.database.db, network.id, id)) as PartnershipListRow;
}

/** The partnership of the network with that id; 404 for ids of other networks. */
async function partnershipOf(ctx: AppContext, network: NetworkRow, id: string) {
  const row = await findPartnershipOf(ctx.database.db, network.id, id);
  if (!row) throw notFound();
  return row;
}

/**
 * The asked network's meta-mentor accepts or declines a pending request. The asking side cannot
 * answer its own request (it may withdraw it by ending it).
 */
export async function decidePartnership(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  id: string,
  decision: 'accept' | 'decline',
): Promise<PartnershipListRow> {
  const row = await partnershipOf(ctx, network, id);
  if (row.partnerId !== network.id) throw new AppError('FORBIDDEN', 403, { reason: 'requesting_side' });
  if (row.status !== 'pending') throw new AppError('PARTNERSHIP_DECIDED', 409, { status: row.status });
  const status: PartnershipStatus = decision === 'accept' ? 'active' : 'declined';
  await withTransaction(ctx, async (tx) => {
    const changed = await changePartnershipStatus(tx.database.db, id, ['pending'], {
      status,
      decidedBy: actorId,
      decidedAt: isoNow(),
    });
    if (!changed) throw new AppError('PARTNERSHIP_DECIDED', 409);
    await auditBothSides(
      tx,
      row,
      actorId,
      decision === 'accept' ? 'partnership.accepted' : 'partnership.declined',
      { network: row.networkSlug, partner: row.partnerSlug },
    );
  });
  await notifyMetaMentors(
    ctx,
    row.networkId,
    decision === 'accept' ? 'partnership_accepted' : 'partnership_declined',
    actorId,
  );
  return partnershipOf(ctx, network, id);
}

/** Either side ends an active partnership, or withdraws or turns down a pending request. */
export async function endPartnership(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  id: string,
): Promise<PartnershipListRow> {
  const row = await partnershipOf(ctx, network, id);
  if (row.status !== 'pending' && row.status !== 'active')
    throw new AppError('PARTNERSHIP_DECIDED', 409, { status: row.status });
  await withTransaction(ctx, async (tx) => {
    const changed = await changePartnershipStatus(tx.database.db, id, ['pending', 'active'], {
      status: 'ended',
      endedBy: actorId,
      endedAt: isoNow(),
    });
    if (!changed) throw new AppError('PARTNERSHIP_DECIDED', 409);
    await auditBothSides(tx, row, actorId, 'partnership.ended', {
      network: row.networkSlug,
      partner: row.partnerSlug,
    });
  });
  const otherSide = row.networkId === network.id ? row.partnerId : row.networkId;
  await notifyMetaMentors(ctx, otherSide, 'partnership_ended', actorId);
  return partnershipOf(ctx, network, id);
}

/**
 * A network's partnerships: the active ones for everyone who may see the network, the pending
 * requests (both ways) too for those who manage them.
 */
export function getPartnerships(
  ctx: AppContext,
  network: NetworkRow,
  includeOpenRequests: boolean,
): Promise<PartnershipListRow[]> {
  return listPartnershipsOf(
    ctx.database.db,
    network.id,
    includeOpenRequests ? ['pending', 'active'] : ['active'],
  );
}

/**
 * The networks whose shared announcements, events and resources a network shows: its active
 * partners. Nothing else of theirs ever crosses.
 */
export function getSharingPartnerIds(ctx: AppContext, networkId: string): Promise<string[]> {
  return listActivePartnerIds(ctx.database.db, networkId);
}

/** The active partners that are public networks: whose public events a partners page shows. */
export function getPublicPartnerIds(ctx: AppContext, networkId: string): Promise<string[]> {
  return listPublicPartnerIds(ctx.database.db, networkId);
}
