import type { z } from 'zod';
import type {
  AddCheckBody,
  AddTrainingBody,
  RecordDepartureBody,
  SetCommitmentBody,
  VolunteerRecord,
} from '../../../common/contracts/volunteer-records.ts';
import {
  canManageVolunteerRecord,
  canSeeVolunteerRecord,
} from '../../../common/policies/volunteer-records.ts';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { menteeCodesOf } from '../activities/index.ts';
import { openHelpRequestsOf } from '../help-requests/index.ts';
import { type NetworkAccess, requireUser } from '../networks/index.ts';
import * as repo from './volunteer-records.repository.ts';

/**
 * Volunteer records (B6): training, checks and commitment of a member, seen by the network's
 * meta-mentors and office and by the member themself; changed by the meta-mentors and office.
 */

/** The member a request is about (`me` is the caller); 404 unless they are an active member. */
async function memberOf(ctx: AppContext, access: NetworkAccess, userId: string): Promise<string> {
  const viewer = requireUser(access);
  const memberId = userId === 'me' ? viewer.id : userId;
  if (!(await repo.isActiveMember(ctx.database.db, access.network.id, memberId))) throw notFound();
  return memberId;
}

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

async function managedMember(ctx: AppContext, access: NetworkAccess, userId: string) {
  if (!canManageVolunteerRecord(access.actor)) throw forbidden();
  return { actor: requireUser(access), memberId: await memberOf(ctx, access, userId) };
}

/** Records training a member took outside the platform. */
export async function addTraining(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: z.infer<typeof AddTrainingBody>,
): Promise<void> {
  const { actor, memberId } = await managedMember(ctx, access, userId);
  await repo.insertTraining(ctx.database.db, {
    id: newId(),
    networkId: access.network.id,
    userId: memberId,
    title: body.title,
    completedOn: body.completedOn,
    recordedBy: actor.id,
    createdAt: isoNow(),
  });
}

/** Records a check seen (its kind and dates; never the document). */
export async function addCheck(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: z.infer<typeof AddCheckBody>,
): Promise<void> {
  const { actor, memberId } = await managedMember(ctx, access, userId);
  await repo.insertCheck(ctx.database.db, {
    id: newId(),
    networkId: access.network.id,
    userId: memberId,
    kind: body.kind,
    seenOn: body.seenOn,
    validUntil: body.validUntil,
    recordedBy: actor.id,
    createdAt: isoNow(),
  });
}

/** Corrects a training entry staff added (MOOC sessions are not entries: 404). */
export async function updateTraining(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  id: string,
  body: z.infer<typeof AddTrainingBody>,
): Promise<void> {
  const { memberId } = await managedMember(ctx, access, userId);
  const where = { networkId: access.network.id, userId: memberId, id };
  const changed = await repo.updateTraining(ctx.database.db, where, {
    title: body.title,
    completedOn: body.completedOn,
  });
  if (!changed) throw notFound();
}

/** Corrects a check's kind and dates (a new end of validity is reminded of anew). */
export async function updateCheck(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  id: string,
  body: z.infer<typeof AddCheckBody>,
): Promise<void> {
  const { memberId } = await managedMember(ctx, access, userId);
  const where = { networkId: access.network.id, userId: memberId, id };
  const changed = await repo.updateCheck(ctx.database.db, where, {
    kind: body.kind,
    seenOn: body.seenOn,
    validUntil: body.validUntil,
  });
  if (!changed) throw notFound();
}

/** Removes a training or check entry of a member. */
export async function removeRecordItem(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  id: string,
): Promise<void> {
  const { memberId } = await managedMember(ctx, access, userId);
  const where = { networkId: access.network.id, userId: memberId, id };
  const db = ctx.database.db;
  const removed =
    (await repo.deleteItem(db, 'volunteerTrainings', where)) ||
    (await repo.deleteItem(db, 'volunteerChecks', where));
  if (!removed) throw notFound();
}

/** Sets or clears a member's commitment. */
export async function setCommitment(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: z.infer<typeof SetCommitmentBody>,
): Promise<void> {
  const { actor, memberId } = await managedMember(ctx, access, userId);
  await repo.saveCommitment(
    ctx.database.db,
    body.hoursPerWeek === null
      ? { networkId: access.network.id, userId: memberId, hoursPerWeek: null }
      : {
          networkId: access.network.id,
          userId: memberId,
          hoursPerWeek: body.hoursPerWeek,
          until: body.until,
          updatedBy: actor.id,
          updatedAt: isoNow(),
        },
  );
}
