import type { Selectable } from 'kysely';
import type { BuddyCloseReason, BuddyPairOrigin, BuddyPairStatus } from '../../../common/buddies.ts';

export interface BuddyPairsTable {
  id: string;
  networkId: string;
  beginnerId: string;
  /** Null while a beginner's request waits for someone to be named. */
  mentorId: string | null;
  status: BuddyPairStatus;
  origin: BuddyPairOrigin;
  /** Who asked or proposed. */
  requestedBy: string | null;
  note: string;
  createdAt: string;
  proposedAt: string | null;
  activatedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string;
  /** Set when the pairing closed because one of the two is no longer a member of the network. */
  closeReason: BuddyCloseReason | null;
  /** The buddies' direct conversation, started when the pairing became active. */
  conversationId: string | null;
  /** When the last check-in reminder went out. */
  lastReminderAt: string | null;
  updatedAt: string;
}
export type BuddyPairRow = Selectable<BuddyPairsTable>;

/** A pairing with the names (and avatar keys) of the people it names, as lists read it. */
export interface BuddyPairListRow extends BuddyPairRow {
  beginnerName: string;
  beginnerAvatarKey: string | null;
  mentorName: string | null;
  mentorAvatarKey: string | null;
  requestedByName: string | null;
  closedByName: string | null;
}
