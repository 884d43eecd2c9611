import {
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type {
  PasskeyCreationOptions,
  PasskeyInfo,
  PasskeyRegistrationBody,
  PasskeyRegistrationStartBody,
  RemovePasskeyBody,
} from '../../../common/contracts/passkeys.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { revokeOtherSessions, type SessionContext } from '../../platform/sessions/index.ts';
import { assertCurrentPassword } from './auth.service.ts';
import {
  deletePasskey,
  findUserPasskey,
  insertPasskey,
  listPasskeys,
  renamePasskey,
} from './passkeys.repository.ts';
import { mailChange } from './two-factor.service.ts';
import { challengeTaker, keepChallenge, RP_NAME, relyingParty, transportsOf } from './webauthn.ts';

/** The account's passkeys, as its owner sees them. */
export async function listMyPasskeys(ctx: AppContext, userId: string): Promise<PasskeyInfo[]> {
  return (await listPasskeys(ctx.database.db, userId)).map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    backedUp: row.backedUp === 1,
  }));
}

/**
 * Starts adding a passkey, after the password again (a borrowed session must not add a lasting
 * way in): options that ask for a discoverable credential with user verification, excluding the
 * account's passkeys.
 */
export async function startPasskeyRegistration(
  ctx: AppContext,
  current: SessionContext,
  body: PasskeyRegistrationStartBody,
  deviceToken?: string,
): Promise<PasskeyCreationOptions> {
  await assertCurrentPassword(ctx, current, body.currentPassword, deviceToken, body.code);
  const { rpID } = relyingParty(ctx.config);
  const existing = await listPasskeys(ctx.database.db, current.user.id);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: current.user.email,
    userDisplayName: current.user.displayName,
    userID: new TextEncoder().encode(current.user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: transportsOf(row) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await keepChallenge(ctx, options.challenge, 'register', current.user.id);
  // The library's JSON type, which the contract describes loosely (its extra fields pass through).
  return options as PasskeyCreationOptions;
}

/** Adds the passkey the browser made for the options; other sessions end and the owner is told. */
export async function finishPasskeyRegistration(
  ctx: AppContext,
  current: SessionContext,
  body: PasskeyRegistrationBody,
): Promise<PasskeyInfo> {
  const userId = current.user.id;
  const { rpID, origin } = relyingParty(ctx.config);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: body.credential as unknown as RegistrationResponseJSON,
      expectedChallenge: challengeTaker(ctx, 'register', userId),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch {
    throw new AppError('PASSKEY_INVALID', 400);
  }
  if (!verified.verified) throw new AppError('PASSKEY_INVALID', 400);
  const info = verified.registrationInfo;
  const row = {
    id: newId(),
    userId,
    credentialId: info.credential.id,
    publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
    counter: info.credential.counter,
    transports: JSON.stringify(info.credential.transports ?? []),
    backedUp: info.credentialBackedUp ? 1 : 0,
    name: body.name,
    createdAt: isoNow(),
    lastUsedAt: null,
  };
  await withTransaction(ctx, async (tx) => {
    if (!(await insertPasskey(tx.database.db, row))) throw new AppError('PASSKEY_EXISTS', 409);
    await recordAudit(tx, {
      actorId: userId,
      subjectUserId: userId,
      action: 'account.passkey_added',
      details: { name: body.name },
    });
  });
  await revokeOtherSessions(ctx, current);
  await mailChange(ctx, current, 'passkey_added');
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: null,
    backedUp: row.backedUp === 1,
  };
}

/** Renames one of the account's passkeys. */
export async function renameMyPasskey(ctx: AppContext, userId: string, id: string, name: string) {
  if (!(await renamePasskey(ctx.database.db, userId, id, name))) throw new AppError('NOT_FOUND', 404);
}

/** Removes one of the account's passkeys after the password again; other sessions end, the owner is told. */
export async function removeMyPasskey(
  ctx: AppContext,
  current: SessionContext,
  id: string,
  body: RemovePasskeyBody,
  deviceToken?: string,
): Promise<void> {
  const userId = current.user.id;
  const passkey = await findUserPasskey(ctx.database.db, userId, id);
  if (!passkey) throw new AppError('NOT_FOUND', 404);
  await assertCurrentPassword(ctx, current, body.currentPassword, deviceToken, body.code);
  await withTransaction(ctx, async (tx) => {
    if (!(await deletePasskey(tx.database.db, userId, id))) throw new AppError('NOT_FOUND', 404);
    await recordAudit(tx, {
      actorId: userId,
      subjectUserId: userId,
      action: 'account.passkey_removed',
      details: { name: passkey.name },
    });
  });
  await revokeOtherSessions(ctx, current);
  await mailChange(ctx, current, 'passkey_removed');
}
