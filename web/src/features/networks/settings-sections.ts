import type { NetworkAction } from '../../../../common/permissions.ts';

/**
 * The sections of a network's settings page and the action each needs. The policy in
 * common/permissions.ts decides who holds the action: the meta-mentors and admins change the
 * network; the office changes how long volunteer records are kept and whether only staff edit
 * resources, so the office sees the page with those two sections.
 */
export const SETTINGS_SECTIONS = {
  metaMentors: 'members.change_role',
  organisations: 'network.organisations.manage',
  details: 'network.edit',
  welcome: 'network.edit',
  events: 'network.edit',
  resources: 'resources.manage',
  retention: 'records.settings',
} as const satisfies Record<string, NetworkAction>;

export type SettingsSection = keyof typeof SETTINGS_SECTIONS;

/** The settings sections a viewer holding these permissions may change (none: no settings page). */
export function settingsSectionsFor(permissions: readonly NetworkAction[]): Set<SettingsSection> {
  const held = new Set(permissions);
  return new Set(
    (Object.entries(SETTINGS_SECTIONS) as [SettingsSection, NetworkAction][])
      .filter(([, action]) => held.has(action))
      .map(([section]) => section),
  );
}
