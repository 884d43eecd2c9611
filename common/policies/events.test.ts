import { describe, expect, it } from 'vitest';
import { MATRIX_ACTORS } from '../permissions.expected.ts';
import {
  canCreateEvent,
  canEditEvent,
  canManageAttendance,
  canRecordAttendance,
  canRsvp,
  eventViewerOf,
  placesToFill,
  waitsForPlace,
} from './events.ts';

describe('event policies', () => {
  it('lets staff create events, mentors only where the network allows it, outsiders never', () => {
    const closed = { membersCreateEvents: false };
    const open = { membersCreateEvents: true };
    expect(canCreateEvent(MATRIX_ACTORS.meta_mentor, 'private', closed)).toBe(true);
    expect(canCreateEvent(MATRIX_ACTORS.office, 'private', closed)).toBe(true);
    expect(canCreateEvent(MATRIX_ACTORS.mentor, 'private', closed)).toBe(false);
    expect(canCreateEvent(MATRIX_ACTORS.mentor, 'private', open)).toBe(true);
    expect(canCreateEvent(MATRIX_ACTORS.pending_mentor, 'private', open)).toBe(false);
    expect(canCreateEvent(MATRIX_ACTORS.org_admin, 'public', open)).toBe(false);
    expect(canCreateEvent(MATRIX_ACTORS.non_member, 'public', open)).toBe(false);
  });

  it('lets organisers and staff edit an event, and only staff manage attendance', () => {
    const mentor = eventViewerOf(MATRIX_ACTORS.mentor, 'public', 'u-mentor');
    const office = eventViewerOf(MATRIX_ACTORS.office, 'public', 'u-office');
    expect(canEditEvent(mentor, { organiserIds: ['u-mentor'] })).toBe(true);
    expect(canEditEvent(mentor, { organiserIds: ['u-other'] })).toBe(false);
    expect(canEditEvent(office, { organiserIds: ['u-other'] })).toBe(true);
    // A co-organiser (not the creator) edits it as much as the first organiser.
    expect(canEditEvent(mentor, { organiserIds: ['u-creator', 'u-mentor'] })).toBe(true);
    const pending = eventViewerOf(MATRIX_ACTORS.pending_mentor, 'public', 'u-pending');
    expect(canEditEvent(pending, { organiserIds: ['u-creator'] })).toBe(false);
    expect(canManageAttendance(mentor)).toBe(false);
    expect(canManageAttendance(office)).toBe(true);
  });

  it('takes answers until the last occurrence is over, never for a cancelled event', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(canRsvp({ status: 'scheduled', lastEndsAt: null }, now)).toBe(true);
    expect(canRsvp({ status: 'scheduled', lastEndsAt: '2026-03-01T13:00:00Z' }, now)).toBe(true);
    expect(canRsvp({ status: 'scheduled', lastEndsAt: '2026-03-01T11:00:00Z' }, now)).toBe(false);
    expect(canRsvp({ status: 'cancelled', lastEndsAt: null }, now)).toBe(false);
    expect(canRecordAttendance('2026-03-01T11:59:00Z', now)).toBe(true);
    expect(canRecordAttendance('2026-03-01T12:01:00Z', now)).toBe(false);
  });

  it('puts a yes on the waiting list when full, and fills freed places from it', () => {
    expect(waitsForPlace('yes', null, 100, false)).toBe(false);
    expect(waitsForPlace('yes', 2, 1, false)).toBe(false);
    expect(waitsForPlace('yes', 2, 2, false)).toBe(true);
    expect(waitsForPlace('yes', 2, 2, true)).toBe(false);
    expect(waitsForPlace('maybe', 2, 5, false)).toBe(false);
    expect(placesToFill(3, 1, 5)).toBe(2);
    expect(placesToFill(3, 3, 5)).toBe(0);
    expect(placesToFill(3, 1, 1)).toBe(1);
    expect(placesToFill(null, 10, 4)).toBe(4);
  });
});
