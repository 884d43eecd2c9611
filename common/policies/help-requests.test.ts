import { describe, expect, it } from 'vitest';
import {
  answersRequest,
  canEditHelpRequest,
  canOfferHelp,
  canRemoveHelpRequest,
  canReopenHelpRequest,
  canResolveHelpRequest,
  canRespondToHelpRequest,
  helpViewerOf,
  isOnLeave,
  statusWithoutResolution,
} from './help-requests.ts';

const member = { signedIn: true, platformAdmin: false, orgAdmin: false, acceptedCurrent: true } as const;
const requester = helpViewerOf({ ...member, role: 'mentor' }, 'private', 'u1');
const helper = helpViewerOf({ ...member, role: 'mentor' }, 'private', 'u2');
const meta = helpViewerOf({ ...member, role: 'meta_mentor' }, 'private', 'u3');
const admin = helpViewerOf({ ...member, role: null, orgAdmin: true }, 'private', 'u4');
const open = { requesterId: 'u1', status: 'open' } as const;
const resolved = { requesterId: 'u1', status: 'resolved' } as const;

describe('help request rules', () => {
  it('derives the viewer from the permission table: admins who are not members take no part', () => {
    expect(requester).toEqual({ userId: 'u1', helps: true, moderates: false });
    expect(meta.moderates).toBe(true);
    expect(admin).toMatchObject({ helps: false, moderates: false });
  });

  it('lets only the requester edit, while not resolved', () => {
    expect(canEditHelpRequest(requester, open)).toBe(true);
    expect(canEditHelpRequest(requester, resolved)).toBe(false);
    expect(canEditHelpRequest(helper, open)).toBe(false);
    expect(canEditHelpRequest(meta, open)).toBe(false);
  });

  it('lets helpers respond and others offer while not resolved', () => {
    expect(canRespondToHelpRequest(helper, open)).toBe(true);
    expect(canRespondToHelpRequest(requester, open)).toBe(true);
    expect(canRespondToHelpRequest(helper, resolved)).toBe(false);
    expect(canRespondToHelpRequest(admin, open)).toBe(false);
    expect(canOfferHelp(helper, open)).toBe(true);
    expect(canOfferHelp(requester, open)).toBe(false);
    expect(canOfferHelp(helper, resolved)).toBe(false);
  });

  it('lets the requester or the meta-mentor resolve and reopen, the meta-mentor remove', () => {
    expect(canResolveHelpRequest(requester, open)).toBe(true);
    expect(canResolveHelpRequest(meta, open)).toBe(true);
    expect(canResolveHelpRequest(helper, open)).toBe(false);
    expect(canResolveHelpRequest(requester, resolved)).toBe(false);
    expect(canReopenHelpRequest(requester, resolved)).toBe(true);
    expect(canReopenHelpRequest(meta, resolved)).toBe(true);
    expect(canReopenHelpRequest(helper, resolved)).toBe(false);
    expect(canReopenHelpRequest(requester, open)).toBe(false);
    expect(canRemoveHelpRequest(meta)).toBe(true);
    expect(canRemoveHelpRequest(requester)).toBe(false);
  });

  it('answers with someone else’s response, and reopens to answered or open', () => {
    expect(answersRequest('u2', open)).toBe(true);
    expect(answersRequest('u1', open)).toBe(false);
    expect(statusWithoutResolution(null)).toBe('open');
    expect(statusWithoutResolution('2026-01-01T00:00:00.000Z')).toBe('answered');
  });

  it('counts the last day of leave as leave', () => {
    expect(isOnLeave('2026-12-05', '2026-12-05')).toBe(true);
    expect(isOnLeave('2026-12-04', '2026-12-05')).toBe(false);
    expect(isOnLeave(null, '2026-12-05')).toBe(false);
  });
});
