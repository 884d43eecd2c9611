import { describe, expect, it } from 'vitest';
import { PROFILE_VISIBILITIES } from '../contracts/profiles.ts';
import { canViewProfile, needsNetworkCheck, type ProfileViewer } from './profiles.ts';

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
