import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server';
import type { SignInMethod } from '../../../common/auth.ts';
import type { PasskeyRequestOptions } from '../../../common/contracts/passkeys.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import type { RequestMeta } from '../../platform/sessions/index.ts';
import { findUserById } from '../users/index.ts';
import { RATE_RULES, type SignedIn } from './auth.service.ts';
import { finishSignIn } from './finish-sign-in.ts';
import { findPasskeyByCredential, listPasskeys, recordPasskeyUse } from './passkeys.repository.ts';
import type { ChallengePurpose, PasskeyRow } from './passkeys.table.ts';
import { consumeToken, findUsableToken } from './tokens.ts';
import { challengeTaker, keepChallenge, relyingParty, transportsOf } from './webauthn.ts';

/**
 * Checks an assertion against the passkey it names (of the given account, when one is expected)
 * and records the use; PASSKEY_INVALID for anything that does not verify, unknown passkeys included.
 */
async function verifyAssertion(
  ctx: AppContext,
  credential: AuthenticationResponseJSON,
  purpose: ChallengePurpose,
  userId: string | null,
): Promise<PasskeyRow> {
  const passkey = await findPasskeyByCredential(ctx.database.db, credential.id);
  if (!passkey || (userId !== null && passkey.userId !== userId)) throw new AppError('PASSKEY_INVALID', 400);
  const { rpID, origin } = relyingParty(ctx.config);
  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: challengeTaker(ctx, purpose, userId),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: transportsOf(passkey),
      },
      requireUserVerification: true,
    });
  } catch {
    throw new AppError('PASSKEY_INVALID', 400);
  }
  if (!result.verified) throw new AppError('PASSKEY_INVALID', 400);
  const used = await recordPasskeyUse(
    ctx.database.db,
    passkey.id,
    passkey.counter,
    result.authenticationInfo.newCounter,
    isoNow(),
  );
  if (!used) throw new AppError('PASSKEY_INVALID', 400);
  return passkey;
}

/** Options for a password-less sign-in: any discoverable passkey of this platform, verified by its owner. */
export async function startPasskeySignIn(ctx: AppContext, meta: RequestMeta): Promise<PasskeyRequestOptions> {
  await ctx.rateLimiter.hit(`login:ip:${meta.ip}`, RATE_RULES.loginPerIp);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx.config).rpID,
    userVerification: 'required',
  });
  await keepChallenge(ctx, options.challenge, 'sign_in', null);
  return options as PasskeyRequestOptions;
}

/** Signs in with a passkey alone: it is both factors (something held, verified by PIN or biometrics). */
export async function finishPasskeySignIn(
  ctx: AppContext,
  credential: AuthenticationResponseJSON,
  meta: RequestMeta,
): Promise<SignedIn> {
  await ctx.rateLimiter.hit(`login:ip:${meta.ip}`, RATE_RULES.loginPerIp);
  const passkey = await verifyAssertion(ctx, credential, 'sign_in', null);
  return finishSignIn(ctx, await findUserById(ctx, passkey.userId), meta, 'passkey');
}

/** Options for the second step of a sign-in: the account's own passkeys. */
export async function startPasskeySecondFactor(
  ctx: AppContext,
  pendingToken: string,
  meta: RequestMeta,
): Promise<PasskeyRequestOptions> {
  await ctx.rateLimiter.hit(`login:ip:${meta.ip}`, RATE_RULES.loginPerIp);
  const pending = await findUsableToken(ctx, pendingToken, 'second_factor');
  const passkeys = await listPasskeys(ctx.database.db, pending.userId);
  if (passkeys.length === 0) throw new AppError('PASSKEY_INVALID', 400);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx.config).rpID,
    userVerification: 'required',
    allowCredentials: passkeys.map((row) => ({ id: row.credentialId, transports: transportsOf(row) })),
  });
  await keepChallenge(ctx, options.challenge, 'second_factor', pending.userId);
  return options as PasskeyRequestOptions;
}

/** Finishes a sign-in that waits for its second factor with one of the account's passkeys. */
export async function finishPasskeySecondFactor(
  ctx: AppContext,
  pendingToken: string,
  credential: AuthenticationResponseJSON,
  meta: RequestMeta,
): Promise<SignedIn> {
  await ctx.rateLimiter.hit(`login:ip:${meta.ip}`, RATE_RULES.loginPerIp);
  const pending = await findUsableToken(ctx, pendingToken, 'second_factor');
  await verifyAssertion(ctx, credential, 'second_factor', pending.userId);
  await consumeToken(ctx, pending);
  const method: SignInMethod = 'password_passkey';
  return finishSignIn(ctx, await findUserById(ctx, pending.userId), meta, method);
}
