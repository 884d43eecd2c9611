import { describe, expect, it } from 'vitest';
import { NETWORK_ROLES, VISIBILITIES } from '../permissions.ts';
import {
  canMessageEachOther,
  isMetaMentor,
  levelForRole,
  memberActor,
  type NetworkStanding,
  takesPart,
} from './standing.ts';

const standing = (overrides: Partial<NetworkStanding> = {}): NetworkStanding => ({
  networkId: 'n1',
  role: 'mentor',
  level: 'beginner',
  acceptedCurrent: true,
  visibility: 'public',
  ...overrides,
});

describe('takesPart', () => {
  // Every role takes part in every kind of network, once the current agreement is accepted.
  for (const role of NETWORK_ROLES) {
    for (const visibility of VISIBILITIES) {
      it(`${role} in a ${visibility} network`, () => {
        expect(takesPart(standing({ role, visibility }))).toBe(true);
        expect(takesPart(standing({ role, visibility, acceptedCurrent: false }))).toBe(false);
      });
    }
  }

  it('sees a member as a member only, never with admin rights', () => {
    expect(memberActor(standing({ role: 'office', acceptedCurrent: false }))).toEqual({
      signedIn: true,
      platformAdmin: false,
      orgAdmin: false,
      role: 'office',
      acceptedCurrent: false,
    });
  });
});

describe('canMessageEachOther', () => {
  it('lets two members message when both accepted the agreement of a network they share', () => {
    expect(canMessageEachOther([standing()], [standing({ role: 'office' })])).toBe(true);
    for (const visibility of VISIBILITIES) {
      expect(canMessageEachOther([standing({ visibility })], [standing({ visibility })])).toBe(true);
    }
  });

  it('refuses when either side has not accepted the current agreement there', () => {
    expect(canMessageEachOther([standing({ acceptedCurrent: false })], [standing()])).toBe(false);
    expect(canMessageEachOther([standing()], [standing({ acceptedCurrent: false })])).toBe(false);
  });

  it('refuses people who share no network in which both accepted the agreement', () => {
    expect(canMessageEachOther([standing({ networkId: 'n1' })], [standing({ networkId: 'n2' })])).toBe(false);
    expect(canMessageEachOther([], [standing()])).toBe(false);
    expect(canMessageEachOther([standing()], [])).toBe(false);
    // Both accepted somewhere, but not in the same network.
    const mine = [standing({ networkId: 'n1' }), standing({ networkId: 'n2', acceptedCurrent: false })];
    const theirs = [standing({ networkId: 'n1', acceptedCurrent: false }), standing({ networkId: 'n2' })];
    expect(canMessageEachOther(mine, theirs)).toBe(false);
    // One shared network where both accepted is enough.
    expect(
      canMessageEachOther(
        [...mine, standing({ networkId: 'n3' })],
        [...theirs, standing({ networkId: 'n3' })],
      ),
    ).toBe(true);
  });
});

describe('levelForRole', () => {
  it('gives mentors a level: the one asked for, else the previous one, else beginner', () => {
    expect(levelForRole('mentor', 'experienced')).toBe('experienced');
    expect(levelForRole('mentor', undefined, 'experienced')).toBe('experienced');
    expect(levelForRole('mentor', null, 'experienced')).toBe('experienced');
    expect(levelForRole('mentor', undefined)).toBe('beginner');
  });

  it('gives other roles no level unless one is asked for', () => {
    expect(levelForRole('meta_mentor', undefined, 'experienced')).toBe(null);
    expect(levelForRole('office', null)).toBe(null);
    expect(levelForRole('office', 'beginner')).toBe('beginner');
  });
});

describe('isMetaMentor', () => {
  it('is true for the meta-mentor role only', () => {
    expect(NETWORK_ROLES.filter((role) => isMetaMentor({ role }))).toEqual(['meta_mentor']);
  });
});
