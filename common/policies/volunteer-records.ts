import type { NetworkActor } from '../permissions.ts';

/**
 * Volunteer records (B6) are for the network's meta-mentors and office; a member sees their own.
 * Admins who are not members do not see them.
 */
export function canSeeVolunteerRecord(actor: NetworkActor, viewerId: string, memberId: string): boolean {
  if (actor.role === 'meta_mentor' || actor.role === 'office') return true;
  return actor.role !== null && viewerId === memberId;
}

/** Only the meta-mentors and office record training, checks and commitments. */
export function canManageVolunteerRecord(actor: NetworkActor): boolean {
  return actor.role === 'meta_mentor' || actor.role === 'office';
}
