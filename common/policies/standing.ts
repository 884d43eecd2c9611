import {
  canInNetwork,
  type MentorLevel,
  type NetworkAction,
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
  /** Suspended by a moderator until this time (ISO), if at all. */
  suspendedUntil?: string | null;
}

/**
 * What a member suspended from a network may not do there until the suspension ends: write
 * (posts, topics, help, resources, events, announcements) and message. Reading stays open.
 */
export const SUSPENDED_ACTIONS: ReadonlySet<NetworkAction> = new Set<NetworkAction>([
  'discussions.write',
  'announcements.post',
  'messages.send',
  'help.ask',
  'help.respond',
  'buddies.ask',
  'events.create',
  'events.edit',
  'resources.create',
  'resources.edit',
  'content.report',
]);

/** Whether a suspension (its end time, if any) still holds at the given time. */
export function isSuspended(standing: { suspendedUntil?: string | null }, now: Date = new Date()): boolean {
  return !!standing.suspendedUntil && Date.parse(standing.suspendedUntil) > now.getTime();
}

/** Whether a suspended member is stopped from this action in the network of the standing. */
export function isStoppedBySuspension(
  standing: { suspendedUntil?: string | null },
  action: NetworkAction,
  now: Date = new Date(),
): boolean {
  return SUSPENDED_ACTIONS.has(action) && isSuspended(standing, now);
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
  const mayMessage = (s: NetworkStanding) =>
    canInNetwork(memberActor(s), 'messages.send', s.visibility) && !isStoppedBySuspension(s, 'messages.send');
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
