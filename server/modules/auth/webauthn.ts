import type { AuthenticatorTransportFuture } from '@simplewebauthn/server';
import { PASSKEY_CHALLENGE_TTL_MINUTES } from '../../../common/auth.ts';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { isoIn, isoNow, MINUTE } from '../../lib/time.ts';
import { insertChallenge, takeChallenge } from './passkeys.repository.ts';
import type { ChallengePurpose, PasskeyRow } from './passkeys.table.ts';

/** The name passkey managers show next to the account. */
export const RP_NAME = 'mentorNET';

/** The relying party is the platform's public address: its host names the passkeys, its origin signs. */
export function relyingParty(config: Config): { rpID: string; origin: string } {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/** Keeps the challenge of options just handed out, for one use within a few minutes. */
export async function keepChallenge(
  ctx: AppContext,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
): Promise<void> {
  await insertChallenge(ctx.database.db, {
    challenge,
    purpose,
    userId,
    expiresAt: isoIn(PASSKEY_CHALLENGE_TTL_MINUTES * MINUTE),
    createdAt: isoNow(),
  });
}

/** The verifier's test of a challenge: it must be ours, unexpired, for this ceremony, and is used up by it. */
export function challengeTaker(ctx: AppContext, purpose: ChallengePurpose, userId: string | null) {
  return async (challenge: string) =>
    (await takeChallenge(ctx.database.db, challenge, purpose, userId, isoNow())) !== undefined;
}

/** The transports the authenticator named when the passkey was added. */
export const transportsOf = (row: PasskeyRow) => JSON.parse(row.transports) as AuthenticatorTransportFuture[];
