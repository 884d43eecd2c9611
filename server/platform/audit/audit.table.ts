import type { Selectable } from 'kysely';

export interface AuditLogTable {
  id: string;
  networkId: string | null;
  organisationId: string | null;
  actorId: string | null;
  subjectUserId: string | null;
  action: string;
  /** JSON object with what changed (role before/after, reason, …). */
  details: string;
  createdAt: string;
}
export type AuditLogRow = Selectable<AuditLogTable>;
