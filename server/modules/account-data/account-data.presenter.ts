import { DELETION_GRACE_DAYS } from '../../../common/account-data.ts';
import type { DataExport, DeletionState } from '../../../common/contracts/account-data.ts';
import type { AccountDeletionRow } from '../users/index.ts';
import type { DataExportRow } from './account-data.table.ts';

/** An export as its owner sees it, with the download link while it is ready. */
export function presentExport(row: DataExportRow): DataExport {
  const status =
    row.status === 'ready' || row.status === 'failed' || row.status === 'expired' ? row.status : 'pending';
  return {
    id: row.id,
    status,
    requestedAt: row.requestedAt,
    readyAt: row.readyAt,
    expiresAt: row.expiresAt,
    size: row.size,
    downloadUrl: status === 'ready' ? `/api/me/export/${row.id}/download` : null,
  };
}

/** The deletion state: its date when asked for, and the networks that would lose their meta-mentor. */
export function presentDeletion(
  row: AccountDeletionRow | undefined,
  networks: { slug: string; name: string; organisation: string }[],
): DeletionState {
  return {
    eraseAfter: row?.eraseAfter ?? null,
    graceDays: DELETION_GRACE_DAYS,
    soleMetaMentorOf: networks.map(({ slug, name, organisation }) => ({ slug, name, organisation })),
  };
}
