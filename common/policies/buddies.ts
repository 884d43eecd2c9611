/**
 * The resource rules of buddy pairing: who may be paired as beginner or as experienced mentor, and
 * who may see, accept, decline, end or withdraw which pairing. The role × action table
 * (permissions.ts) lets members in (`buddies.view`, `buddies.ask`) and the meta-mentor and office
 * manage (`buddies.manage`); these functions decide per pairing. Used by the server and the web app.
 */
import { type BuddyPairStatus, OPEN_BUDDY_STATUSES } from '../buddies.ts';
import {
  canInNetwork,
  type MentorLevel,
  NETWORK_ROLES,
  type NetworkActor,
  type NetworkRole,
} from '../permissions.ts';
import { memberActor, type NetworkStanding, takesPart } from './standing.ts';

/** Who looks at pairings in one network: their id and whether they may manage buddy pairing there. */
export interface BuddyViewer {
  userId: string;
  manages: boolean;
}

/** The facts of a pairing the rules need. */
export interface PairFacts {
  status: BuddyPairStatus;
  beginnerId: string;
  mentorId: string | null;
}

/** A network's caller as a buddy viewer (the meta-mentor and the office manage). */
export function buddyViewerOf(
  actor: NetworkActor,
  visibility: NetworkStanding['visibility'],
  userId: string,
): BuddyViewer {
  return { userId, manages: canInNetwork(actor, 'buddies.manage', visibility) };
}

type Membership = { role: NetworkRole | null; level: MentorLevel | null };

/** The membership of those who get a buddy, and of those who can be one (queries list candidates by them). */
export const BEGINNER_MEMBERSHIP = { role: 'mentor', level: 'beginner' } as const satisfies Membership;
export const BUDDY_MEMBERSHIP = { role: 'mentor', level: 'experienced' } as const satisfies Membership;

/** A membership of the beginner level: mentors start as beginners. */
export function isBeginnerMentor(member: Membership): boolean {
  return member.role === BEGINNER_MEMBERSHIP.role && member.level === BEGINNER_MEMBERSHIP.level;
}

/** A membership of the experienced level. */
export function isExperiencedMentor(member: Membership): boolean {
  return member.role === BUDDY_MEMBERSHIP.role && member.level === BUDDY_MEMBERSHIP.level;
}

/** The roles whose members manage buddy pairing (meta-mentor and office), for listing whom to tell. */
export function buddyManagerRoles(): NetworkRole[] {
  return NETWORK_ROLES.filter((role) =>
    canInNetwork(memberActor({ role, acceptedCurrent: true }), 'buddies.manage', 'private'),
  );
}

/** Whether a member (by their standing) manages buddy pairing in that network. */
export function managesBuddies(standing: NetworkStanding): boolean {
  return canInNetwork(memberActor(standing), 'buddies.manage', standing.visibility);
}

/** Who can be paired as the beginner: a beginner mentor who takes part (accepted the current agreement). */
export function canBePairedAsBeginner(standing: NetworkStanding | undefined): boolean {
  return standing !== undefined && takesPart(standing) && isBeginnerMentor(standing);
}

/** Who can be paired as the buddy: an experienced mentor who takes part. */
export function canBePairedAsMentor(standing: NetworkStanding | undefined): boolean {
  return standing !== undefined && takesPart(standing) && isExperiencedMentor(standing);
}

/** Whether the status is a request, a proposal or an active pair (a beginner has one at most). */
export function isOpenPair(status: BuddyPairStatus): boolean {
  return (OPEN_BUDDY_STATUSES as readonly BuddyPairStatus[]).includes(status);
}

/** Whether the viewer is the beginner of the pairing. */
export function isPairBeginner(viewer: Pick<BuddyViewer, 'userId'>, pair: Pick<PairFacts, 'beginnerId'>) {
  return viewer.userId !== '' && pair.beginnerId === viewer.userId;
}

/** Whether the viewer is the experienced mentor of the pairing. */
export function isPairMentor(viewer: Pick<BuddyViewer, 'userId'>, pair: Pick<PairFacts, 'mentorId'>) {
  return viewer.userId !== '' && pair.mentorId === viewer.userId;
}

/** One of the two people of the pairing. */
export function isPairMember(viewer: Pick<BuddyViewer, 'userId'>, pair: PairFacts): boolean {
  return isPairBeginner(viewer, pair) || isPairMentor(viewer, pair);
}

/** The other person of the pairing, seen from one of its two (null when there is none yet). */
export function otherOfPair(userId: string, pair: PairFacts): string | null {
  return pair.beginnerId === userId ? pair.mentorId : pair.beginnerId;
}

/**
 * Whom not to suggest as a beginner's buddy: the beginner, and whoever is already named in the
 * beginner's open pairing.
 */
export function isInPairingOf(
  userId: string,
  beginnerId: string,
  open: Pick<PairFacts, 'mentorId'> | undefined,
) {
  return userId === beginnerId || (open !== undefined && userId === open.mentorId);
}

/** The two see their pairing; the meta-mentor and office see every pairing of the network. */
export function canViewPair(viewer: BuddyViewer, pair: PairFacts): boolean {
  return viewer.manages || isPairMember(viewer, pair);
}

/** Only the named experienced mentor accepts or declines, and only a proposal. */
export function canAnswerPair(viewer: BuddyViewer, pair: PairFacts): boolean {
  return pair.status === 'proposed' && isPairMentor(viewer, pair);
}

/** Either buddy ends an active pairing, and so may the meta-mentor or office. */
export function canEndPair(viewer: BuddyViewer, pair: PairFacts): boolean {
  return pair.status === 'active' && (viewer.manages || isPairMember(viewer, pair));
}

/**
 * A request or proposal without an answer is withdrawn by the beginner (it is about them) or by the
 * meta-mentor or office; the experienced mentor declines instead.
 */
export function canWithdrawPair(viewer: BuddyViewer, pair: PairFacts): boolean {
  return (
    (pair.status === 'requested' || pair.status === 'proposed') &&
    (viewer.manages || isPairBeginner(viewer, pair))
  );
}

/** A beginner asks for themselves; pairing someone else is for the meta-mentor or office. */
export function canRequestPairFor(viewer: BuddyViewer, beginnerId: string): boolean {
  return viewer.manages || (viewer.userId !== '' && viewer.userId === beginnerId);
}

/**
 * Whether a beginner may ask this member, by name, to be their buddy: an experienced mentor who said
 * they are open to being one, while the beginner has no proposal or buddy yet (a waiting request of
 * theirs gets the name). The meta-mentor or office may propose anyone experienced instead.
 */
export function canAskAsBuddy(
  viewer: Membership & { userId: string },
  candidate: Membership & { userId: string; openToBuddy: boolean },
  ownOpen: Pick<PairFacts, 'status'> | undefined,
): boolean {
  return (
    viewer.userId !== '' &&
    candidate.userId !== viewer.userId &&
    isBeginnerMentor(viewer) &&
    isExperiencedMentor(candidate) &&
    candidate.openToBuddy &&
    (ownOpen === undefined || ownOpen.status === 'requested')
  );
}

/** Only the meta-mentor or office leave a pairing without anyone named: a beginner's own request. */
export function needsMentorNamed(viewer: BuddyViewer, beginnerId: string): boolean {
  return viewer.userId !== beginnerId;
}

/**
 * Ending or withdrawing someone else's pairing is a moderation act (kept in the audit log);
 * proposing one is an administration act.
 */
export function isStaffAct(viewer: BuddyViewer, pair: PairFacts): boolean {
  return viewer.manages && !isPairMember(viewer, pair);
}

/** Which of a user's pairings the home page shows: active ones, and proposals waiting for their answer. */
export function isForHomePage(userId: string, pair: PairFacts): boolean {
  return pair.status === 'active' || canAnswerPair({ userId, manages: false }, pair);
}
