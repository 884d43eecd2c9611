import { describe, expect, it } from 'vitest';
import { mayReviewReport } from './moderation.ts';
import { canMessageEachOther, isStoppedBySuspension, isSuspended, type NetworkStanding } from './standing.ts';

describe('who reviews a report', () => {
  const meta = { platformAdmin: false, networkIds: ['n1'] };
  it('gives a network’s content reports to its meta-mentors, everything to platform admins', () => {
    expect(mayReviewReport(meta, { kind: 'post', networkId: 'n1' })).toBe(true);
    expect(mayReviewReport(meta, { kind: 'resource', networkId: 'n2' })).toBe(false);
    expect(mayReviewReport(meta, { kind: 'message', networkId: null })).toBe(false);
    expect(mayReviewReport(meta, { kind: 'profile', networkId: null })).toBe(false);
    const admin = { platformAdmin: true, networkIds: [] };
    expect(mayReviewReport(admin, { kind: 'message', networkId: null })).toBe(true);
    expect(mayReviewReport(admin, { kind: 'topic', networkId: 'n9' })).toBe(true);
  });
});

describe('suspension from a network', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const until = { suspendedUntil: '2026-12-08T12:00:00Z' };
  it('stops writing and messaging until its end, never reading', () => {
    expect(isSuspended(until, now)).toBe(true);
    expect(isSuspended({ suspendedUntil: '2026-12-06T12:00:00Z' }, now)).toBe(false);
    expect(isSuspended({ suspendedUntil: null }, now)).toBe(false);
    expect(isStoppedBySuspension(until, 'discussions.write', now)).toBe(true);
    expect(isStoppedBySuspension(until, 'messages.send', now)).toBe(true);
    expect(isStoppedBySuspension(until, 'discussions.read', now)).toBe(false);
    expect(isStoppedBySuspension({ suspendedUntil: null }, 'discussions.write', now)).toBe(false);
  });

  it('leaves no shared network to message in when the only one is suspended', () => {
    const base: NetworkStanding = {
      networkId: 'n1',
      role: 'mentor',
      level: 'beginner',
      acceptedCurrent: true,
      visibility: 'private',
    };
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(canMessageEachOther([base], [base])).toBe(true);
    expect(canMessageEachOther([{ ...base, suspendedUntil: future }], [base])).toBe(false);
    expect(canMessageEachOther([base], [{ ...base, suspendedUntil: future }])).toBe(false);
  });
});
