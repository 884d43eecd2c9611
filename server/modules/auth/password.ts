import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { PASSWORD_MIN_LENGTH } from '../../../common/contracts/auth.ts';
import { COMMON_PASSWORDS, COMMON_WORDS } from './common-passwords.ts';

const KEY_LENGTH = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

function scryptAsync(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  const N = 2 ** cost;
  const options: ScryptOptions = { N, r: BLOCK_SIZE, p: PARALLELISM, maxmem: 256 * N * BLOCK_SIZE };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * Hashes with scrypt; the stored string records the cost (log2 N), block size and parallelism,
 * so the cost can be raised later and old hashes still verify (and are upgraded at next sign-in).
 */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, cost);
  return `scrypt$${cost}$${BLOCK_SIZE}$${PARALLELISM}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Verifies a password against a stored hash in constant time; says whether it needs a rehash. */
export async function verifyPassword(
  password: string,
  stored: string,
  currentCost: number,
): Promise<{ ok: boolean; needsRehash: boolean }> {
  const [scheme, costText, , , saltText, keyText] = stored.split('$');
  const cost = Number(costText);
  if (scheme !== 'scrypt' || !Number.isInteger(cost) || !saltText || !keyText) {
    return { ok: false, needsRehash: false };
  }
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(saltText, 'base64url'), cost);
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  return { ok, needsRehash: ok && cost < currentCost };
}

/** A hash of a random password, verified against when an account does not exist (equal timing). */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(cost: number): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'), cost);
  return dummyHash;
}

/** True when a password is too short, a well-known one, or a common word with digits/symbols added. */
export function isWeakPassword(password: string, context: { email?: string } = {}): boolean {
  if ([...password].length < PASSWORD_MIN_LENGTH) return true;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  if (new Set(lower).size <= 2) return true;
  const stem = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (stem.length === 0 || COMMON_WORDS.has(stem)) return true;
  if (/^(0123456789|1234567890|9876543210|0987654321)+/.test(lower)) return true;
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && (lower === local || stem === local)) return true;
  return false;
}
