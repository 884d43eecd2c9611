import { z } from 'zod';
import {
  BUDDY_CLOSE_REASONS,
  BUDDY_LIST_SCOPES,
  BUDDY_NOTE_MAX,
  BUDDY_PAIR_ORIGINS,
  BUDDY_PAIR_STATUSES,
  BUDDY_SUGGESTIONS_MAX,
} from '../buddies.ts';
import { EXPERTISE_AREAS } from '../expertise.ts';
import { LANGUAGE_CODES } from '../languages.ts';
import { Id, PageQuery, PersonSummary, Slug } from './networks.ts';

export {
  BUDDY_CHECKIN_DAYS,
  BUDDY_NOTE_MAX,
  BUDDY_PAIR_STATUSES,
  BUDDY_REASON_CODES,
  BUDDY_SUGGESTIONS_MAX,
  OPEN_BUDDY_STATUSES,
} from '../buddies.ts';

export const BuddyPairStatus = z.enum(BUDDY_PAIR_STATUSES);
export type BuddyPairStatus = z.infer<typeof BuddyPairStatus>;

const Note = z.string().trim().max(BUDDY_NOTE_MAX).default('');

/**
 * Ask for a buddy or propose a pairing. A beginner asks for themselves (no `beginnerId`): without
 * `mentorId` the request waits for the meta-mentor or office, with it the named experienced mentor
 * is asked at once. The meta-mentor or office propose: both people named.
 */
export const CreateBuddyPairBody = z.strictObject({
  beginnerId: Id.optional(),
  mentorId: Id.optional(),
  note: Note,
});
export type CreateBuddyPairBody = z.infer<typeof CreateBuddyPairBody>;

/**
 * Answer or end a pairing: the experienced mentor accepts (`active`) or declines (`declined`) a
 * proposal; either buddy, or the meta-mentor or office, ends an active pairing (`ended`) with a
 * short note. Withdrawing a request or proposal that has no answer yet is DELETE.
 */
export const UpdateBuddyPairBody = z.strictObject({
  status: z.enum(['active', 'declined', 'ended']),
  note: Note,
});
export type UpdateBuddyPairBody = z.infer<typeof UpdateBuddyPairBody>;

export const BuddyListQuery = PageQuery.extend({
  /** open: requests, proposals and active pairs (default); closed: the history. */
  scope: z.enum(BUDDY_LIST_SCOPES).default('open'),
  /** Only the caller's own pairings (members other than the meta-mentor and office see only those anyway). */
  mine: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type BuddyListQuery = z.infer<typeof BuddyListQuery>;

export const BuddySuggestionsQuery = z.strictObject({ for: Id });
export const BuddyPairParams = z.strictObject({ slug: Slug, id: Id });

export const BuddyPerson = PersonSummary.extend({ avatarUrl: z.string().nullable() });
export type BuddyPerson = z.infer<typeof BuddyPerson>;

export const BuddyPair = z.object({
  id: z.string(),
  status: BuddyPairStatus,
  origin: z.enum(BUDDY_PAIR_ORIGINS),
  beginner: BuddyPerson,
  /** Null while a beginner's request waits for someone to be named. */
  mentor: BuddyPerson.nullable(),
  /** Who asked or proposed (the beginner, or someone of the meta-mentor or office). */
  requestedBy: PersonSummary.nullable(),
  /** What they wrote with the request or proposal. */
  note: z.string(),
  createdAt: z.string(),
  /** When the experienced mentor was named. */
  proposedAt: z.string().nullable(),
  /** When the experienced mentor accepted. */
  activatedAt: z.string().nullable(),
  /** When it was declined, withdrawn or ended, by whom, and the note they left. */
  closedAt: z.string().nullable(),
  closedBy: PersonSummary.nullable(),
  closeNote: z.string(),
  /** Set when it closed because the beginner or the buddy is no longer a member of the network. */
  closeReason: z.enum(BUDDY_CLOSE_REASONS).nullable(),
  /** The buddies' direct conversation: shown to the two of them only. */
  conversationId: z.string().nullable(),
  /** The last message between the two (active pairings), else null. */
  lastContactAt: z.string().nullable(),
  /** What the caller may do with it now (policies/buddies.ts). */
  canAccept: z.boolean(),
  canEnd: z.boolean(),
  canWithdraw: z.boolean(),
});
export type BuddyPair = z.infer<typeof BuddyPair>;

export const BuddyList = z.object({ pairs: z.array(BuddyPair), nextCursor: z.string().nullable() });
export type BuddyList = z.infer<typeof BuddyList>;

/** Why someone is suggested, as a code with its values; the web app words it. */
export const BuddyReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('shared_languages'), languages: z.array(z.enum(LANGUAGE_CODES)) }),
  z.object({ code: z.literal('same_region'), region: z.string() }),
  z.object({ code: z.literal('shared_expertise'), areas: z.array(z.enum(EXPERTISE_AREAS)) }),
  z.object({ code: z.literal('open_to_buddy') }),
  /** Always given: how many active pairings they have (0 = free to take one). */
  z.object({ code: z.literal('current_load'), activePairs: z.number().int().min(0) }),
]);
export type BuddyReason = z.infer<typeof BuddyReason>;

const MatchProfile = {
  languages: z.array(z.string()),
  region: z.string(),
  expertise: z.array(z.string()),
};

export const BuddySuggestion = z.object({
  mentor: BuddyPerson.extend({ ...MatchProfile, openToBuddy: z.boolean() }),
  activePairs: z.number().int(),
  /** Higher is a better match; only the order means anything. */
  score: z.number(),
  reasons: z.array(BuddyReason),
});
export type BuddySuggestion = z.infer<typeof BuddySuggestion>;

export const BuddySuggestions = z.object({
  beginner: BuddyPerson.extend({ ...MatchProfile, lookingForBuddy: z.boolean() }),
  /** Best first, at most BUDDY_SUGGESTIONS_MAX. */
  suggestions: z.array(BuddySuggestion).max(BUDDY_SUGGESTIONS_MAX),
});
export type BuddySuggestions = z.infer<typeof BuddySuggestions>;

/** Realtime: a pairing changed; clients that show pairings of the network load them again. */
export interface BuddyChangedEvent {
  networkId: string;
  networkSlug: string;
  pairId: string;
  status: BuddyPairStatus;
}
