import type { Selectable } from 'kysely';
import type {
  ModerationDecision,
  ReportKind,
  ReportReason,
  ReportStatus,
} from '../../../common/moderation.ts';

export interface ReportsTable {
  id: string;
  kind: ReportKind;
  itemId: string;
  /** The network the item belongs to; null for messages and profiles. */
  networkId: string | null;
  authorId: string | null;
  reporterId: string | null;
  reason: ReportReason;
  text: string;
  status: ReportStatus;
  decision: ModerationDecision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  createdAt: string;
}
export type ReportRow = Selectable<ReportsTable>;

export interface UserBlocksTable {
  blockerId: string;
  blockedId: string;
  createdAt: string;
}
