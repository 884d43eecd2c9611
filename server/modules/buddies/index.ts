/**
 * Buddy pairing (B4): beginner mentors paired with experienced ones — suggestions, requests,
 * proposals, answers, endings, and the daily check-in reminder through the digest.
 */

export { buddyRoutes } from './buddies.routes.ts';
export type { BuddyActor } from './buddies.service.ts';
export type { BuddyPairRow } from './buddies.table.ts';
export {
  announceClosedPairings,
  type ClosedPairings,
  closeDepartedMemberPairings,
} from './departures.service.ts';
export { createBuddyPair, updateBuddyPair } from './pairing.service.ts';
