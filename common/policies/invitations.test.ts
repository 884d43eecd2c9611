import { describe, expect, it } from 'vitest';
import { NETWORK_ROLES, type NetworkActor } from '../permissions.ts';
import { canInviteAs, canUseInvitation } from './invitations.ts';

const member = (role: NetworkActor['role']): NetworkActor => ({
  signedIn: true,
  platformAdmin: false,
  orgAdmin: false,
  role,
  acceptedCurrent: true,
});

describe('canInviteAs', () => {
  it('lets those who change roles hand out every role', () => {
    const inviters = [member('meta_mentor'), { ...member(null), orgAdmin: true }];
    for (const inviter of inviters) {
      for (const role of NETWORK_ROLES) expect(canInviteAs(inviter, role, 'private')).toBe(true);
    }
  });

  it('keeps the meta-mentor role from office staff', () => {
    expect(canInviteAs(member('office'), 'mentor', 'public')).toBe(true);
    expect(canInviteAs(member('office'), 'office', 'public')).toBe(true);
    expect(canInviteAs(member('office'), 'meta_mentor', 'public')).toBe(false);
  });
});

describe('canUseInvitation', () => {
  it('gives a link to whoever holds it and an e-mail invitation to its address only', () => {
    const account = { email: 'ana@example.org' };
    expect(canUseInvitation({ kind: 'link', email: null }, account)).toBe(true);
    expect(canUseInvitation({ kind: 'email', email: 'ana@example.org' }, account)).toBe(true);
    expect(canUseInvitation({ kind: 'email', email: 'bo@example.org' }, account)).toBe(false);
  });
});
