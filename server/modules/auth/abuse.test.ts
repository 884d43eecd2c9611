import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, TestClient } from '../../test/client.ts';
import { buildUser, mailsTo } from '../../test/factories.ts';
import { RATE_RULES } from './auth.service.ts';

describe.each(DIALECTS)('abuse handling on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('limits failed sign-ins per account, across IPs, with a translated message and Retry-After', async () => {
    const user = await buildUser(t.ctx);
    const limit = RATE_RULES.loginFailuresPerAccount.limit;
    for (let i = 0; i < limit; i++) {
      const client = new TestClient(t.app, { ip: `10.2.0.${i}` });
      const res = await client.post('/api/auth/login', { email: user.email, password: 'wrong-password-x' });
      expect(res.statusCode).toBe(401);
    }
    const client = new TestClient(t.app, { ip: '10.2.1.1', locale: 'de' });
    const blocked = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(blocked.statusCode).toBe(429);
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.json().error.message).toMatch(/Zu viele Versuche\. Bitte warte \d+ Minuten?/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);

    // Another account is not affected.
    const other = await buildUser(t.ctx);
    const ok = await client.post('/api/auth/login', { email: other.email, password: other.password });
    expect(ok.statusCode).toBe(200);
  });

  it('limits sign-in attempts per IP, across accounts', async () => {
    const client = new TestClient(t.app, { ip: '10.3.0.1' });
    const limit = RATE_RULES.loginPerIp.limit;
    for (let i = 0; i < limit; i++) {
      const res = await client.post('/api/auth/login', {
        email: `guess${i}@example.org`,
        password: 'guess-guess-1',
      });
      expect(res.statusCode).toBe(401);
    }
    const user = await buildUser(t.ctx);
    const blocked = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    const elsewhere = new TestClient(t.app, { ip: '10.3.0.2' });
    expect(
      (await elsewhere.post('/api/auth/login', { email: user.email, password: user.password })).statusCode,
    ).toBe(200);
  });

  it('limits reset requests per IP, and per account silently (no mail flood, same answer)', async () => {
    const user = await buildUser(t.ctx);
    const client = new TestClient(t.app, { ip: '10.4.0.1' });
    const answers = new Set<string>();
    for (let i = 0; i < RATE_RULES.resetPerIp.limit; i++) {
      const res = await client.post('/api/auth/password-reset/request', { email: user.email });
      expect(res.statusCode).toBe(202);
      answers.add(res.body);
    }
    expect(answers.size).toBe(1);
    expect(await mailsTo(t.ctx, user.email)).toHaveLength(RATE_RULES.mailsPerAccount.limit);
    const blocked = await client.post('/api/auth/password-reset/request', { email: user.email });
    expect(blocked.statusCode).toBe(429);
  });

  it('blocks cookie-authenticated changes from another origin (CSRF)', async () => {
    const user = await buildUser(t.ctx);
    const client = new TestClient(t.app);
    await client.post('/api/auth/login', { email: user.email, password: user.password });

    const evil = await client.request(
      'PATCH',
      '/api/me',
      { displayName: 'Hacked' },
      { origin: 'https://evil.example' },
    );
    expect(evil.statusCode).toBe(403);
    expect(errorCode(evil)).toBe('CSRF_FAILED');

    const noOrigin = new TestClient(t.app, { origin: null });
    noOrigin.cookie = client.cookie;
    expect(errorCode(await noOrigin.patch('/api/me', { displayName: 'Hacked' }))).toBe('CSRF_FAILED');
    const crossSite = await noOrigin.request('DELETE', '/api/me/sessions', undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(errorCode(crossSite)).toBe('CSRF_FAILED');
    const nullOrigin = await client.request('POST', '/api/auth/logout', undefined, { origin: 'null' });
    expect(errorCode(nullOrigin)).toBe('CSRF_FAILED');

    expect((await client.get('/api/me')).json().displayName).toBe(user.displayName);
    const same = await client.patch('/api/me', { displayName: 'Renamed' });
    expect(same.statusCode).toBe(200);
    const sameSite = await noOrigin.request(
      'PATCH',
      '/api/me',
      { displayName: 'Again' },
      { 'sec-fetch-site': 'same-origin' },
    );
    expect(sameSite.statusCode).toBe(200);
  });

  it('blocks cross-origin sign-in attempts (login CSRF)', async () => {
    const user = await buildUser(t.ctx);
    const client = new TestClient(t.app, { origin: 'https://evil.example' });
    const res = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(errorCode(res)).toBe('CSRF_FAILED');
  });
});
