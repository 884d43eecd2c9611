import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, type TestClient } from '../../test/client.ts';
import { buildUser } from '../../test/factories.ts';
import { RATE_RULES } from './auth.service.ts';
import { DEVICE_COOKIE } from './device-cookie.ts';

const LIMIT = RATE_RULES.loginFailuresPerAccount.limit;

function deviceCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === DEVICE_COOKIE);
  if (!cookie?.value) throw new Error(`no device cookie: ${res.statusCode} ${res.body}`);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api' });
  return cookie.value;
}

describe.each(DIALECTS)('lockout that spares the owner’s browser on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** The owner signs in once from their browser and keeps its device cookie. */
  async function ownerWithDevice() {
    const user = await buildUser(t.ctx);
    const browser = freshClient(t.app);
    const first = await browser.post('/api/auth/login', { email: user.email, password: user.password });
    expect(first.statusCode, first.body).toBe(200);
    return { user, browser, device: deviceCookieOf(first) };
  }

  /** Ten wrong guesses at the account, each from another address. */
  async function attack(email: string) {
    for (let i = 0; i < LIMIT; i++) {
      const res = await freshClient(t.app).post('/api/auth/login', { email, password: `wrong-guess-${i}` });
      expect(res.statusCode).toBe(401);
    }
  }

  const loginWith = (client: TestClient, user: { email: string }, password: string, device?: string) =>
    client.post(
      '/api/auth/login',
      { email: user.email, password },
      device ? { cookie: `${DEVICE_COOKIE}=${device}` } : {},
    );

  it("lets the owner's browser sign in after an attacker's ten wrong guesses; other browsers stay locked", async () => {
    const { user, device } = await ownerWithDevice();
    await attack(user.email);

    const stranger = await loginWith(freshClient(t.app), user, user.password);
    expect([stranger.statusCode, errorCode(stranger)]).toEqual([429, 'RATE_LIMITED']);

    const owner = freshClient(t.app);
    const ok = await loginWith(owner, user, user.password, device);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(owner.cookie).toBeTruthy();
    expect((await owner.get('/api/me')).json().email).toBe(user.email);
    // Each sign-in renews the device cookie, and the new one works too.
    expect(deviceCookieOf(ok)).not.toBe(device);
  });

  it('refuses forged, foreign and stale device cookies', async () => {
    const { user, device } = await ownerWithDevice();
    const other = await ownerWithDevice();
    await attack(user.email);
    const [id, nonce] = device.split('.');
    for (const cookie of [
      `${id}.${nonce}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      `${id}.${'A'.repeat(22)}.${device.split('.')[2]}`,
      other.device,
      'garbage',
    ]) {
      const res = await loginWith(freshClient(t.app), user, user.password, cookie);
      expect([cookie, res.statusCode]).toEqual([cookie, 429]);
    }
  });

  it('counts wrong guesses from the device browser, for the device and for the account', async () => {
    const { user, device } = await ownerWithDevice();
    for (let i = 0; i < LIMIT; i++) {
      const res = await loginWith(freshClient(t.app), user, `wrong-guess-${i}`, device);
      expect(res.statusCode).toBe(401);
    }
    // The device has used up its own guesses: even the right password waits now …
    const fromDevice = await loginWith(freshClient(t.app), user, user.password, device);
    expect([fromDevice.statusCode, errorCode(fromDevice)]).toEqual([429, 'RATE_LIMITED']);
    // … and so does a browser without a device cookie, since the guesses counted for the account.
    const elsewhere = await loginWith(freshClient(t.app), user, user.password);
    expect(elsewhere.statusCode).toBe(429);
  });

  it('applies the same rule to POST /api/me/password', async () => {
    const { user, browser, device } = await ownerWithDevice();
    // A second session on a browser without the device cookie (signed in before the attack).
    const otherBrowser = freshClient(t.app);
    expect((await loginWith(otherBrowser, user, user.password)).statusCode).toBe(200);
    await attack(user.email);

    const change = (client: TestClient, currentPassword: string, withDevice?: string) =>
      client.post(
        '/api/me/password',
        { currentPassword, newPassword: 'a-new-harbour-lantern-7' },
        { cookie: `mn_session=${client.cookie}${withDevice ? `; ${DEVICE_COOKIE}=${withDevice}` : ''}` },
      );

    const locked = await change(otherBrowser, user.password);
    expect([locked.statusCode, errorCode(locked)]).toEqual([429, 'RATE_LIMITED']);

    // Wrong guesses from the device browser count, but stay below the device's own limit here.
    const wrong = await change(browser, 'not-my-password', device);
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([401, 'INVALID_CREDENTIALS']);
    const changed = await change(browser, user.password, device);
    expect(changed.statusCode, changed.body).toBe(200);

    // The new password re-signs the device cookie; the old one no longer counts as trusted.
    const renewed = deviceCookieOf(changed);
    const next = { ...user, password: 'a-new-harbour-lantern-7' };
    expect((await loginWith(freshClient(t.app), next, next.password, device)).statusCode).toBe(429);
    expect((await loginWith(freshClient(t.app), next, next.password, renewed)).statusCode).toBe(200);
  });
});
