import { describe, expect, it } from 'vitest';
import { MATRIX_ACTORS } from '../permissions.expected.ts';
import { isSafeResourceUrl } from '../resources.ts';
import { canEditResources, canManageResources, isEditConflict, resourceViewerOf } from './resources.ts';

describe('resource policies', () => {
  const open = { resourcesStaffOnly: false };
  const staffOnly = { resourcesStaffOnly: true };
  const viewer = (actor: keyof typeof MATRIX_ACTORS, network = open) =>
    resourceViewerOf(MATRIX_ACTORS[actor], 'private', network, 'u1');

  it('lets members edit unless the network keeps editing to its staff', () => {
    expect(canEditResources(viewer('mentor'))).toBe(true);
    expect(canEditResources(viewer('mentor', staffOnly))).toBe(false);
    expect(canEditResources(viewer('office', staffOnly))).toBe(true);
    expect(canEditResources(viewer('meta_mentor', staffOnly))).toBe(true);
    expect(canEditResources(viewer('pending_mentor'))).toBe(false);
    expect(canEditResources(viewer('platform_admin'))).toBe(false);
  });

  it('keeps deleting, reverting and "start here" to the meta-mentor and office', () => {
    expect(canManageResources(viewer('meta_mentor'))).toBe(true);
    expect(canManageResources(viewer('office'))).toBe(true);
    expect(canManageResources(viewer('mentor'))).toBe(false);
    expect(canManageResources(viewer('org_admin'))).toBe(false);
  });

  it('calls a save from an older revision a conflict', () => {
    expect(isEditConflict(3, 3)).toBe(false);
    expect(isEditConflict(2, 3)).toBe(true);
  });

  it('accepts only absolute http(s) links', () => {
    expect(isSafeResourceUrl('https://example.org/a?b=1')).toBe(true);
    expect(isSafeResourceUrl('http://example.org')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '/relative',
      'ftp://x.org',
    ])
      expect(isSafeResourceUrl(bad)).toBe(false);
  });
});
