import type {
  BuddyList,
  BuddyPair,
  BuddyPerson,
  BuddySuggestions,
} from '../../../common/contracts/buddies.ts';
import {
  type BuddyViewer,
  canAnswerPair,
  canEndPair,
  canWithdrawPair,
  isPairMember,
} from '../../../common/policies/buddies.ts';
import { avatarUrlOf, type MatchFacts } from '../profiles/index.ts';
import type { BuddyPairListRow } from './buddies.table.ts';
import type { RankedCandidate } from './ranking.ts';

const person = (id: string | null, name: string | null) =>
  id && name !== null ? { id, displayName: name } : null;

/** A pairing as one viewer sees it: what they may do with it, the conversation only for the two. */
export function presentPair(
  row: BuddyPairListRow,
  viewer: BuddyViewer,
  lastContactAt: string | null = null,
): BuddyPair {
  const member = isPairMember(viewer, row);
  return {
    id: row.id,
    status: row.status,
    origin: row.origin,
    beginner: {
      id: row.beginnerId,
      displayName: row.beginnerName,
      avatarUrl: avatarUrlOf(row.beginnerId, row.beginnerAvatarKey),
    },
    mentor: row.mentorId
      ? {
          id: row.mentorId,
          displayName: row.mentorName ?? '',
          avatarUrl: avatarUrlOf(row.mentorId, row.mentorAvatarKey),
        }
      : null,
    requestedBy: person(row.requestedBy, row.requestedByName),
    note: row.note,
    createdAt: row.createdAt,
    proposedAt: row.proposedAt,
    activatedAt: row.activatedAt,
    closedAt: row.closedAt,
    closedBy: person(row.closedBy, row.closedByName),
    closeNote: row.closeNote,
    closeReason: row.closeReason,
    conversationId: member ? row.conversationId : null,
    lastContactAt: row.status === 'active' ? lastContactAt : null,
    canAccept: canAnswerPair(viewer, row),
    canEnd: canEndPair(viewer, row),
    canWithdraw: canWithdrawPair(viewer, row),
  };
}

/** A page of pairings; the last contact of active ones by conversation id. */
export function presentPairList(
  rows: BuddyPairListRow[],
  viewer: BuddyViewer,
  lastContact: Map<string, string>,
  nextCursor: string | null,
): BuddyList {
  return {
    pairs: rows.map((r) =>
      presentPair(r, viewer, r.conversationId ? (lastContact.get(r.conversationId) ?? null) : null),
    ),
    nextCursor,
  };
}

/** A beginner's suggested buddies, best first, each with the reasons. */
export function presentSuggestions(
  beginner: { id: string; displayName: string },
  facts: MatchFacts,
  ranked: RankedCandidate[],
  factsOf: (userId: string) => MatchFacts | undefined,
): BuddySuggestions {
  const asPerson = (id: string, displayName: string, f: MatchFacts | undefined): BuddyPerson => ({
    id,
    displayName,
    avatarUrl: f?.avatarUrl ?? null,
  });
  return {
    beginner: {
      ...asPerson(beginner.id, beginner.displayName, facts),
      languages: facts.languages,
      region: facts.region,
      expertise: facts.expertise,
      lookingForBuddy: facts.lookingForBuddy,
    },
    suggestions: ranked.map(({ candidate, score, reasons }) => ({
      mentor: {
        ...asPerson(candidate.userId, candidate.displayName, factsOf(candidate.userId)),
        languages: candidate.languages,
        region: candidate.region,
        expertise: candidate.expertise,
        openToBuddy: candidate.openToBuddy,
      },
      activePairs: candidate.activePairs,
      score,
      reasons,
    })),
  };
}
