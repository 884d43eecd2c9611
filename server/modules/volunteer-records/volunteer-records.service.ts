import type { RecordDepartureBody, VolunteerRecord } from '../../../common/contracts/volunteer-records.ts';
import {
  canManageVolunteerRecord,
  canSeeVolunteerRecord,
} from '../../../common/policies/volunteer-records.ts';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { menteeCodesOf } from '../activities/index.ts';
import { openHelpRequestsOf } from '../help-requests/index.ts';
import { type NetworkAccess, requireUser } from '../networks/index.ts';
import * as repo from './volunteer-records.repository.ts';

/**
 * Volunteer records (B6): training, checks and commitment of a member, seen by the network's
 * meta-mentors and office and by the member themself; changed by the meta-mentors and office
 * (record-entries.service.ts).
 */

/**
 * The volunteer a record is about: an active member, or one who left while staff recorded their
 * departure and the records are not deleted yet (the staff still see them until then); else 404.
 */
async function volunteerOf(ctx: AppContext, access: NetworkAccess, userId: string) {
  const viewer = requireUser(access);
  const memberId = userId === 'me' ? viewer.id : userId;
  const found = await repo.findVolunteer(ctx.database.db, access.network.id, memberId);
  const departed = found?.departure && found.departure.purgedAt === null;
  if (!found || (found.status !== 'active' && !departed)) throw notFound();
  return { memberId, ...found };
}

/** Where a volunteer stands: active, on leave until a day (from today on), or left. */
function statusOf(found: Awaited<ReturnType<typeof volunteerOf>>, today: string): VolunteerRecord['status'] {
  const { departure } = found;
  if (found.status !== 'active' && departure) {
    return {
      state: 'left',
      leaveUntil: null,
      leftOn: departure.leftOn,
      purgeOn: departure.purgeOn,
      handover: { ...(JSON.parse(departure.handover) as HandoverLists), note: departure.note },
    };
  }
  const onLeave = found.leaveUntil !== null && found.leaveUntil >= today;
  return {
    state: onLeave ? 'on_leave' : 'active',
    leaveUntil: onLeave ? found.leaveUntil : null,
    leftOn: null,
    purgeOn: null,
    handover: null,
  };
}

type HandoverLists = Pick<RecordDepartureBody, 'menteeCodes' | 'helpRequests'>;

/** A member's record, for those who may see it. */
export async function getVolunteerRecord(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  today = isoNow().slice(0, 10),
): Promise<VolunteerRecord> {
  const viewer = requireUser(access);
  const found = await volunteerOf(ctx, access, userId);
  const { memberId } = found;
  if (!canSeeVolunteerRecord(access.actor, viewer.id, memberId)) throw forbidden();
  const { trainings, checks, commitment, mooc } = await repo.findRecord(
    ctx.database.db,
    access.network.id,
    memberId,
  );
  const status = statusOf(found, today);
  const canManage = canManageVolunteerRecord(access.actor);
  return {
    userId: memberId,
    displayName: found.displayName,
    status,
    handoverOptions:
      canManage && status.state !== 'left'
        ? {
            menteeCodes: await menteeCodesOf(ctx, access.network.id, memberId),
            helpRequests: await openHelpRequestsOf(ctx, access.network.id, memberId),
          }
        : null,
    trainings: [
      ...mooc.map((m) => ({ id: m.id, title: m.title, completedOn: m.endsOn, source: 'mooc' as const })),
      ...trainings.map((t) => ({
        id: t.id,
        title: t.title,
        completedOn: t.completedOn,
        source: 'manual' as const,
      })),
    ],
    checks: checks.map((c) => ({
      id: c.id,
      kind: c.kind,
      seenOn: c.seenOn,
      validUntil: c.validUntil,
      valid: c.validUntil === null || c.validUntil >= today,
    })),
    commitment: commitment ? { hoursPerWeek: commitment.hoursPerWeek, until: commitment.until } : null,
    canManage,
  };
}
