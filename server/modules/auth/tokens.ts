import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { isoIn, isoNow } from '../../lib/time.ts';
import { findUserToken, insertUserToken, markUserTokenUsed } from './auth.repository.ts';
import type { TokenPurpose, UserTokenRow } from './auth.table.ts';

/** Creates a single-use token for a user and returns the secret to put in a link. */
export async function issueUserToken(
  ctx: AppContext,
  userId: string,
  purpose: TokenPurpose,
  ttlMs: number,
): Promise<string> {
  const secret = newSecret();
  await insertUserToken(ctx.database.db, {
    id: newId(),
    userId,
    purpose,
    tokenHash: hashSecret(secret),
    expiresAt: isoIn(ttlMs),
    usedAt: null,
    createdAt: isoNow(),
  });
  return secret;
}

/** Finds a token that is still usable, or throws TOKEN_INVALID / TOKEN_USED / TOKEN_EXPIRED. */
export async function findUsableToken(
  ctx: AppContext,
  secret: string,
  purpose: TokenPurpose,
): Promise<UserTokenRow> {
  const token = await findUserToken(ctx.database.db, hashSecret(secret), purpose);
  if (!token) throw new AppError('TOKEN_INVALID', 400);
  if (token.usedAt) throw new AppError('TOKEN_USED', 409);
  if (token.expiresAt <= isoNow()) throw new AppError('TOKEN_EXPIRED', 410);
  return token;
}

/** Uses a token once; a second, concurrent use gets TOKEN_USED. */
export async function consumeToken(ctx: AppContext, token: UserTokenRow): Promise<void> {
  if (!(await markUserTokenUsed(ctx.database.db, token.id, isoNow()))) throw new AppError('TOKEN_USED', 409);
}
