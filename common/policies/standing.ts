import {
  canInNetwork,
  type MentorLevel,
  type NetworkActor,
  type NetworkRole,
  type Visibility,
} from '../permissions.ts';

/** Where a user stands in one network they are an active member of. */
export interface NetworkStanding {
  networkId: string;
  role: NetworkRole;
  level: MentorLevel | null;
  /** Has accepted the network's current agreement and communication rules. */
  acceptedCurrent: boolean;
  visibility: Visibility;
}

/** A member as the role × action table sees them: their membership alone, no admin rights. */
export function memberActor(standing: Pick<NetworkStanding, 'role' | 'acceptedCurrent'>): NetworkActor {
  return {
    signedIn: true,
    platformAdmin: false,
    orgAdmin: false,
    role: standing.role,
    acceptedCurrent: standing.acceptedCurrent,
  };
}

/**
 * The rule much of the platform rests on: an active member who accepted the current agreement and
 * rules takes part in the network — reads its discussions, is found by its search, gets its
 * realtime events. Admins of an organisation who are not members do not.
 */
export function takesPart(standing: NetworkStanding): boolean {
  return canInNetwork(memberActor(standing), 'discussions.read', standing.visibility);
}

/**
 * The messaging rule: two people may message each other when they share at least one network in
 * which both may `messages.send`. It is the membership that counts, never an admin role.
 */
export function canMessageEachOther(mine: NetworkStanding[], theirs: NetworkStanding[]): boolean {
  const mayMessage = (s: NetworkStanding) => canInNetwork(memberActor(s), 'messages.send', s.visibility);
  const myNetworks = new Set(mine.filter(mayMessage).map((s) => s.networkId));
  return theirs.some((s) => myNetworks.has(s.networkId) && mayMessage(s));
}

/** Mentor levels (beginner, experienced) belong to mentors; other roles have none. */
export function hasMentorLevel(role: NetworkRole): boolean {
  return role === 'mentor';
}

/** The level a membership of a role gets: a mentor's given one, else their previous one, else beginner. */
export function levelForRole(
  role: NetworkRole,
  level: MentorLevel | null | undefined,
  previous: MentorLevel | null = null,
): MentorLevel | null {
  return hasMentorLevel(role) ? (level ?? previous ?? 'beginner') : (level ?? null);
}

/** A network always needs a meta-mentor: whether this membership is one. */
export function isMetaMentor(standing: Pick<NetworkStanding, 'role'>): boolean {
  return standing.role === 'meta_mentor';
}
