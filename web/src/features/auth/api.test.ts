import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../../common/contracts/auth.ts';
import { fetchMe } from './api.ts';

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
