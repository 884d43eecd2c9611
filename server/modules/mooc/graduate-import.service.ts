import type { ImportResult, ImportRow } from '../../../common/contracts/mooc.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import { decodeCsvBytes, readGraduateCsv } from './graduate-csv.ts';
import { findMemberEmails, insertGraduates, listSessionEmails } from './mooc.repository.ts';
import type { MoocGraduateRow, MoocSessionRow } from './mooc.table.ts';

/** Reads the file and adds the problems only the database knows (imported before, member already). */
async function checkImport(ctx: AppContext, network: NetworkRow, session: MoocSessionRow, bytes: Buffer) {
  const csv = readGraduateCsv(decodeCsvBytes(bytes));
  const db = ctx.database.db;
  const addresses = csv.rows.filter((r) => r.problems.length === 0).map((r) => r.email);
  const [imported, members] = await Promise.all([
    listSessionEmails(db, session.id),
    findMemberEmails(db, network.id, addresses),
  ]);
  const rows: ImportRow[] = csv.rows.map((row) => {
    if (row.problems.length > 0) return row;
    if (imported.has(row.email)) return { ...row, problems: ['already_imported'] };
    if (members.has(row.email)) return { ...row, problems: ['already_member'] };
    return row;
  });
  const valid = rows.filter((r) => r.problems.length === 0).length;
  return { columns: csv.columns, rows, valid, invalid: rows.length - valid };
}

/** What importing the file would do, row by row; saves nothing. */
export function previewGraduateImport(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  bytes: Buffer,
): Promise<ImportResult> {
  return checkImport(ctx, network, session, bytes);
}

/**
 * Stores the file's valid rows as graduates with status `imported`, all or none. Idempotent on
 * session and address: the same file again stores nothing and reports every row as already imported.
 */
export async function importGraduates(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  actor: UserRow,
  bytes: Buffer,
): Promise<ImportResult> {
  const result = await checkImport(ctx, network, session, bytes);
  const now = isoNow();
  const valid = result.rows.filter((r) => r.problems.length === 0);
  // Ids made in one millisecond differ only in random bits: sorted, they keep the file's order.
  const ids = valid.map(() => newId()).sort();
  const rows: MoocGraduateRow[] = valid.map((r, index) => ({
    id: ids[index] as string,
    sessionId: session.id,
    networkId: network.id,
    name: r.name,
    email: r.email,
    completedOn: r.completedOn,
    language: r.language,
    status: 'imported',
    invitationId: null,
    invitedAt: null,
    remindedAt: null,
    joinedAt: null,
    bouncedAt: null,
    userId: null,
    importedBy: actor.id,
    createdAt: now,
    updatedAt: now,
  }));
  const imported = await withTransaction(ctx, async (tx) => {
    const count = rows.length > 0 ? await insertGraduates(tx.database.db, rows) : 0;
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'mooc.graduates_imported',
      details: { sessionId: session.id, rows: result.rows.length, imported: count, invalid: result.invalid },
    });
    return count;
  });
  return { ...result, imported };
}
