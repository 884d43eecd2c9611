import type { UpdateOfficeBody } from '../../../common/contracts/office.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { listActiveMembers, type NetworkRow } from '../networks/index.ts';
import type { OfficeData } from './office.presenter.ts';
import { findOffice, upsertOffice } from './office.repository.ts';

/**
 * The network office: contact point, office hours and who staffs it — the members with the office
 * role, then the meta-mentors (who run it where a network has no office members), with their roles.
 */
export async function getOffice(ctx: AppContext, network: NetworkRow): Promise<OfficeData> {
  const [row, office, metaMentors] = await Promise.all([
    findOffice(ctx.database.db, network.id),
    listActiveMembers(ctx, network.id, { role: 'office', limit: 50 }),
    listActiveMembers(ctx, network.id, { role: 'meta_mentor', limit: 50 }),
  ]);
  const staff = [
    ...office.map((m) => ({ userId: m.userId, displayName: m.displayName, role: 'office' as const })),
    ...metaMentors.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      role: 'meta_mentor' as const,
    })),
  ];
  return { row, staff };
}

/** Sets up or changes the network office; the office as it is now. */
export async function updateOffice(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  body: UpdateOfficeBody,
): Promise<OfficeData> {
  const now = isoNow();
  await withTransaction(ctx, async (tx) => {
    await upsertOffice(tx.database.db, {
      networkId: network.id,
      contactEmail: body.contactEmail,
      contactPhone: body.contactPhone,
      address: body.onlineOnly ? null : body.address,
      onlineOnly: body.onlineOnly ? 1 : 0,
      officeHours: body.officeHours,
      updatedBy: actorId,
      updatedAt: now,
    });
    await recordAudit(tx, { networkId: network.id, actorId, action: 'office.updated' });
  });
  return getOffice(ctx, network);
}
