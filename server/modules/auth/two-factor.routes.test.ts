import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildUser, mailsTo } from '../../test/factories.ts';
import { RATE_RULES } from './auth.service.ts';
import { DEVICE_COOKIE } from './device-cookie.ts';
import { openTotpSecret, TWO_FACTOR_KEY_FILE } from './totp-secrets.ts';

/** The code an authenticator app shows for the secret, `steps` 30-second steps from now. */
function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

const hasCookie = (res: LightMyRequestResponse, name: string) =>
  res.cookies.some((c) => c.name === name && c.value !== '');

describe.each(DIALECTS)('two-factor sign-in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /**
   * Turns TOTP on for a fresh user. The confirming code is the previous step's, so that the
   * current and the next step are left for the test (each code is accepted once).
   */
  async function userWithTotp() {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const start = await client.post('/api/me/two-factor/totp');
    expect(start.statusCode, start.body).toBe(200);
    const { secret } = start.json() as { secret: string };
    const confirm = await client.post('/api/me/two-factor/totp/confirm', { code: totpCode(secret, -1) });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const { recoveryCodes } = confirm.json() as { recoveryCodes: string[] };
    return { user, client, secret, recoveryCodes };
  }

  /** Password step: answers the pending token (202, no cookies). */
  async function passwordStep(client: TestClient, user: { email: string; password: string }) {
    const res = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(res.statusCode, res.body).toBe(202);
    expect(hasCookie(res, 'mn_session')).toBe(false);
    expect(hasCookie(res, DEVICE_COOKIE)).toBe(false);
    const body = res.json() as { status: string; pendingToken: string; methods: string[] };
    expect(body.status).toBe('second_factor_required');
    expect(body.methods).toEqual(['totp', 'recovery_code']);
    return body.pendingToken;
  }

  it('enrols TOTP: secret, otpauth URI and QR once, confirmed by a code, ten recovery codes, other sessions ended', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const otherDevice = await signIn(t.app, user);
    expect((await client.get('/api/me/two-factor')).json()).toEqual({
      totpEnabled: false,
      totpEnabledAt: null,
      recoveryCodesLeft: 0,
    });

    const start = await client.post('/api/me/two-factor/totp');
    expect(start.statusCode).toBe(200);
    const enrolment = start.json() as { secret: string; uri: string; qrCode: string };
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/mentorNET:/);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(decodeURIComponent(enrolment.uri)).toContain(user.email);
    const svg = Buffer.from(enrolment.qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    // Stored sealed, bound to the account: neither the secret nor its bytes are in the row.
    const row = await t.ctx.database.db
      .selectFrom('userTotp')
      .select('secret')
      .where('userId', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(enrolment.secret);
    expect(Buffer.from(row.secret, 'base64').toString('latin1')).not.toContain(enrolment.secret);
    expect(openTotpSecret(t.ctx.config, user.id, row.secret)).toBe(enrolment.secret);
    expect(openTotpSecret(t.ctx.config, 'another-account', row.secret)).toBeNull();
    expect(readFileSync(path.join(t.database.dataDir, TWO_FACTOR_KEY_FILE), 'utf8').trim()).toMatch(
      /^[A-Za-z0-9+/]{43}=$/,
    );

    // Not on until a code proves the app has the secret; the secret is never answered again.
    const status = await client.get('/api/me/two-factor');
    expect(status.json().totpEnabled).toBe(false);
    expect(status.body).not.toContain(enrolment.secret);
    expect(
      (await freshClient(t.app).post('/api/auth/login', { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(200);

    const wrong = await client.post('/api/me/two-factor/totp/confirm', {
      code: totpCode(enrolment.secret, 5),
    });
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([400, 'SECOND_FACTOR_INVALID']);
    const malformed = await client.post('/api/me/two-factor/totp/confirm', { code: '12ab56' });
    expect([malformed.statusCode, errorCode(malformed)]).toEqual([400, 'VALIDATION_FAILED']);

    const confirm = await client.post('/api/me/two-factor/totp/confirm', {
      code: totpCode(enrolment.secret),
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const codes = confirm.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    expect((await otherDevice.get('/api/me')).statusCode).toBe(401);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await mailsTo(t.ctx, user.email)).map((m) => m.subject)).toEqual([
      'Two-factor sign-in was turned on',
    ]);
    const on = (await client.get('/api/me/two-factor')).json();
    expect(on).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    expect(Date.parse(on.totpEnabledAt)).toBeGreaterThan(Date.now() - 60_000);

    // Only hashes are stored.
    const stored = await t.ctx.database.db
      .selectFrom('userRecoveryCodes')
      .select('codeHash')
      .where('userId', '=', user.id)
      .execute();
    expect(stored).toHaveLength(10);
    for (const code of codes) {
      expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));
    }

    const again = await client.post('/api/me/two-factor/totp');
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'TWO_FACTOR_ALREADY_ON']);
    const reconfirm = await client.post('/api/me/two-factor/totp/confirm', {
      code: totpCode(enrolment.secret, 1),
    });
    expect([reconfirm.statusCode, errorCode(reconfirm)]).toEqual([409, 'TWO_FACTOR_ALREADY_ON']);
  });

  it('asks for the code after the password and records the sign-in as password + TOTP; a code works once', async () => {
    const { user, client: first, secret } = await userWithTotp();
    const browser = freshClient(t.app);
    const pendingToken = await passwordStep(browser, user);
    expect((await browser.get('/api/me')).statusCode).toBe(401);

    const wrong = await browser.post('/api/auth/login/second-factor', {
      pendingToken,
      code: totpCode(secret, 7),
    });
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([400, 'SECOND_FACTOR_INVALID']);

    const code = totpCode(secret);
    const ok = await browser.post('/api/auth/login/second-factor', { pendingToken, code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: user.id, email: user.email });
    expect(hasCookie(ok, DEVICE_COOKIE)).toBe(true);
    expect((await browser.get('/api/me')).statusCode).toBe(200);

    const sessions = (await browser.get('/api/me/sessions')).json().sessions as {
      current: boolean;
      signInMethod: string;
    }[];
    expect(sessions.find((s) => s.current)?.signInMethod).toBe('password_totp');
    expect(sessions.find((s) => !s.current)?.signInMethod).toBe('password');
    expect(sessions).toHaveLength(2);
    expect((await first.get('/api/me')).statusCode).toBe(200);

    // The pending token opened one sign-in; the same code does not open another.
    const reuse = await freshClient(t.app).post('/api/auth/login/second-factor', { pendingToken, code });
    expect([reuse.statusCode, errorCode(reuse)]).toEqual([409, 'TOKEN_USED']);
    const replay = await freshClient(t.app).post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(freshClient(t.app), user),
      code,
    });
    expect([replay.statusCode, errorCode(replay)]).toEqual([400, 'SECOND_FACTOR_INVALID']);

    const garbage = await freshClient(t.app).post('/api/auth/login/second-factor', {
      pendingToken: 'not-a-real-pending-token',
      code: totpCode(secret, 1),
    });
    expect([garbage.statusCode, errorCode(garbage)]).toEqual([400, 'TOKEN_INVALID']);
  });

  it('cancels a pending deletion only once the second factor finishes the sign-in', async () => {
    const { user, client, secret } = await userWithTotp();
    const deleted = await client.post('/api/me/delete', { password: user.password });
    expect(deleted.statusCode, deleted.body).toBe(200);

    const browser = freshClient(t.app);
    const pendingToken = await passwordStep(browser, user);
    // The password alone cancels nothing: the account stays deactivated.
    expect((await browser.get('/api/me')).statusCode).toBe(401);
    const ok = await browser.post('/api/auth/login/second-factor', { pendingToken, code: totpCode(secret) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: user.id, deletionCancelled: true });
    expect((await browser.get('/api/me/delete')).json()).toMatchObject({ eraseAfter: null });
  });

  it('signs in with a recovery code once (typed in capitals with spaces), recorded as such', async () => {
    const { user, client, recoveryCodes } = await userWithTotp();
    const [code] = recoveryCodes as [string];
    const browser = freshClient(t.app);
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
    const ok = await browser.post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(browser, user),
      code: typed,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const sessions = (await browser.get('/api/me/sessions')).json().sessions as {
      current: boolean;
      signInMethod: string;
    }[];
    expect(sessions.find((s) => s.current)?.signInMethod).toBe('recovery_code');
    expect((await client.get('/api/me/two-factor')).json().recoveryCodesLeft).toBe(9);

    const other = freshClient(t.app);
    const again = await other.post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(other, user),
      code,
    });
    expect([again.statusCode, errorCode(again)]).toEqual([400, 'SECOND_FACTOR_INVALID']);
  });

  it('limits wrong codes like wrong passwords: after ten, even the right code waits', async () => {
    const { user, secret } = await userWithTotp();
    const limit = RATE_RULES.secondFactorFailuresPerAccount.limit;
    for (let i = 0; i < limit; i++) {
      const browser = freshClient(t.app);
      const res = await browser.post('/api/auth/login/second-factor', {
        pendingToken: await passwordStep(browser, user),
        code: String((Number(totpCode(secret)) + 1 + i) % 1_000_000).padStart(6, '0'),
      });
      expect([res.statusCode, errorCode(res)]).toEqual([400, 'SECOND_FACTOR_INVALID']);
    }
    const browser = freshClient(t.app, { locale: 'de' });
    const locked = await browser.post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(browser, user),
      code: totpCode(secret),
    });
    expect([locked.statusCode, errorCode(locked)]).toEqual([429, 'RATE_LIMITED']);
    expect(locked.json().error.message).toMatch(/Minute/);
  });

  it('turns TOTP off with password and code, ending other sessions; the password alone signs in again', async () => {
    const { user, client, secret } = await userWithTotp();
    const browser = freshClient(t.app);
    const other = await browser.post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(browser, user),
      code: totpCode(secret),
    });
    expect(other.statusCode).toBe(200);

    const wrongPassword = await client.post('/api/me/two-factor/totp/disable', {
      currentPassword: 'not-the-password',
      code: totpCode(secret, 1),
    });
    expect([wrongPassword.statusCode, errorCode(wrongPassword)]).toEqual([401, 'INVALID_CREDENTIALS']);
    const wrongCode = await client.post('/api/me/two-factor/totp/disable', {
      currentPassword: user.password,
      code: totpCode(secret, -4),
    });
    expect([wrongCode.statusCode, errorCode(wrongCode)]).toEqual([400, 'SECOND_FACTOR_INVALID']);

    const off = await client.post('/api/me/two-factor/totp/disable', {
      currentPassword: user.password,
      code: totpCode(secret, 1),
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await browser.get('/api/me')).statusCode).toBe(401);
    expect((await mailsTo(t.ctx, user.email)).map((m) => m.subject)).toContain(
      'Two-factor sign-in was turned off',
    );
    expect((await client.get('/api/me/two-factor')).json()).toEqual({
      totpEnabled: false,
      totpEnabledAt: null,
      recoveryCodesLeft: 0,
    });
    const rows = await t.ctx.database.db
      .selectFrom('userRecoveryCodes')
      .select('id')
      .where('userId', '=', user.id)
      .execute();
    expect(rows).toHaveLength(0);
    expect(
      (await freshClient(t.app).post('/api/auth/login', { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(200);

    const twice = await client.post('/api/me/two-factor/totp/disable', {
      currentPassword: user.password,
      code: totpCode(secret),
    });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'TWO_FACTOR_OFF']);
  });

  it('replaces the recovery codes after a TOTP code: the old ones stop working, other sessions end', async () => {
    const { user, client, secret, recoveryCodes } = await userWithTotp();
    const browser = freshClient(t.app);
    await browser.post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(browser, user),
      code: recoveryCodes[1],
    });
    expect((await browser.get('/api/me')).statusCode).toBe(200);

    const renewed = await client.post('/api/me/two-factor/recovery-codes', { code: totpCode(secret) });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const fresh = renewed.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    expect((await mailsTo(t.ctx, user.email)).map((m) => m.subject)).toContain(
      'New recovery codes were made',
    );
    expect((await browser.get('/api/me')).statusCode).toBe(401);
    expect((await client.get('/api/me/two-factor')).json().recoveryCodesLeft).toBe(10);

    const old = freshClient(t.app);
    const refused = await old.post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(old, user),
      code: recoveryCodes[0],
    });
    expect([refused.statusCode, errorCode(refused)]).toEqual([400, 'SECOND_FACTOR_INVALID']);
    const next = freshClient(t.app);
    const works = await next.post('/api/auth/login/second-factor', {
      pendingToken: await passwordStep(next, user),
      code: fresh[0],
    });
    expect(works.statusCode).toBe(200);
  });

  it('lets the pending sign-in expire after five minutes, and opens nothing else with it', async () => {
    const { user, secret } = await userWithTotp();
    const pendingToken = await passwordStep(freshClient(t.app), user);
    const reset = await freshClient(t.app).post('/api/auth/password-reset/confirm', {
      token: pendingToken,
      password: 'a brand new passphrase here',
    });
    expect([reset.statusCode, errorCode(reset)]).toEqual([400, 'TOKEN_INVALID']);

    await t.ctx.database.db
      .updateTable('userTokens')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('userId', '=', user.id)
      .where('purpose', '=', 'second_factor')
      .execute();
    const late = await freshClient(t.app).post('/api/auth/login/second-factor', {
      pendingToken,
      code: totpCode(secret),
    });
    expect([late.statusCode, errorCode(late)]).toEqual([410, 'TOKEN_EXPIRED']);
  });

  it('refuses the routes signed out, and confirming before starting', async () => {
    const visitor = freshClient(t.app);
    for (const url of ['/api/me/two-factor/totp', '/api/me/two-factor/totp/confirm']) {
      const res = await visitor.post(url, { code: '123456' });
      expect([url, res.statusCode]).toEqual([url, 401]);
    }
    expect((await visitor.get('/api/me/two-factor')).statusCode).toBe(401);
    const client = await signIn(t.app, await buildUser(t.ctx, { locale: 'de' }));
    const early = await client.post('/api/me/two-factor/totp/confirm', { code: '123456' });
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'TWO_FACTOR_NOT_STARTED']);
    expect(early.json().error.message).toBe('Richte zuerst die Authenticator-App ein.');
  });
});
