import type { Generated, Selectable } from 'kysely';

/** The figures of one network on one day (UTC), written by the roll-up job. */
export interface HealthDailyTable {
  networkId: string;
  /** YYYY-MM-DD */
  day: string;
  /** Distinct members active that day, in the 7 days and in the 30 days up to it. */
  activeMembers: number;
  active7: number;
  active30: number;
  /** Active members at the end of the day. */
  members: number;
  newMembers: number;
  leavers: number;
  discussions: number;
  replies: number;
  messages: number;
  helpOpened: number;
  helpAnswered: number;
  helpResolved: number;
  /** JSON array of minutes to the first answer (requests first answered that day). */
  answerMinutes: string;
  eventsHeld: number;
  attendance: number;
  /** As of the roll-up: members who accepted the current agreement (all when there is none), drifting members. */
  accepted: number;
  drifting: number;
  /**
   * The instant up to which what was created, joined, answered or resolved was counted (null: the
   * whole day). A roll-up of today counts up to when it ran; the dashboard adds what came after.
   */
  countedUntil: string | null;
}
export type HealthDailyRow = Selectable<HealthDailyTable>;

/** A member was active in a network on a day. */
export interface HealthActiveDaysTable {
  networkId: string;
  day: string;
  userId: string;
}

/** The last day a member was active in a network. */
export interface HealthMembersTable {
  networkId: string;
  userId: string;
  lastActiveOn: string;
}

/** Which days were rolled up, and when. */
export interface HealthRollupsTable {
  day: string;
  rolledAt: string;
}

/** One row (id 1): moved on by every roll-up, so that dashboards know their cached daily rows are old. */
export interface HealthGenerationTable {
  id: number;
  generation: number;
}

/**
 * How many memberships of a network have not ended, kept by triggers on memberships (every insert,
 * end, rejoin and delete, whichever code or cascade makes it): the dashboard's "members now"
 * without counting the network's memberships at each request. No row: none.
 */
export interface NetworkMemberCountsTable {
  networkId: string;
  members: number;
}

/** This module's columns on networks (added by its migration): the early-warning thresholds. */
export interface HealthNetworkColumns {
  healthUnansweredHours: Generated<number>;
  healthEventGapWeeks: Generated<number>;
  healthMetaInactiveDays: Generated<number>;
  healthAgreementPercent: Generated<number>;
  healthFallingWeeks: Generated<number>;
}
