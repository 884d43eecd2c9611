import { describe, expect, it } from 'vitest';
import { BUDDY_PAIR_STATUSES, type BuddyPairStatus } from '../buddies.ts';
import { MATRIX_ACTORS } from '../permissions.expected.ts';
import {
  buddyManagerRoles,
  buddyViewerOf,
  canAnswerPair,
  canAskAsBuddy,
  canBePairedAsBeginner,
  canBePairedAsMentor,
  canEndPair,
  canRequestPairFor,
  canViewPair,
  canWithdrawPair,
  isForHomePage,
  isInPairingOf,
  isOpenPair,
  isStaffAct,
  managesBuddies,
  needsMentorNamed,
  otherOfPair,
  type PairFacts,
} from './buddies.ts';
import type { NetworkStanding } from './standing.ts';

const beginner = { userId: 'b', manages: false };
const mentor = { userId: 'm', manages: false };
const stranger = { userId: 's', manages: false };
const staff = { userId: 'x', manages: true };
const nobody = { userId: '', manages: false };

const pair = (status: BuddyPairStatus, mentorId: string | null = 'm'): PairFacts => ({
  status,
  beginnerId: 'b',
  mentorId,
});

/** For each status, one letter per viewer (beginner, mentor, stranger, staff): Y allowed, - not. */
function row(rule: (v: typeof beginner, p: PairFacts) => boolean, mentorId: string | null = 'm') {
  return Object.fromEntries(
    BUDDY_PAIR_STATUSES.map((s) => [
      s,
      [beginner, mentor, stranger, staff].map((v) => (rule(v, pair(s, mentorId)) ? 'Y' : '-')).join(''),
    ]),
  );
}

describe('buddy pairing rules', () => {
  it('shows a pairing to its two people and to the meta-mentor or office, in every state', () => {
    for (const line of Object.values(row(canViewPair))) expect(line).toBe('YY-Y');
    // A request names nobody yet: the beginner and staff see it.
    for (const line of Object.values(row(canViewPair, null))) expect(line).toBe('Y--Y');
    expect(canViewPair(nobody, pair('active'))).toBe(false);
  });

  it('lets only the named experienced mentor answer, and only a proposal', () => {
    expect(row(canAnswerPair)).toEqual({
      requested: '----',
      proposed: '-Y--',
      active: '----',
      declined: '----',
      withdrawn: '----',
      ended: '----',
    });
  });

  it('lets either buddy or the meta-mentor or office end an active pairing', () => {
    expect(row(canEndPair)).toEqual({
      requested: '----',
      proposed: '----',
      active: 'YY-Y',
      declined: '----',
      withdrawn: '----',
      ended: '----',
    });
  });

  it('lets the beginner or the meta-mentor or office withdraw what has no answer yet', () => {
    expect(row(canWithdrawPair)).toEqual({
      requested: 'Y--Y',
      proposed: 'Y--Y',
      active: '----',
      declined: '----',
      withdrawn: '----',
      ended: '----',
    });
    expect(row(canWithdrawPair, null).requested).toBe('Y--Y');
  });

  it('lets a beginner ask for themselves and the meta-mentor or office propose for anyone', () => {
    expect(canRequestPairFor(beginner, 'b')).toBe(true);
    expect(canRequestPairFor(mentor, 'b')).toBe(false);
    expect(canRequestPairFor(staff, 'b')).toBe(true);
    expect(canRequestPairFor(nobody, '')).toBe(false);
    expect(needsMentorNamed(beginner, 'b')).toBe(false);
    expect(needsMentorNamed(staff, 'b')).toBe(true);
  });

  it('lets a beginner ask by name an experienced mentor open to being a buddy, while nothing is proposed yet', () => {
    const me = { userId: 'b', role: 'mentor', level: 'beginner' } as const;
    const open = { userId: 'm', role: 'mentor', level: 'experienced', openToBuddy: true } as const;
    expect(canAskAsBuddy(me, open, undefined)).toBe(true);
    expect(canAskAsBuddy(me, open, { status: 'requested' })).toBe(true);
    expect(canAskAsBuddy(me, open, { status: 'proposed' })).toBe(false);
    expect(canAskAsBuddy(me, open, { status: 'active' })).toBe(false);
    expect(canAskAsBuddy(me, { ...open, openToBuddy: false }, undefined)).toBe(false);
    expect(canAskAsBuddy(me, { ...open, level: 'beginner' }, undefined)).toBe(false);
    expect(canAskAsBuddy(me, { ...open, role: 'meta_mentor', level: null }, undefined)).toBe(false);
    expect(canAskAsBuddy({ ...me, level: 'experienced' }, { ...open, userId: 'm2' }, undefined)).toBe(false);
    expect(canAskAsBuddy({ ...me, role: 'office', level: null }, open, undefined)).toBe(false);
    expect(canAskAsBuddy({ ...me, userId: '' }, open, undefined)).toBe(false);
    expect(canAskAsBuddy({ ...me, userId: 'm', level: 'experienced' }, open, undefined)).toBe(false);
  });

  it('counts acts of the meta-mentor or office on pairings of others as staff acts', () => {
    expect(isStaffAct(staff, pair('active'))).toBe(true);
    expect(isStaffAct(beginner, pair('active'))).toBe(false);
    expect(isStaffAct({ userId: 'm', manages: true }, pair('active'))).toBe(false);
  });

  it('suggests nobody already in the beginner’s pairing', () => {
    expect(isInPairingOf('b', 'b', undefined)).toBe(true);
    expect(isInPairingOf('m', 'b', { mentorId: 'm' })).toBe(true);
    expect(isInPairingOf('x', 'b', { mentorId: 'm' })).toBe(false);
    expect(isInPairingOf('x', 'b', { mentorId: null })).toBe(false);
  });

  it('knows open pairings, the other person and what the home page shows', () => {
    expect(BUDDY_PAIR_STATUSES.filter(isOpenPair)).toEqual(['requested', 'proposed', 'active']);
    expect(otherOfPair('b', pair('active'))).toBe('m');
    expect(otherOfPair('m', pair('active'))).toBe('b');
    expect(otherOfPair('b', pair('requested', null))).toBeNull();
    expect(BUDDY_PAIR_STATUSES.filter((s) => isForHomePage('m', pair(s)))).toEqual(['proposed', 'active']);
    expect(BUDDY_PAIR_STATUSES.filter((s) => isForHomePage('b', pair(s)))).toEqual(['active']);
  });
});

describe('who can be paired', () => {
  const standing = (overrides: Partial<NetworkStanding> = {}): NetworkStanding => ({
    networkId: 'n1',
    role: 'mentor',
    level: 'beginner',
    acceptedCurrent: true,
    visibility: 'private',
    ...overrides,
  });

  it('pairs beginner mentors with experienced mentors who took part', () => {
    expect(canBePairedAsBeginner(standing())).toBe(true);
    expect(canBePairedAsMentor(standing())).toBe(false);
    expect(canBePairedAsMentor(standing({ level: 'experienced' }))).toBe(true);
    expect(canBePairedAsBeginner(standing({ level: 'experienced' }))).toBe(false);
  });

  it('pairs nobody who has not accepted the current agreement, no staff role and no stranger', () => {
    expect(canBePairedAsBeginner(standing({ acceptedCurrent: false }))).toBe(false);
    expect(canBePairedAsMentor(standing({ level: 'experienced', acceptedCurrent: false }))).toBe(false);
    for (const role of ['meta_mentor', 'office'] as const) {
      expect(canBePairedAsBeginner(standing({ role }))).toBe(false);
      expect(canBePairedAsMentor(standing({ role, level: 'experienced' }))).toBe(false);
    }
    expect(canBePairedAsBeginner(undefined)).toBe(false);
    expect(canBePairedAsMentor(undefined)).toBe(false);
  });

  it('names the roles that manage buddy pairing, and members who manage it where they took part', () => {
    expect(buddyManagerRoles()).toEqual(['meta_mentor', 'office']);
    expect(managesBuddies(standing({ role: 'office' }))).toBe(true);
    expect(managesBuddies(standing({ role: 'meta_mentor', acceptedCurrent: false }))).toBe(false);
    expect(managesBuddies(standing())).toBe(false);
  });

  it('lets the meta-mentor and office manage, nobody else', () => {
    const manages = Object.entries(MATRIX_ACTORS)
      .filter(([, actor]) => buddyViewerOf(actor, 'public', 'u').manages)
      .map(([name]) => name);
    expect(manages).toEqual(['office', 'meta_mentor']);
  });
});
