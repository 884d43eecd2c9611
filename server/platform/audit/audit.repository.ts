import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLogRow } from './audit.table.ts';

/** Appends one entry to the audit log. */
export async function insertAudit(db: Kysely<DB>, row: AuditLogRow): Promise<void> {
  await db.insertInto('auditLog').values(row).execute();
}

export interface AuditListRow extends AuditLogRow {
  actorName: string | null;
  subjectName: string | null;
}

/** Lists a network's audit entries, newest first, keyset-paginated by id (ids are time-ordered). */
export function listNetworkAudit(
  db: Kysely<DB>,
  networkId: string,
  options: { beforeId?: string; limit: number; action?: string },
): Promise<AuditListRow[]> {
  let query = db
    .selectFrom('auditLog as a')
    .leftJoin('users as actor', 'actor.id', 'a.actorId')
    .leftJoin('users as subject', 'subject.id', 'a.subjectUserId')
    .selectAll('a')
    .select(['actor.displayName as actorName', 'subject.displayName as subjectName'])
    .where('a.networkId', '=', networkId)
    .orderBy('a.id', 'desc')
    .limit(options.limit);
  if (options.beforeId) query = query.where('a.id', '<', options.beforeId);
  if (options.action) query = query.where('a.action', '=', options.action);
  return query.execute();
}
