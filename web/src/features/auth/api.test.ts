import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../../common/contracts/auth.ts';
import { fetchMe, loginBody, needsSecondFactor, signIn } from './api.ts';

const ada: Me = {
  id: 'u1',
  email: 'ada@example.org',
  displayName: 'Ada Mentor',
  locale: 'de',
  emailVerified: true,
  isPlatformAdmin: false,
  createdAt: '2026-01-01T10:00:00Z',
};

/** A fetch that answers like the server: /api/session always 200, /api/me 401 for a visitor. */
function serverFor(user: Me | null) {
  return vi.fn(async (url: string) => {
    if (url === '/api/session') return new Response(JSON.stringify({ user }), { status: 200 });
    if (url === '/api/me' && user) return new Response(JSON.stringify(user), { status: 200 });
    return new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }), {
      status: 401,
    });
  });
}

describe('the session query of the web app', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('learns that a visitor is signed out without a failed (401) request', async () => {
    const fetch = serverFor(null);
    vi.stubGlobal('fetch', fetch);
    await expect(fetchMe()).resolves.toBeNull();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/session']);
  });

  it('answers the signed-in account', async () => {
    const fetch = serverFor(ada);
    vi.stubGlobal('fetch', fetch);
    await expect(fetchMe()).resolves.toEqual(ada);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/session']);
  });
});

describe('signing in to an account with a second factor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells the answer that asks for the code (202) from the signed-in account (200)', async () => {
    const pending = {
      status: 'second_factor_required',
      pendingToken: 'p'.repeat(43),
      methods: ['totp', 'recovery_code'],
      expiresAt: '2026-01-01T10:05:00Z',
    };
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValueOnce(new Response(JSON.stringify(pending), { status: 202 }))
        .mockResolvedValueOnce(new Response(JSON.stringify(ada), { status: 200 })),
    );
    const first = await signIn({ email: ada.email, password: 'pw' });
    expect(needsSecondFactor(first)).toBe(true);
    const second = await signIn({ email: ada.email, password: 'pw' });
    expect(needsSecondFactor(second)).toBe(false);
    expect(second).toEqual(ada);
  });

  it('sends the code with the password only when one was typed (it opens a lockout for an account with a second factor)', () => {
    expect(loginBody({ email: 'ada@example.org', password: 'pw-long-enough', code: '' })).toEqual({
      email: 'ada@example.org',
      password: 'pw-long-enough',
    });
    expect(loginBody({ email: 'ada@example.org', password: 'pw-long-enough', code: ' 123456 ' })).toEqual({
      email: 'ada@example.org',
      password: 'pw-long-enough',
      code: '123456',
    });
  });
});
