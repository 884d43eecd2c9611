import { isMetaMentor } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { createInvitation } from '../invitations/index.ts';
import { findMembership, type NetworkRow } from '../networks/index.ts';
import { findUserByEmail, type UserRow } from '../users/index.ts';
import { addMember, changeMember } from './members.service.ts';

/**
 * Names a meta-mentor by e-mail: an existing account joins as one (or a member is promoted);
 * an unknown address gets an e-mail invitation with the meta-mentor role.
 */
export async function appointMetaMentor(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  email: string,
): Promise<'appointed' | 'invited'> {
  const user = await findUserByEmail(ctx, email);
  if (!user) {
    await createInvitation(ctx, network, actor, { kind: 'email', email, role: 'meta_mentor' });
    return 'invited';
  }
  const membership = await findMembership(ctx, network.id, user.id);
  if (membership?.status === 'active') {
    if (isMetaMentor(membership)) throw new AppError('ALREADY_MEMBER', 409);
    await changeMember(ctx, network, actor.id, user.id, { role: 'meta_mentor' });
    return 'appointed';
  }
  await addMember(ctx, {
    network,
    userId: user.id,
    role: 'meta_mentor',
    actorId: actor.id,
    via: 'appointment',
  });
  return 'appointed';
}
