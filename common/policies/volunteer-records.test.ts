import { describe, expect, it } from 'vitest';
import { MATRIX_ACTORS } from '../permissions.expected.ts';
import { canManageVolunteerRecord, canSeeVolunteerRecord } from './volunteer-records.ts';

describe('volunteer records', () => {
  it('are seen by the meta-mentors and office, and by the member themself', () => {
    const { mentor, office, meta_mentor, org_admin, platform_admin } = MATRIX_ACTORS;
    expect(canSeeVolunteerRecord(mentor, 'u1', 'u1')).toBe(true);
    expect(canSeeVolunteerRecord(mentor, 'u1', 'u2')).toBe(false);
    expect(canSeeVolunteerRecord(office, 'u1', 'u2')).toBe(true);
    expect(canSeeVolunteerRecord(meta_mentor, 'u1', 'u2')).toBe(true);
    expect(canSeeVolunteerRecord(org_admin, 'u1', 'u2')).toBe(false);
    expect(canSeeVolunteerRecord(platform_admin, 'u1', 'u2')).toBe(false);
    expect([mentor, office, meta_mentor, org_admin].map(canManageVolunteerRecord)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
