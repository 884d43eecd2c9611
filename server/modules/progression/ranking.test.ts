import { describe, expect, it } from 'vitest';
import { DAY } from '../../lib/time.ts';
import { isDrifting, mayNudgeAgain, missedTheWeek, suggestionOf } from './nudges.service.ts';
import { type MemberStats, rankSuccessors, suggestionFor } from './ranking.ts';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();

function member(overrides: Partial<MemberStats> = {}): MemberStats {
  return {
    userId: overrides.displayName ?? 'u',
    displayName: 'Someone',
    role: 'mentor',
    level: 'beginner',
    joinedAt: ago(10),
    helpGiven: 0,
    eventsAttended: 0,
    buddyCompleted: 0,
    buddiesMentored: 0,
    moocCompleted: false,
    lastActiveAt: null,
    ...overrides,
  };
}

describe('progression suggestions', () => {
  it('suggests a beginner for experienced only with two reasons or more', () => {
    expect(suggestionFor(member({ joinedAt: ago(200) }), NOW)).toBeNull();
    expect(suggestionFor(member({ joinedAt: ago(200), moocCompleted: true }), NOW)).toEqual({
      step: 'experienced',
      reasons: ['time_in_network', 'mooc_completed'],
    });
    expect(suggestionFor(member({ helpGiven: 3, eventsAttended: 3, buddyCompleted: 1 }), NOW)).toEqual({
      step: 'experienced',
      reasons: ['help_given', 'events_attended', 'buddy_completed'],
    });
    // Just under every threshold: nothing.
    expect(
      suggestionFor(member({ joinedAt: ago(179), helpGiven: 2, eventsAttended: 2, buddyCompleted: 0 }), NOW),
    ).toBeNull();
  });

  it('suggests an experienced mentor as meta-mentor candidate with three reasons', () => {
    const senior = member({ level: 'experienced', joinedAt: ago(400), helpGiven: 10 });
    expect(suggestionFor(senior, NOW)).toBeNull();
    expect(suggestionFor({ ...senior, buddiesMentored: 2 }, NOW)).toEqual({
      step: 'meta_mentor_candidate',
      reasons: ['long_standing', 'help_given', 'buddies_mentored'],
    });
  });

  it('suggests nothing to the meta-mentor or office', () => {
    const busy = { joinedAt: ago(900), helpGiven: 50, eventsAttended: 50, moocCompleted: true };
    expect(suggestionFor(member({ ...busy, role: 'office' }), NOW)).toBeNull();
    expect(suggestionFor(member({ ...busy, role: 'meta_mentor', level: null }), NOW)).toBeNull();
  });
});

describe('succession ranking', () => {
  it('puts a co-meta-mentor, then a confirmed candidate, then active experienced people first', () => {
    const ranked = rankSuccessors(
      [
        member({ displayName: 'quiet', joinedAt: ago(30) }),
        member({ displayName: 'office', role: 'office', level: null }),
        member({ displayName: 'active', level: 'experienced', lastActiveAt: ago(2), helpGiven: 4 }),
        member({ displayName: 'candidate', level: 'experienced' }),
        member({ displayName: 'co', role: 'meta_mentor', level: null }),
        member({ displayName: 'me', role: 'meta_mentor', level: null }),
      ],
      NOW,
      { excludeUserId: 'me', confirmedCandidates: new Set(['candidate']) },
    );
    expect(ranked.map((r) => r.stats.userId)).toEqual(['candidate', 'co', 'active', 'office']);
    expect(ranked[0]?.reasons).toEqual(['candidate_confirmed', 'experienced']);
    expect(ranked[2]?.reasons).toEqual(['experienced', 'recently_active', 'help_given']);
  });

  it('breaks ties by time in the network, then by name', () => {
    const ranked = rankSuccessors(
      [
        member({ userId: 'b', displayName: 'Bea', level: 'experienced', joinedAt: ago(20) }),
        member({ userId: 'a', displayName: 'Ada', level: 'experienced', joinedAt: ago(20) }),
        member({ userId: 'c', displayName: 'Cem', level: 'experienced', joinedAt: ago(40) }),
      ],
      NOW,
    );
    expect(ranked.map((r) => r.stats.userId)).toEqual(['c', 'a', 'b']);
  });
});

describe('nudge timing', () => {
  it('calls a member drifting when silent for 30 days after being active in the 60 before', () => {
    expect(isDrifting(ago(29), NOW)).toBe(false);
    expect(isDrifting(ago(30), NOW)).toBe(true);
    expect(isDrifting(ago(89), NOW)).toBe(true);
    expect(isDrifting(ago(90), NOW)).toBe(false);
    expect(isDrifting(null, NOW)).toBe(false);
  });

  it('nudges a person at most once in 30 days', () => {
    expect(mayNudgeAgain(null, NOW)).toBe(true);
    expect(mayNudgeAgain(ago(29), NOW)).toBe(false);
    expect(mayNudgeAgain(ago(30), NOW)).toBe(true);
    expect(mayNudgeAgain(ago(6), NOW, 7)).toBe(false);
    expect(mayNudgeAgain(ago(7), NOW, 7)).toBe(true);
  });

  it('counts a member who has not opened the app for a week (or never) as having missed it', () => {
    expect(missedTheWeek(ago(6), NOW)).toBe(false);
    expect(missedTheWeek(ago(7), NOW)).toBe(true);
    expect(missedTheWeek(null, NOW)).toBe(true);
  });

  it('suggests answering a waiting help request when there is one', () => {
    expect(suggestionOf(2)).toBe('answer_help');
    expect(suggestionOf(0)).toBe('read_news');
  });
});
