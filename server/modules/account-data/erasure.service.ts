import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { createAvatarStore, createExportStore } from '../../platform/files/index.ts';
import { admitMember } from '../members/index.ts';
import { findMembership, findNetworkById, updateMembership } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import { findAccountDeletion, findUserById } from '../users/index.ts';
import {
  erasePersonalRows,
  findActiveNetworkIds,
  findExportsOf,
  findOrganisationAdminIds,
  findSoleMetaMentorNetworks,
  findUploadsOf,
} from './account-data.repository.ts';

/** The job that erases an account once its grace period has passed (one per deletion request). */
export const ERASE_JOB = 'account.erase';

export function handleErasureJobs(ctx: AppContext): void {
  ctx.jobs.handle(ERASE_JOB, async (payload) => {
    await eraseIfDue(ctx, (payload as { userId: string }).userId);
  });
}

/** Erases the account when its deletion is still asked for and due; false when it is not (cancelled). */
export async function eraseIfDue(ctx: AppContext, userId: string, now = Date.now()): Promise<boolean> {
  const deletion = await findAccountDeletion(ctx, userId);
  if (!deletion || Date.parse(deletion.eraseAfter) > now) return false;
  await eraseAccount(ctx, userId, { removePostText: deletion.removePostText === 1 });
  return true;
}

/**
 * Erases one person (GDPR Art. 17): networks where they were the only meta-mentor go to the founding
 * organisation's admins first, then everything personal goes in one transaction, then their files.
 */
export async function eraseAccount(
  ctx: AppContext,
  userId: string,
  options: { removePostText: boolean },
): Promise<void> {
  const user = await findUserById(ctx, userId);
  if (!user || user.erasedAt) return;
  const db = ctx.database.db;
  const uploads = await findUploadsOf(db, userId);
  const exports = await findExportsOf(db, userId);
  const handedOver: { networkId: string; admins: string[] }[] = [];
  await withTransaction(ctx, async (tx) => {
    const now = isoNow();
    for (const sole of await findSoleMetaMentorNetworks(tx.database.db, userId)) {
      handedOver.push({
        networkId: sole.id,
        admins: await handOver(tx, sole.id, sole.organisationId, userId),
      });
    }
    for (const networkId of await findActiveNetworkIds(tx.database.db, userId)) {
      await recordAudit(tx, { networkId, actorId: null, subjectUserId: userId, action: 'member.erased' });
    }
    await erasePersonalRows(tx.database.db, user, { removePostText: options.removePostText, now });
  });
  // Told once it is committed: in the app, and by mail as each admin chose, in their language.
  for (const { networkId, admins } of handedOver) {
    for (const adminId of admins)
      await notify(ctx, { userId: adminId, kind: 'network_handed_over', networkId });
  }
  if (uploads.avatarKey) await createAvatarStore(ctx.files).remove(uploads.avatarKey);
  const store = createExportStore(ctx.files);
  for (const row of exports) await store.remove(row.id);
}

/**
 * Makes the founding organisation's admins meta-mentors of a network that loses its only one;
 * returns who they are.
 */
async function handOver(
  tx: AppContext,
  networkId: string,
  organisationId: string,
  leavingId: string,
): Promise<string[]> {
  const network = await findNetworkById(tx, networkId);
  if (!network) return [];
  const admins = (await findOrganisationAdminIds(tx.database.db, organisationId)).filter(
    (id) => id !== leavingId,
  );
  for (const adminId of admins) {
    const membership = await findMembership(tx, networkId, adminId);
    if (membership?.status === 'active') {
      await updateMembership(tx, membership.id, { role: 'meta_mentor', level: null, updatedAt: isoNow() });
    } else {
      await admitMember(tx, {
        network,
        userId: adminId,
        role: 'meta_mentor',
        actorId: null,
        via: 'appointment',
      });
    }
  }
  await recordAudit(tx, {
    networkId,
    organisationId,
    actorId: null,
    subjectUserId: leavingId,
    action: 'network.handed_over',
    details: { admins: admins.length },
  });
  return admins;
}
