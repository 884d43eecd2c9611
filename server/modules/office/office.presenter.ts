import type { NetworkOffice } from '../../../common/contracts/office.ts';
import type { NetworkOfficeRow } from './office.table.ts';

/** The office as read by getOffice: its row (none until it is set up) and who staffs it. */
export interface OfficeData {
  row: NetworkOfficeRow | undefined;
  staff: { userId: string; displayName: string; role: 'office' | 'meta_mentor' }[];
}

/** The network office; an office not set up yet shows empty fields. */
export function presentOffice({ row, staff }: OfficeData): NetworkOffice {
  return {
    contactEmail: row?.contactEmail ?? null,
    contactPhone: row?.contactPhone ?? null,
    address: row?.address ?? null,
    onlineOnly: row?.onlineOnly === 1,
    officeHours: row?.officeHours ?? '',
    updatedAt: row?.updatedAt ?? null,
    staff: staff.map((s) => ({ id: s.userId, displayName: s.displayName, role: s.role })),
  };
}
