import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AddCheckBody,
  AddTrainingBody,
  SetCommitmentBody,
} from '../../../common/contracts/volunteer-records.ts';
import { canManageVolunteerRecord } from '../../../common/policies/volunteer-records.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { withTransaction } from '../../db/transaction.ts';
import { forbidden, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { type AuditInput, recordAudit } from '../../platform/audit/index.ts';
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

/** What a change wrote to the audit log; `null` when the entry it meant was not there. */
type EntryChange = Pick<AuditInput, 'action' | 'details'> | null;

interface EntryTarget {
  actor: { id: string };
  /** The network and member every entry written or looked up belongs to. */
  owner: { networkId: string; userId: string };
}

/**
 * The one way an entry changes: by staff, for an active member, in one transaction with its audit
 * line; a write that found nothing to change is a 404 and leaves no line.
 */
async function changeEntry(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  write: (db: Kysely<DB>, target: EntryTarget) => Promise<EntryChange>,
): Promise<void> {
  const { actor, memberId } = await managedMember(ctx, access, userId);
  const owner = { networkId: access.network.id, userId: memberId };
  await withTransaction(ctx, async (tx) => {
    const change = await write(tx.database.db, { actor, owner });
    if (!change) throw notFound();
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      subjectUserId: memberId,
      ...change,
    });
  });
}

/** Records training a member took outside the platform. */
export async function addTraining(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: z.infer<typeof AddTrainingBody>,
): Promise<void> {
  const id = newId();
  await changeEntry(ctx, access, userId, async (db, { actor, owner }) => {
    await repo.insertTraining(db, {
      id,
      ...owner,
      title: body.title,
      completedOn: body.completedOn,
      recordedBy: actor.id,
      createdAt: isoNow(),
    });
    return { action: 'records.training_added', details: { entry: id, completedOn: body.completedOn } };
  });
}

/** Records a check seen (its kind and dates; never the document). */
export async function addCheck(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: z.infer<typeof AddCheckBody>,
): Promise<void> {
  const id = newId();
  await changeEntry(ctx, access, userId, async (db, { actor, owner }) => {
    await repo.insertCheck(db, {
      id,
      ...owner,
      kind: body.kind,
      seenOn: body.seenOn,
      validUntil: body.validUntil,
      recordedBy: actor.id,
      createdAt: isoNow(),
    });
    return {
      action: 'records.check_added',
      details: { entry: id, seenOn: body.seenOn, validUntil: body.validUntil },
    };
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
  await changeEntry(ctx, access, userId, async (db, { owner }) => {
    const changed = await repo.updateTraining(
      db,
      { ...owner, id },
      { title: body.title, completedOn: body.completedOn },
    );
    return changed
      ? { action: 'records.training_corrected', details: { entry: id, completedOn: body.completedOn } }
      : null;
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
  await changeEntry(ctx, access, userId, async (db, { owner }) => {
    const changed = await repo.updateCheck(
      db,
      { ...owner, id },
      { kind: body.kind, seenOn: body.seenOn, validUntil: body.validUntil },
    );
    return changed
      ? {
          action: 'records.check_corrected',
          details: { entry: id, seenOn: body.seenOn, validUntil: body.validUntil },
        }
      : null;
  });
}

/** Removes a training or check entry of a member. */
export async function removeRecordItem(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  id: string,
): Promise<void> {
  await changeEntry(ctx, access, userId, async (db, { owner }) => {
    const where = { ...owner, id };
    if (await repo.deleteItem(db, 'volunteerTrainings', where)) {
      return { action: 'records.training_removed', details: { entry: id } };
    }
    if (await repo.deleteItem(db, 'volunteerChecks', where)) {
      return { action: 'records.check_removed', details: { entry: id } };
    }
    return null;
  });
}

/** Sets or clears a member's commitment. */
export async function setCommitment(
  ctx: AppContext,
  access: NetworkAccess,
  userId: string,
  body: z.infer<typeof SetCommitmentBody>,
): Promise<void> {
  await changeEntry(ctx, access, userId, async (db, { actor, owner }) => {
    if (body.hoursPerWeek === null) {
      await repo.saveCommitment(db, { ...owner, hoursPerWeek: null });
      return { action: 'records.commitment_cleared', details: {} };
    }
    await repo.saveCommitment(db, {
      ...owner,
      hoursPerWeek: body.hoursPerWeek,
      until: body.until,
      updatedBy: actor.id,
      updatedAt: isoNow(),
    });
    return {
      action: 'records.commitment_set',
      details: { hoursPerWeek: body.hoursPerWeek, until: body.until },
    };
  });
}
