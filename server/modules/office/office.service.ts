import type { NetworkOffice, UpdateOfficeBody } from '../../../common/contracts/office.ts';
import type { AppContext } from '../../context.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { listActiveMembers, type NetworkRow } from '../networks/index.ts';
import { findOffice, upsertOffice } from './office.repository.ts';

/** The network office: contact point, office hours and who staffs it (members with the office role). */
export async function getOffice(ctx: AppContext, network: NetworkRow): Promise<NetworkOffice> {
  const db = ctx.database.db;
  const [row, staff] = await Promise.all([
    findOffice(db, network.id),
    listActiveMembers(ctx, network.id, { role: 'office', limit: 50 }),
  ]);
  return {
    contactEmail: row?.contactEmail ?? null,
    contactPhone: row?.contactPhone ?? null,
    address: row?.address ?? null,
    onlineOnly: row?.onlineOnly === 1,
    officeHours: row?.officeHours ?? '',
    updatedAt: row?.updatedAt ?? null,
    staff: staff.map((s) => ({ id: s.userId, displayName: s.displayName })),
  };
}

/** Sets up or changes the network office. */
export async function updateOffice(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  body: UpdateOfficeBody,
): Promise<NetworkOffice> {
  const now = isoNow();
  await upsertOffice(ctx.database.db, {
    networkId: network.id,
    contactEmail: body.contactEmail,
    contactPhone: body.contactPhone,
    address: body.onlineOnly ? null : body.address,
    onlineOnly: body.onlineOnly ? 1 : 0,
    officeHours: body.officeHours,
    updatedBy: actorId,
    updatedAt: now,
  });
  await recordAudit(ctx, { networkId: network.id, actorId, action: 'office.updated' });
  return getOffice(ctx, network);
}
