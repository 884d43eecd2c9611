import type { z } from 'zod';
import type {
  RecordDepartureBody,
  RecordSettings,
  SetRecordSettingsBody,
} from '../../../common/contracts/volunteer-records.ts';
import { canManageVolunteerRecord } from '../../../common/policies/volunteer-records.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { menteeCodesOf } from '../activities/index.ts';
import { announceClosedPairings } from '../buddies/index.ts';
import { forgetHelperRankings, handOverHelpRequests } from '../help-requests/index.ts';
import { endMembershipAsLeft, setLeave } from '../members/index.ts';
import { type NetworkAccess, publishMembershipChanged, requireUser } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import * as repo from './volunteer-records.repository.ts';

/**
 * A volunteer's status (B6), set by the network's meta-mentors and office: on leave until a day
 * (not suggested as a helper or buddy, "on leave" in the directory), back (one action), or left
 * with a handover; a departed member's records are deleted after the network's retention period.
 */

/** Records are kept this many months after a departure unless the network sets otherwise. */
export const DEFAULT_RETENTION_MONTHS = 12;

/** The day `months` after a day (YYYY-MM-DD), clamped to the month's end (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

async function staffOn(ctx: AppContext, access: NetworkAccess, userId: string) {
  if (!canManageVolunteerRecord(access.actor)) throw forbidden();
  const actor = requireUser(access);
  if (!(await repo.isActiveMember(ctx.database.db, access.network.id, userId))) throw notFound();
  return actor;
}

/** Staff put a member on leave until a day (inclusive); LEAVE_DATE_INVALID outside today … a year. */
export async function setRecordLeave(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  until: string,
): Promise<void> {
  const actor = await staffOn(ctx, access, userId);
  await setLeave(ctx, access.network, userId, until);
  await recordAudit(ctx, {
    networkId: access.network.id,
    actorId: actor.id,
    subjectUserId: userId,
    action: 'records.leave_set',
    details: { until },
  });
}

/** Staff mark a member back from leave: suggested again at once. */
export async function returnFromLeave(ctx: AppContext, access: NetworkAccess, userId: string): Promise<void> {
  const actor = await staffOn(ctx, access, userId);
  await setLeave(ctx, access.network, userId, null);
  await recordAudit(ctx, {
    networkId: access.network.id,
    actorId: actor.id,
    subjectUserId: userId,
    action: 'records.returned',
  });
}

/**
 * Staff record that a member left: their mentee codes and unresolved help requests go to the
 * members named (HANDOVER_INVALID for a code or request that is not theirs, or someone who is not an
 * active member, or the member themself), their open buddy pairings end with the note, and their
 * records are deleted from the network's retention period on. One transaction; the buddies are told
 * once it is committed.
 */
export async function recordDeparture(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: RecordDepartureBody,
): Promise<void> {
  const actor = await staffOn(ctx, access, userId);
  const { network } = access;
  const db = ctx.database.db;
  const codes = new Set(await menteeCodesOf(ctx, network.id, userId));
  if (body.menteeCodes.some((c) => !codes.has(c.code))) throw new AppError('HANDOVER_INVALID', 400);
  const receivers = new Set([...body.menteeCodes, ...body.helpRequests].map((x) => x.toUserId));
  for (const receiver of receivers) {
    if (receiver === userId || !(await repo.isActiveMember(db, network.id, receiver))) {
      throw new AppError('HANDOVER_INVALID', 400);
    }
  }
  const today = isoNow().slice(0, 10);
  const retention = (await repo.findRetentionMonths(db, network.id)) ?? DEFAULT_RETENTION_MONTHS;
  const purgeOn = addMonths(today, retention);
  const pairings = await withTransaction(ctx, async (tx) => {
    const closed = await endMembershipAsLeft(tx, network, userId, actor.id, body.note);
    await handOverHelpRequests(tx, network.id, userId, body.helpRequests);
    await repo.saveDeparture(tx.database.db, {
      networkId: network.id,
      userId,
      leftOn: today,
      handover: JSON.stringify({ menteeCodes: body.menteeCodes, helpRequests: body.helpRequests }),
      note: body.note,
      purgeOn,
      purgedAt: null,
      recordedBy: actor.id,
      createdAt: isoNow(),
    });
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      subjectUserId: userId,
      action: 'records.departure',
      details: {
        menteeCodes: body.menteeCodes.length,
        helpRequests: body.helpRequests.map((h) => h.id),
        pairingsClosed: closed.changed.length,
        purgeOn,
      },
    });
    return closed;
  });
  forgetHelperRankings(ctx);
  await publishMembershipChanged(ctx, network.id, userId);
  await announceClosedPairings(ctx, pairings);
  // Each member who takes something over hears of it once (leading to a request handed to them, if any).
  for (const receiver of receivers) {
    await notify(ctx, {
      userId: receiver,
      kind: 'record_handover',
      networkId: network.id,
      actorId: userId,
      helpRequestId: body.helpRequests.find((h) => h.toUserId === receiver)?.id ?? null,
    });
  }
}

/** How long the network keeps a departed member's records. */
export async function getRecordSettings(ctx: AppContext, access: NetworkAccess): Promise<RecordSettings> {
  const months = await repo.findRetentionMonths(ctx.database.db, access.network.id);
  return { retentionMonths: months ?? DEFAULT_RETENTION_MONTHS };
}

/** Sets the retention period (for departures recorded from now on). */
export async function setRecordSettings(
  ctx: AppContext,
  access: NetworkAccess,
  body: z.infer<typeof SetRecordSettingsBody>,
): Promise<RecordSettings> {
  const actor = requireUser(access);
  await repo.saveRetentionMonths(ctx.database.db, {
    networkId: access.network.id,
    retentionMonths: body.retentionMonths,
    updatedBy: actor.id,
    updatedAt: isoNow(),
  });
  await recordAudit(ctx, {
    networkId: access.network.id,
    actorId: actor.id,
    action: 'records.settings_changed',
    details: { retentionMonths: body.retentionMonths },
  });
  return { retentionMonths: body.retentionMonths };
}
