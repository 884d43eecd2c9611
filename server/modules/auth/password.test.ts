import { describe, expect, it } from 'vitest';
import { hashPassword, isWeakPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('hashes with a per-user salt and records the cost', async () => {
    const a = await hashPassword('correct-horse-battery', 10);
    const b = await hashPassword('correct-horse-battery', 10);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('correct-horse-battery', a, 10)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('wrong-horse-battery', a, 10)).ok).toBe(false);
  });

  it('asks for a rehash when the configured cost was raised', async () => {
    const old = await hashPassword('correct-horse-battery', 10);
    expect(await verifyPassword('correct-horse-battery', old, 12)).toEqual({ ok: true, needsRehash: true });
  });

  it('rejects malformed stored hashes', async () => {
    expect((await verifyPassword('x', 'bcrypt$whatever', 10)).ok).toBe(false);
  });
});

describe('weak passwords', () => {
  it.each([
    'short',
    '1234567890',
    'password123',
    'Password2026!',
    'qwertyuiop',
    'aaaaaaaaaaaa',
    '!!Welcome!!12',
  ])('refuses %s', (pw) => expect(isWeakPassword(pw)).toBe(true));
  it('refuses the address itself', () =>
    expect(isWeakPassword('jana.beispiel', { email: 'jana.beispiel@example.org' })).toBe(true));
  it.each(['violet-harbour-lantern', 'Meine Katze heißt Mira', 'tr0ub4dor&3-xyz'])('accepts %s', (pw) =>
    expect(isWeakPassword(pw)).toBe(false),
  );
});
