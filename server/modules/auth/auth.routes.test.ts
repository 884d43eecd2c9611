import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, TestClient } from '../../test/client.ts';
import { buildUser, mailsTo, tokenFrom } from '../../test/factories.ts';

describe.each(DIALECTS)('accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const register = (client: TestClient, email: string, extra: Record<string, unknown> = {}) =>
    client.post('/api/auth/register', {
      email,
      password: 'amber-kite-meadow-42',
      displayName: 'Ada Mentor',
      locale: 'de',
      ...extra,
    });

  it('registers, mails a verification link in the chosen language, verifies once, then signs in', async () => {
    const client = new TestClient(t.app);
    const res = await register(client, 'Ada@Example.org');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });
    expect(client.cookie).toBeUndefined();

    const [mail] = await mailsTo(t.ctx, 'ada@example.org');
    expect(mail?.subject).toBe('Bestätige deine E-Mail-Adresse');
    expect(mail?.html).toContain('lang="de"');
    const token = tokenFrom(mail);

    const verify = await client.post('/api/auth/verify-email', { token });
    expect(verify.statusCode).toBe(200);
    const again = await client.post('/api/auth/verify-email', { token });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('TOKEN_USED');

    const login = await client.post('/api/auth/login', {
      email: 'ADA@example.org',
      password: 'amber-kite-meadow-42',
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ email: 'ada@example.org', emailVerified: true, locale: 'de' });
    const cookie = login.cookies.find((c) => c.name === 'mn_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value.length).toBeGreaterThan(30);

    const stored = await t.ctx.database.db.selectFrom('sessions').select('tokenHash').execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(cookie?.value);

    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().displayName).toBe('Ada Mentor');
  });

  it('answers registration of a known address exactly like a new one and tells the owner by mail', async () => {
    const owner = await buildUser(t.ctx, { locale: 'en' });
    const client = new TestClient(t.app);
    const known = await register(client, owner.email);
    const fresh = await register(client, 'newcomer@example.org');
    expect(known.statusCode).toBe(fresh.statusCode);
    expect(known.json()).toEqual(fresh.json());
    const [mail] = await mailsTo(t.ctx, owner.email);
    expect(mail?.subject).toBe('Someone tried to register with your e-mail address');
    const users = await t.ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', owner.email)
      .execute();
    expect(users).toHaveLength(1);
  });

  it('refuses weak passwords with a field hint and a translated message', async () => {
    const client = new TestClient(t.app, { locale: 'de' });
    for (const password of ['short1', 'password123', 'Password2026!', '1234567890', 'aaaaaaaaaaaa']) {
      const res = await register(client, 'weak@example.org', { password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: { field: 'password' } });
      expect(res.json().error.message).toContain('mindestens 10 Zeichen');
    }
  });

  it('rejects unknown, expired and malformed verification tokens', async () => {
    const client = new TestClient(t.app);
    const unknown = await client.post('/api/auth/verify-email', { token: 'x'.repeat(43) });
    expect(errorCode(unknown)).toBe('TOKEN_INVALID');

    await register(client, 'late@example.org');
    const token = tokenFrom((await mailsTo(t.ctx, 'late@example.org'))[0]);
    await t.ctx.database.db
      .updateTable('userTokens')
      .set({ expiresAt: '2000-01-01T00:00:00.000Z' })
      .execute();
    const expired = await client.post('/api/auth/verify-email', { token });
    expect(expired.statusCode).toBe(410);
    expect(errorCode(expired)).toBe('TOKEN_EXPIRED');

    const short = await client.post('/api/auth/verify-email', { token: 'abc' });
    expect(errorCode(short)).toBe('VALIDATION_FAILED');
  });

  it('answers who is signed in without an error for a visitor, and /api/me still answers 401', async () => {
    const visitor = new TestClient(t.app);
    const anonymous = await visitor.get('/api/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    expect((await visitor.get('/api/me')).statusCode).toBe(401);

    const user = await buildUser(t.ctx, { locale: 'uk' });
    const member = new TestClient(t.app);
    await member.post('/api/auth/login', { email: user.email, password: user.password });
    const signedIn = await member.get('/api/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toEqual((await member.get('/api/me')).json());
    expect(signedIn.json().user).toMatchObject({ email: user.email, locale: 'uk' });

    await member.post('/api/auth/logout');
    expect((await member.get('/api/session')).json()).toEqual({ user: null });
  });

  it('says the same for a wrong password and an unknown address, translated', async () => {
    const user = await buildUser(t.ctx);
    const client = new TestClient(t.app, { locale: 'de' });
    const wrong = await client.post('/api/auth/login', { email: user.email, password: 'not-the-password' });
    const unknown = await client.post('/api/auth/login', {
      email: 'nobody@example.org',
      password: 'whatever-pass',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('E-Mail-Adresse oder Passwort ist nicht korrekt.');
  });

  it('signs out, lists and revokes sessions, and signs out everywhere else', async () => {
    const user = await buildUser(t.ctx);
    const phone = new TestClient(t.app, { ip: '10.0.0.1' });
    const laptop = new TestClient(t.app, { ip: '10.0.0.2' });
    const tablet = new TestClient(t.app, { ip: '10.0.0.3' });
    for (const c of [phone, laptop, tablet]) {
      expect(
        (await c.post('/api/auth/login', { email: user.email, password: user.password })).statusCode,
      ).toBe(200);
    }
    const list = await phone.get('/api/me/sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; current: boolean; ip: string }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);

    const laptopSession = sessions.find((s) => s.ip === '10.0.0.2');
    expect((await phone.delete(`/api/me/sessions/${laptopSession?.id}`)).statusCode).toBe(200);
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
    expect(errorCode(await phone.delete(`/api/me/sessions/${laptopSession?.id}`))).toBe('NOT_FOUND');

    const other = await buildUser(t.ctx);
    const stranger = new TestClient(t.app);
    await stranger.post('/api/auth/login', { email: other.email, password: other.password });
    const phoneSession = sessions.find((s) => s.current);
    expect((await stranger.delete(`/api/me/sessions/${phoneSession?.id}`)).statusCode).toBe(404);

    expect((await phone.delete('/api/me/sessions')).statusCode).toBe(200);
    expect((await tablet.get('/api/me')).statusCode).toBe(401);
    expect((await phone.get('/api/me')).statusCode).toBe(200);

    expect((await phone.post('/api/auth/logout')).statusCode).toBe(200);
    expect(phone.cookie).toBeUndefined();
  });

  it('expires sessions after idle time and at the absolute limit', async () => {
    const user = await buildUser(t.ctx);
    const client = new TestClient(t.app);
    await client.post('/api/auth/login', { email: user.email, password: user.password });
    const db = t.ctx.database.db;
    const idleDays = t.ctx.config.sessionIdleDays;
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - (idleDays + 1) * 86_400_000).toISOString() })
      .where('userId', '=', user.id)
      .execute();
    const idle = await client.get('/api/me');
    expect(idle.statusCode).toBe(401);
    expect(errorCode(idle)).toBe('UNAUTHENTICATED');

    await client.post('/api/auth/login', { email: user.email, password: user.password });
    await db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('userId', '=', user.id)
      .execute();
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('changes name, language and password; the old password stops working', async () => {
    const user = await buildUser(t.ctx);
    const client = new TestClient(t.app);
    const other = new TestClient(t.app);
    await client.post('/api/auth/login', { email: user.email, password: user.password });
    await other.post('/api/auth/login', { email: user.email, password: user.password });

    const patched = await client.patch('/api/me', { displayName: '  Grace  ', locale: 'ar' });
    expect(patched.json()).toMatchObject({ displayName: 'Grace', locale: 'ar' });
    const empty = await client.patch('/api/me', {});
    expect(errorCode(empty)).toBe('VALIDATION_FAILED');

    const wrong = await client.post('/api/me/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'x',
    });
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    const weak = await client.post('/api/me/password', {
      currentPassword: user.password,
      newPassword: 'qwertyuiop',
    });
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: { field: 'newPassword' } });
    const ok = await client.post('/api/me/password', {
      currentPassword: user.password,
      newPassword: 'saffron-glacier-tunnel',
    });
    expect(ok.statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    // The mail goes out in the account's new language.
    expect((await mailsTo(t.ctx, user.email))[0]?.subject).toBe(
      translate('ar', 'mail.password_changed.subject'),
    );

    const fresh = new TestClient(t.app);
    expect(
      (await fresh.post('/api/auth/login', { email: user.email, password: user.password })).statusCode,
    ).toBe(401);
    expect(
      (await fresh.post('/api/auth/login', { email: user.email, password: 'saffron-glacier-tunnel' }))
        .statusCode,
    ).toBe(200);
  });

  it('resets a forgotten password by mail: same answer for unknown addresses, single-use link', async () => {
    const user = await buildUser(t.ctx, { locale: 'de' });
    const signedIn = new TestClient(t.app);
    await signedIn.post('/api/auth/login', { email: user.email, password: user.password });
    const client = new TestClient(t.app, { ip: '10.1.1.1' });

    const known = await client.post('/api/auth/password-reset/request', { email: user.email });
    const unknown = await client.post('/api/auth/password-reset/request', { email: 'ghost@example.org' });
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await mailsTo(t.ctx, 'ghost@example.org')).toHaveLength(0);

    const mail = (await mailsTo(t.ctx, user.email))[0];
    expect(mail?.subject).toBe('Setze dein Passwort zurück');
    const token = tokenFrom(mail);
    const weak = await client.post('/api/auth/password-reset/confirm', { token, password: 'password1' });
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');
    const done = await client.post('/api/auth/password-reset/confirm', {
      token,
      password: 'copper-willow-orbit',
    });
    expect(done.statusCode).toBe(200);
    const reused = await client.post('/api/auth/password-reset/confirm', {
      token,
      password: 'copper-willow-orbit2',
    });
    expect(errorCode(reused)).toBe('TOKEN_USED');
    expect((await signedIn.get('/api/me')).statusCode).toBe(401);
    expect(
      (await client.post('/api/auth/login', { email: user.email, password: 'copper-willow-orbit' }))
        .statusCode,
    ).toBe(200);
  });

  it('a new reset link replaces the previous one', async () => {
    const user = await buildUser(t.ctx);
    const client = new TestClient(t.app, { ip: '10.1.1.2' });
    await client.post('/api/auth/password-reset/request', { email: user.email });
    const first = tokenFrom((await mailsTo(t.ctx, user.email))[0]);
    await client.post('/api/auth/password-reset/request', { email: user.email });
    const res = await client.post('/api/auth/password-reset/confirm', {
      token: first,
      password: 'maple-signal-cobalt',
    });
    expect(errorCode(res)).toBe('TOKEN_USED');
  });

  it('requires sign-in for account endpoints', async () => {
    const client = new TestClient(t.app, { locale: 'de' });
    for (const [method, url] of [
      ['GET', '/api/me'],
      ['PATCH', '/api/me'],
      ['POST', '/api/me/password'],
      ['GET', '/api/me/sessions'],
      ['DELETE', '/api/me/sessions'],
      ['DELETE', '/api/me/sessions/abc'],
      ['POST', '/api/auth/verify-email/resend'],
    ] as const) {
      const body =
        method === 'PATCH'
          ? { locale: 'en' }
          : method === 'POST' && url.endsWith('password')
            ? { currentPassword: 'a', newPassword: 'b' }
            : undefined;
      const res = await client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.message).toBe('Bitte melde dich an, um fortzufahren.');
    }
  });
});
