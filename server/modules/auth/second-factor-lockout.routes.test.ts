import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildUser } from '../../test/factories.ts';
import { RATE_RULES } from './auth.service.ts';

const LIMIT = RATE_RULES.loginFailuresPerAccount.limit;

/** The code an authenticator app shows for the secret, `steps` 30-second steps from now. */
function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A six-digit code that is none of the codes around now. */
function wrongCodeFor(secret: string, i = 0): string {
  const near = new Set([-2, -1, 0, 1, 2].map((s) => totpCode(secret, s)));
  for (let n = 1 + i; ; n++) {
    const code = String((Number(totpCode(secret)) + n * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

/** Status, code and message: what a caller can tell answers apart by. */
const answer = (res: LightMyRequestResponse) => {
  const body = res.json() as { error?: { code?: string; message?: string } };
  return [res.statusCode, body.error?.code, body.error?.message];
};

describe.each(DIALECTS)('lockout and the second factor on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /**
   * A user with TOTP on (confirmed with the previous step's code, leaving the current and the next
   * for the test) and its recovery codes, signed in on `client`.
   */
  async function userWithTotp() {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const { secret } = (await client.post('/api/me/two-factor/totp')).json() as { secret: string };
    const confirm = await client.post('/api/me/two-factor/totp/confirm', { code: totpCode(secret, -1) });
    expect(confirm.statusCode, confirm.body).toBe(200);
    return { user, client, secret, recoveryCodes: confirm.json().recoveryCodes as string[] };
  }

  /** Ten wrong guesses at the account from strangers' addresses: the account is locked. */
  async function attack(email: string) {
    for (let i = 0; i < LIMIT; i++) {
      const res = await freshClient(t.app).post('/api/auth/login', { email, password: `wrong-guess-${i}` });
      expect(res.statusCode).toBe(401);
    }
  }

  const login = (client: TestClient, email: string, password: string, code?: string) =>
    client.post('/api/auth/login', { email, password, ...(code !== undefined && { code }) });

  const accountHits = async (email: string) =>
    (
      await t.ctx.database.db
        .selectFrom('rateLimits')
        .select('hits')
        .where('key', '=', `login:account:${email}`)
        .orderBy('windowStart', 'desc')
        .executeTakeFirst()
    )?.hits ?? 0;

  it('lets the owner of a locked account with a second factor sign in with the right password and a valid code in one request', async () => {
    const { user, secret, recoveryCodes } = await userWithTotp();
    await attack(user.email);

    const passwordOnly = await login(freshClient(t.app), user.email, user.password);
    expect([passwordOnly.statusCode, errorCode(passwordOnly)]).toEqual([429, 'RATE_LIMITED']);

    const owner = freshClient(t.app);
    const ok = await login(owner, user.email, user.password, totpCode(secret));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ email: user.email, deletionCancelled: false });
    const sessions = (await owner.get('/api/me/sessions')).json().sessions as {
      current: boolean;
      signInMethod: string;
    }[];
    expect(sessions.find((s) => s.current)?.signInMethod).toBe('password_totp');

    // The code was used once; a recovery code opens the way too (and is then spent).
    const replay = await login(freshClient(t.app), user.email, user.password, totpCode(secret));
    expect(replay.statusCode).toBe(429);
    const recovery = await login(freshClient(t.app), user.email, user.password, recoveryCodes[0]);
    expect(recovery.statusCode, recovery.body).toBe(200);
    expect((await login(freshClient(t.app), user.email, user.password, recoveryCodes[0])).statusCode).toBe(
      429,
    );
  });

  it('is no password oracle: without a valid code a locked account answers a right and a wrong password alike, with or without a second factor', async () => {
    const withTotp = await userWithTotp();
    const withoutTotp = await buildUser(t.ctx);
    await attack(withTotp.user.email);
    await attack(withoutTotp.email);
    const unknown = `nobody-${Date.now()}@example.org`;
    await attack(unknown);
    const code = wrongCodeFor(withTotp.secret);

    const answers = [
      await login(freshClient(t.app), withTotp.user.email, withTotp.user.password),
      await login(freshClient(t.app), withTotp.user.email, 'a-wrong-password', code),
      await login(freshClient(t.app), withTotp.user.email, withTotp.user.password, code),
      await login(freshClient(t.app), withoutTotp.email, withoutTotp.password, code),
      await login(freshClient(t.app), withoutTotp.email, 'a-wrong-password', code),
      await login(freshClient(t.app), unknown, 'a-wrong-password', code),
    ].map(answer);
    for (const each of answers) expect(each).toEqual(answers[0]);
    expect(answers[0]?.slice(0, 2)).toEqual([429, 'RATE_LIMITED']);

    // Even a valid code does not help a wrong password (and is not spent by it).
    const validCode = totpCode(withTotp.secret);
    const wrongPassword = await login(freshClient(t.app), withTotp.user.email, 'a-wrong-password', validCode);
    expect(answer(wrongPassword)).toEqual(answers[0]);
    expect(
      (await login(freshClient(t.app), withTotp.user.email, withTotp.user.password, validCode)).statusCode,
    ).toBe(200);
  });

  it('still counts wrong passwords sent with a code toward the lockout, and wrong codes toward the limit on codes', async () => {
    const { user, secret } = await userWithTotp();
    await attack(user.email);
    const before = await accountHits(user.email);
    await login(freshClient(t.app), user.email, 'a-wrong-password', wrongCodeFor(secret));
    expect(await accountHits(user.email)).toBe(before + 1);

    for (let i = 0; i < RATE_RULES.secondFactorFailuresPerAccount.limit; i++) {
      const res = await login(freshClient(t.app), user.email, user.password, wrongCodeFor(secret, i));
      expect(res.statusCode).toBe(429);
    }
    // The codes' own limit is reached: now even the right password and code wait.
    const locked = await login(freshClient(t.app), user.email, user.password, totpCode(secret));
    expect([locked.statusCode, errorCode(locked)]).toEqual([429, 'RATE_LIMITED']);
  });

  it('ignores the code while the account is not locked: the second step is asked as usual', async () => {
    const { user, secret } = await userWithTotp();
    const res = await login(freshClient(t.app), user.email, user.password, totpCode(secret));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe('second_factor_required');
  });

  it('applies the same rule to POST /api/me/password, without telling a locked session whether the password was right', async () => {
    const { user, client, secret } = await userWithTotp();
    await attack(user.email);
    const change = (currentPassword: string, code?: string) =>
      client.post('/api/me/password', {
        currentPassword,
        newPassword: 'a-new-harbour-lantern-7',
        ...(code !== undefined && { code }),
      });

    const noCode = answer(await change(user.password));
    expect(noCode.slice(0, 2)).toEqual([429, 'RATE_LIMITED']);
    expect(answer(await change('a-wrong-password', totpCode(secret)))).toEqual(noCode);
    expect(answer(await change(user.password, wrongCodeFor(secret)))).toEqual(noCode);

    const changed = await change(user.password, totpCode(secret));
    expect(changed.statusCode, changed.body).toBe(200);
    const signedIn = await login(
      freshClient(t.app),
      user.email,
      'a-new-harbour-lantern-7',
      totpCode(secret, 1),
    );
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  });
});
