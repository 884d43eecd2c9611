import { describe, expect, it } from 'vitest';
import { ACTOR_ORDER, EXPECTED_PUBLIC, expectedAllowed, MATRIX_ACTORS } from './permissions.expected.ts';
import {
  canInNetwork,
  canInOrganisation,
  canSeeNetwork,
  isListedFor,
  NETWORK_ACTIONS,
  ORGANISATION_ACTIONS,
  type OrganisationAction,
  VISIBILITIES,
} from './permissions.ts';

describe('network permission matrix', () => {
  for (const visibility of ['public', 'unlisted', 'private'] as const) {
    for (const action of NETWORK_ACTIONS) {
      it(`${visibility} · ${action}`, () => {
        const actual = ACTOR_ORDER.map((a) =>
          canInNetwork(MATRIX_ACTORS[a], action, visibility) ? 'Y' : '-',
        ).join('');
        const want = ACTOR_ORDER.map((a) => (expectedAllowed(action, a, visibility) ? 'Y' : '-')).join('');
        expect(actual).toBe(want);
      });
    }
  }

  it('covers every action', () => {
    expect(Object.keys(EXPECTED_PUBLIC).sort()).toEqual([...NETWORK_ACTIONS].sort());
  });
});

describe('network visibility', () => {
  // One letter per actor in ACTOR_ORDER: visitor, non-member, the five members, org admin, platform admin.
  const SEES = { public: 'YYYYYYYYY', unlisted: 'YYYYYYYYY', private: '--YYYYYYY' };
  const LISTED = { public: 'YYYYYYYYY', unlisted: '--YYYYYYY', private: '--YYYYYYY' };
  for (const visibility of VISIBILITIES) {
    it(visibility, () => {
      const row = (rule: typeof canSeeNetwork) =>
        ACTOR_ORDER.map((a) => (rule(MATRIX_ACTORS[a], visibility) ? 'Y' : '-')).join('');
      // Unlisted networks open by link for everyone but show up in lists only for those inside.
      expect(row(canSeeNetwork)).toBe(SEES[visibility]);
      expect(row(isListedFor)).toBe(LISTED[visibility]);
    });
  }
});

describe('organisation permission matrix', () => {
  const orgActors = {
    visitor: { signedIn: false, platformAdmin: false, orgAdmin: false },
    user: { signedIn: true, platformAdmin: false, orgAdmin: false },
    org_admin: { signedIn: true, platformAdmin: false, orgAdmin: true },
    platform_admin: { signedIn: true, platformAdmin: true, orgAdmin: false },
  };
  const MATRIX: Record<OrganisationAction, string> = {
    'organisation.create': '-YYY',
    'organisation.edit': '--YY',
    'organisation.admins.manage': '--YY',
    'organisation.verify': '---Y',
    'network.found': '--YY',
    'network.join_request': '--YY',
    'organisation.health.view': '--YY',
    'organisation.reports.view': '--YY',
  };
  for (const action of ORGANISATION_ACTIONS) {
    it(action, () => {
      const actual = Object.values(orgActors)
        .map((a) => (canInOrganisation(a, action) ? 'Y' : '-'))
        .join('');
      expect(actual).toBe(MATRIX[action]);
    });
  }
});
