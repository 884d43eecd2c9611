import { describe, expect, it } from 'vitest';
import { PROFILE_VISIBILITIES } from '../contracts/profiles.ts';
import {
  canViewProfile,
  needsNetworkCheck,
  type ProfileViewer,
  profileViewerOf,
  sharesAcceptedNetwork,
} from './profiles.ts';
import type { NetworkStanding } from './standing.ts';

const nobody: ProfileViewer = {
  signedIn: false,
  isSelf: false,
  platformAdmin: false,
  sharesAcceptedNetwork: false,
};
const viewers: Record<string, ProfileViewer> = {
  signedOut: nobody,
  stranger: { ...nobody, signedIn: true },
  networkColleague: { ...nobody, signedIn: true, sharesAcceptedNetwork: true },
  self: { ...nobody, signedIn: true, isSelf: true },
  platformAdmin: { ...nobody, signedIn: true, platformAdmin: true },
};
const allowed: Record<string, Record<(typeof PROFILE_VISIBILITIES)[number], boolean>> = {
  signedOut: { public: true, platform: false, network: false },
  stranger: { public: true, platform: true, network: false },
  networkColleague: { public: true, platform: true, network: true },
  self: { public: true, platform: true, network: true },
  platformAdmin: { public: true, platform: true, network: true },
};

describe('profile visibility', () => {
  for (const [who, viewer] of Object.entries(viewers)) {
    for (const visibility of PROFILE_VISIBILITIES) {
      it(`${who} × ${visibility}`, () => {
        expect(canViewProfile(viewer, visibility)).toBe(allowed[who]?.[visibility]);
      });
    }
  }

  it('looks up shared networks only when the answer depends on them', () => {
    const { sharesAcceptedNetwork: _, ...stranger } = viewers.stranger as ProfileViewer;
    expect(needsNetworkCheck(stranger, 'network')).toBe(true);
    expect(needsNetworkCheck(stranger, 'platform')).toBe(false);
    expect(needsNetworkCheck({ ...stranger, isSelf: true }, 'network')).toBe(false);
    expect(needsNetworkCheck({ ...stranger, signedIn: false }, 'network')).toBe(false);
  });
});

describe('who looks at a profile', () => {
  it('tells the owner, a platform admin and a visitor apart', () => {
    expect(profileViewerOf(null, 'u1')).toEqual({ signedIn: false, isSelf: false, platformAdmin: false });
    expect(profileViewerOf({ id: 'u1', platformAdmin: false }, 'u1')).toMatchObject({ isSelf: true });
    expect(profileViewerOf({ id: 'u2', platformAdmin: true }, 'u1')).toEqual({
      signedIn: true,
      isSelf: false,
      platformAdmin: true,
    });
  });
});

describe('sharing an accepted network', () => {
  const standing = (networkId: string, acceptedCurrent: boolean): NetworkStanding => ({
    networkId,
    role: 'mentor',
    level: 'beginner',
    acceptedCurrent,
    visibility: 'private',
  });

  it('needs the viewer to take part in a network the owner is in', () => {
    expect(sharesAcceptedNetwork([standing('n1', true)], [standing('n1', false)])).toBe(true);
    expect(sharesAcceptedNetwork([standing('n1', false)], [standing('n1', true)])).toBe(false);
    expect(sharesAcceptedNetwork([standing('n1', true)], [standing('n2', true)])).toBe(false);
    expect(
      sharesAcceptedNetwork([standing('n1', false), standing('n2', true)], [standing('n2', false)]),
    ).toBe(true);
    expect(sharesAcceptedNetwork([], [standing('n1', true)])).toBe(false);
  });
});
