import type { Selectable } from 'kysely';

export interface MoocSessionsTable {
  id: string;
  networkId: string;
  title: string;
  courseUrl: string | null;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD */
  endsOn: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
export type MoocSessionRow = Selectable<MoocSessionsTable>;

/** Stored statuses; `expired` is derived from the invitation when read. */
export type StoredGraduateStatus = 'imported' | 'invited' | 'reminded' | 'joined' | 'bounced';

export interface MoocGraduatesTable {
  id: string;
  sessionId: string;
  networkId: string;
  name: string;
  /** Lower-cased. */
  email: string;
  completedOn: string | null;
  language: string | null;
  status: StoredGraduateStatus;
  /** The latest invitation sent (a reminder replaces the first one). */
  invitationId: string | null;
  invitedAt: string | null;
  remindedAt: string | null;
  joinedAt: string | null;
  bouncedAt: string | null;
  userId: string | null;
  importedBy: string | null;
  createdAt: string;
  updatedAt: string;
}
export type MoocGraduateRow = Selectable<MoocGraduatesTable>;

/** A graduate as lists read them: with the state of their latest invitation and their account's name. */
export interface GraduateListRow extends MoocGraduateRow {
  invitationExpiresAt: string | null;
  invitationRevokedAt: string | null;
  userName: string | null;
}

export interface MemberBadgesTable {
  id: string;
  networkId: string;
  userId: string;
  kind: 'mooc_graduate';
  sessionId: string;
  createdAt: string;
}
export type MemberBadgeRow = Selectable<MemberBadgesTable>;
