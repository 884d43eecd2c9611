import type { z } from 'zod';
import type { AuditList } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/database.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { insertAudit, listNetworkAudit } from './audit.repository.ts';

/** One act to record: who did it, to whom, where, and what changed. */
export interface AuditInput {
  networkId?: string | null;
  organisationId?: string | null;
  actorId: string | null;
  subjectUserId?: string | null;
  action: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log: who did what to whom, in which network or organisation.
 * Inside withTransaction it is written with the work it records, or not at all.
 */
export async function recordAudit(ctx: { database: Database }, entry: AuditInput): Promise<void> {
  await insertAudit(ctx.database.db, {
    id: newId(),
    networkId: entry.networkId ?? null,
    organisationId: entry.organisationId ?? null,
    actorId: entry.actorId,
    subjectUserId: entry.subjectUserId ?? null,
    action: entry.action,
    details: JSON.stringify(entry.details ?? {}),
    createdAt: isoNow(),
  });
}

/** A page of a network's audit log for meta-mentors and platform admins. */
export async function getNetworkAudit(
  ctx: AppContext,
  networkId: string,
  query: { cursor?: string; limit: number },
): Promise<z.infer<typeof AuditList>> {
  const [beforeId] = decodeCursor(query.cursor, 1) ?? [];
  const rows = await listNetworkAudit(ctx.database.db, networkId, {
    beforeId: beforeId === undefined ? undefined : String(beforeId),
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.id]);
  return {
    entries: page.map((r) => ({
      id: r.id,
      action: r.action,
      actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? '' } : null,
      subject: r.subjectUserId ? { id: r.subjectUserId, displayName: r.subjectName ?? '' } : null,
      details: JSON.parse(r.details) as Record<string, unknown>,
      createdAt: r.createdAt,
    })),
    nextCursor,
  };
}
