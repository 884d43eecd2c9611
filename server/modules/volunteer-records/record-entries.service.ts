import type { z } from 'zod';
import type {
  AddCheckBody,
  AddTrainingBody,
  SetCommitmentBody,
} from '../../../common/contracts/volunteer-records.ts';
import { canManageVolunteerRecord } from '../../../common/policies/volunteer-records.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { forbidden, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { type NetworkAccess, requireUser } from '../networks/index.ts';
import * as repo from './volunteer-records.repository.ts';

/**
 * The entries of a volunteer record, changed by the network's meta-mentors and office: training,
 * checks and the commitment. Every change is written to the network's audit log with the entry's
 * id, dates and numbers, never its text: a training's title or a check's kind is typed freely and
 * may say more about the person than the log should keep after the record itself is deleted.
 */

/** The member a request is about (`me` is the caller); 404 unless they are an active member. */
async function memberOf(ctx: AppContext, access: NetworkAccess, userId: string): Promise<string> {
  const viewer = requireUser(access);
  const memberId = userId === 'me' ? viewer.id : userId;
  if (!(await repo.isActiveMember(ctx.database.db, access.network.id, memberId))) throw notFound();
  return memberId;
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
  const id = newId();
  await withTransaction(ctx, async (tx) => {
    await repo.insertTraining(tx.database.db, {
      id,
      networkId: access.network.id,
      userId: memberId,
      title: body.title,
      completedOn: body.completedOn,
      recordedBy: actor.id,
      createdAt: isoNow(),
    });
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      subjectUserId: memberId,
      action: 'records.training_added',
      details: { entry: id, completedOn: body.completedOn },
    });
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
  const id = newId();
  await withTransaction(ctx, async (tx) => {
    await repo.insertCheck(tx.database.db, {
      id,
      networkId: access.network.id,
      userId: memberId,
      kind: body.kind,
      seenOn: body.seenOn,
      validUntil: body.validUntil,
      recordedBy: actor.id,
      createdAt: isoNow(),
    });
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      subjectUserId: memberId,
      action: 'records.check_added',
      details: { entry: id, seenOn: body.seenOn, validUntil: body.validUntil },
    });
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
  const { actor, memberId } = await managedMember(ctx, access, userId);
  const where = { networkId: access.network.id, userId: memberId, id };
  await withTransaction(ctx, async (tx) => {
    const changed = await repo.updateTraining(tx.database.db, where, {
      title: body.title,
      completedOn: body.completedOn,
    });
    if (!changed) throw notFound();
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      subjectUserId: memberId,
      action: 'records.training_corrected',
      details: { entry: id, completedOn: body.completedOn },
    });
  });
}

/** Corrects a check's kind and dates (a new end of validity is reminded of anew). */
export async function updateCheck(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  id: string,
  body: z.infer<typeof AddCheckBody>,
): Promise<void> {
  const { actor, memberId } = await managedMember(ctx, access, userId);
  const where = { networkId: access.network.id, userId: memberId, id };
  await withTransaction(ctx, async (tx) => {
    const changed = await repo.updateCheck(tx.database.db, where, {
      kind: body.kind,
      seenOn: body.seenOn,
      validUntil: body.validUntil,
    });
    if (!changed) throw notFound();
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      subjectUserId: memberId,
      action: 'records.check_corrected',
      details: { entry: id, seenOn: body.seenOn, validUntil: body.validUntil },
    });
  });
}

/** Removes a training or check entry of a member. */
export async function removeRecordItem(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  id: string,
): Promise<void> {
  const { actor, memberId } = await managedMember(ctx, access, userId);
  const where = { networkId: access.network.id, userId: memberId, id };
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const training = await repo.deleteItem(db, 'volunteerTrainings', where);
    if (!training && !(await repo.deleteItem(db, 'volunteerChecks', where))) throw notFound();
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      subjectUserId: memberId,
      action: training ? 'records.training_removed' : 'records.check_removed',
      details: { entry: id },
    });
  });
}

/** Sets or clears a member's commitment. */
export async function setCommitment(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: z.infer<typeof SetCommitmentBody>,
): Promise<void> {
  const { actor, memberId } = await managedMember(ctx, access, userId);
  await withTransaction(ctx, async (tx) => {
    await repo.saveCommitment(
      tx.database.db,
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
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      subjectUserId: memberId,
      action: body.hoursPerWeek === null ? 'records.commitment_cleared' : 'records.commitment_set',
      details: body.hoursPerWeek === null ? {} : { hoursPerWeek: body.hoursPerWeek, until: body.until },
    });
  });
}
