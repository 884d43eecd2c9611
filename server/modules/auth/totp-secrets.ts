import type { Config } from '../../config.ts';
import { keyFromDataDir, openSealed, seal } from '../../platform/secrets/index.ts';

/**
 * TOTP secrets at rest: sealed with AES-256-GCM and the account's id bound in, so a database dump
 * or backup without the key cannot mint codes, and a secret copied onto another account does not
 * open. The key: TWO_FACTOR_KEY, else `<dataDir>/two-factor.key` (generated at first use).
 */
export const TWO_FACTOR_KEY_FILE = 'two-factor.key';

function keyOf(config: Pick<Config, 'twoFactorKey' | 'dataDir'>): Buffer {
  return config.twoFactorKey ?? keyFromDataDir(config.dataDir, TWO_FACTOR_KEY_FILE);
}

/** The secret as stored for the account. */
export function sealTotpSecret(config: Config, userId: string, secret: string): string {
  return seal(keyOf(config), secret, `totp:${userId}`);
}

/**
 * The secret of a stored row of the account; null when key, account or data do not match (a lost
 * key: no app code works any more, the recovery codes — hashes, no key involved — still do).
 */
export function openTotpSecret(config: Config, userId: string, sealed: string): string | null {
  try {
    return openSealed(keyOf(config), sealed, `totp:${userId}`);
  } catch {
    return null;
  }
}
