import type { Selectable } from 'kysely';
import type { MentorLevel, NetworkRole } from '../../../common/permissions.ts';

export interface InvitationsTable {
  id: string;
  networkId: string;
  kind: 'email' | 'link';
  email: string | null;
  tokenHash: string;
  role: NetworkRole;
  level: MentorLevel | null;
  locale: string | null;
  invitedBy: string | null;
  expiresAt: string;
  revokedAt: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
  uses: number;
  createdAt: string;
  /** Set when the invitation went to a MOOC graduate (see server/modules/mooc). */
  moocGraduateId: string | null;
}
export type InvitationRow = Selectable<InvitationsTable>;
