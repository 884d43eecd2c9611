import type { MentorLevel, NetworkRole } from '../../../common/permissions.ts';
import type { ProgressionReason, ProgressionStep } from '../../../common/progression.ts';
import { DAY } from '../../lib/time.ts';

/** What the network knows of one active member, as progression and succession weigh it. */
export interface MemberStats {
  userId: string;
  displayName: string;
  role: NetworkRole;
  level: MentorLevel | null;
  joinedAt: string;
  /** Responses to and offers on others' help requests. */
  helpGiven: number;
  /** Event occurrences the member was recorded as attending. */
  eventsAttended: number;
  /** Buddy pairings the member had as a beginner that ran their course (ended, not declined). */
  buddyCompleted: number;
  /** Pairings the member took on as the experienced buddy (active or ended). */
  buddiesMentored: number;
  moocCompleted: boolean;
  lastActiveAt: string | null;
}

/** The thresholds of each reason; a step is suggested when enough of them hold. */
export const THRESHOLDS = {
  experienced: { days: 180, help: 3, events: 3, buddies: 1, needed: 2 },
  candidate: { days: 365, help: 10, events: 6, mentored: 2, needed: 3 },
  recentDays: 30,
} as const;

const daysSince = (iso: string, now: number) => (now - Date.parse(iso)) / DAY;

/** Why a beginner could become experienced (empty when nothing speaks for it yet). */
export function experiencedReasons(s: MemberStats, now: number): ProgressionReason[] {
  const t = THRESHOLDS.experienced;
  const reasons: ProgressionReason[] = [];
  if (daysSince(s.joinedAt, now) >= t.days) reasons.push('time_in_network');
  if (s.helpGiven >= t.help) reasons.push('help_given');
  if (s.eventsAttended >= t.events) reasons.push('events_attended');
  if (s.buddyCompleted >= t.buddies) reasons.push('buddy_completed');
  if (s.moocCompleted) reasons.push('mooc_completed');
  return reasons;
}

/** Why an experienced mentor could be a meta-mentor candidate. */
export function candidateReasons(s: MemberStats, now: number): ProgressionReason[] {
  const t = THRESHOLDS.candidate;
  const reasons: ProgressionReason[] = [];
  if (daysSince(s.joinedAt, now) >= t.days) reasons.push('long_standing');
  if (s.helpGiven >= t.help) reasons.push('help_given');
  if (s.eventsAttended >= t.events) reasons.push('events_attended');
  if (s.buddiesMentored >= t.mentored) reasons.push('buddies_mentored');
  if (s.moocCompleted) reasons.push('mooc_completed');
  return reasons;
}

/**
 * The next step suggested for a member, with its reasons, or null: mentors only (the meta-mentor
 * and office are past progression), and only when enough reasons hold.
 */
export function suggestionFor(
  s: MemberStats,
  now: number,
): { step: ProgressionStep; reasons: ProgressionReason[] } | null {
  if (s.role !== 'mentor') return null;
  if (s.level === 'experienced') {
    const reasons = candidateReasons(s, now);
    return reasons.length >= THRESHOLDS.candidate.needed ? { step: 'meta_mentor_candidate', reasons } : null;
  }
  const reasons = experiencedReasons(s, now);
  return reasons.length >= THRESHOLDS.experienced.needed ? { step: 'experienced', reasons } : null;
}

/** Weights of the succession score: standing in the network counts most, then what one does. */
const WEIGHT: Partial<Record<ProgressionReason, number>> = {
  co_meta_mentor: 30,
  candidate_confirmed: 25,
  office_role: 15,
  experienced: 10,
  recently_active: 10,
  long_standing: 8,
  time_in_network: 4,
  help_given: 6,
  events_attended: 5,
  buddies_mentored: 5,
  mooc_completed: 3,
};

/** A possible successor or deputy of the meta-mentor, with the score that ranks them. */
export interface Successor {
  stats: MemberStats;
  score: number;
  reasons: ProgressionReason[];
}

/** Why one member could succeed or deputise for the meta-mentor, and how strongly. */
export function successorOf(s: MemberStats, now: number, confirmedCandidate: boolean): Successor {
  const reasons: ProgressionReason[] = [];
  if (s.role === 'meta_mentor') reasons.push('co_meta_mentor');
  if (confirmedCandidate) reasons.push('candidate_confirmed');
  if (s.role === 'office') reasons.push('office_role');
  if (s.level === 'experienced') reasons.push('experienced');
  if (s.lastActiveAt && daysSince(s.lastActiveAt, now) <= THRESHOLDS.recentDays)
    reasons.push('recently_active');
  const days = daysSince(s.joinedAt, now);
  if (days >= THRESHOLDS.candidate.days) reasons.push('long_standing');
  else if (days >= THRESHOLDS.experienced.days) reasons.push('time_in_network');
  if (s.helpGiven >= THRESHOLDS.experienced.help) reasons.push('help_given');
  if (s.eventsAttended >= THRESHOLDS.experienced.events) reasons.push('events_attended');
  if (s.buddiesMentored >= 1) reasons.push('buddies_mentored');
  if (s.moocCompleted) reasons.push('mooc_completed');
  // Small continuous parts break ties between people with the same reasons.
  const activity = Math.min(s.helpGiven, 20) * 0.2 + Math.min(s.eventsAttended, 20) * 0.1;
  const score = reasons.reduce((sum, r) => sum + (WEIGHT[r] ?? 0), 0) + activity;
  return { stats: s, score: Math.round(score * 10) / 10, reasons };
}

/**
 * Everyone who could succeed or deputise for the meta-mentor (all active members but the one being
 * succeeded), best first; ties go to the longer-standing member, then by name.
 */
export function rankSuccessors(
  members: MemberStats[],
  now: number,
  options: { excludeUserId?: string; confirmedCandidates?: ReadonlySet<string> } = {},
): Successor[] {
  return members
    .filter((m) => m.userId !== options.excludeUserId)
    .map((m) => successorOf(m, now, options.confirmedCandidates?.has(m.userId) ?? false))
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        Date.parse(a.stats.joinedAt) - Date.parse(b.stats.joinedAt) ||
        a.stats.displayName.localeCompare(b.stats.displayName),
    );
}
