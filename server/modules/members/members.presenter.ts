import type { Member } from '../../../common/contracts/networks.ts';
import type { MemberPage } from './members.service.ts';

/** A page of members as the member list shows them. */
export function presentMemberPage(page: MemberPage): { members: Member[]; nextCursor: string | null } {
  return {
    members: page.rows.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      role: r.role,
      level: r.level,
      joinedAt: r.joinedAt,
      acceptedCurrent: page.acceptedBy.has(r.userId),
    })),
    nextCursor: page.nextCursor,
  };
}
