import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import type { AuditLogRow } from './audit.table.ts';

export interface AuditInput {
  networkId?: string | null;
  organisationId?: string | null;
  actorId: string | null;
  subjectUserId?: string | null;
  action: string;
  details?: Record<string, unknown>;
}

/** Appends one entry to the audit log. */
export async function insertAudit(db: Kysely<DB>, entry: AuditInput): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      id: newId(),
      networkId: entry.networkId ?? null,
      organisationId: entry.organisationId ?? null,
      actorId: entry.actorId,
      subjectUserId: entry.subjectUserId ?? null,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
      createdAt: isoNow(),
    })
    .execute();
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
