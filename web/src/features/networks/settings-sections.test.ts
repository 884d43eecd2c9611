import { describe, expect, it } from 'vitest';
import {
  canInNetwork,
  NETWORK_ACTIONS,
  type NetworkActor,
  type NetworkRole,
} from '../../../../common/permissions.ts';
import { settingsSectionsFor } from './settings-sections.ts';

/** What the server tells the web app a viewer may do (the policy's answer for every action). */
function permissionsOf(actor: Partial<NetworkActor>) {
  const full: NetworkActor = {
    signedIn: true,
    platformAdmin: false,
    orgAdmin: false,
    role: null,
    acceptedCurrent: true,
    ...actor,
  };
  return NETWORK_ACTIONS.filter((action) => canInNetwork(full, action, 'private'));
}

const sectionsOf = (actor: Partial<NetworkActor>) => [...settingsSectionsFor(permissionsOf(actor))].sort();
const member = (role: NetworkRole) => sectionsOf({ role });

describe('network settings sections', () => {
  it('give the office the retention of volunteer records and who edits resources, and nothing else', () => {
    expect(member('office')).toEqual(['resources', 'retention']);
  });

  it('give the meta-mentor every section', () => {
    expect(member('meta_mentor')).toEqual([
      'details',
      'events',
      'metaMentors',
      'organisations',
      'resources',
      'retention',
      'welcome',
    ]);
  });

  it('give the founding organisation’s admins the network but not the records of its volunteers', () => {
    expect(sectionsOf({ orgAdmin: true })).toEqual([
      'details',
      'events',
      'metaMentors',
      'organisations',
      'welcome',
    ]);
  });

  it('give a mentor, and an office member held at the agreement, no settings page at all', () => {
    expect(member('mentor')).toEqual([]);
    expect(sectionsOf({ role: 'office', acceptedCurrent: false })).toEqual([]);
  });
});
