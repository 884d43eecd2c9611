import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, TestClient } from '../../test/client.ts';

const SETUP_TOKEN = 'setup-token-for-tests-0123456789';

describe.each(DIALECTS)('first-run setup on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { setupToken: SETUP_TOKEN });
  });
  afterAll(() => t.close());

  const body = {
    email: 'first@example.org',
    password: 'harbor-quartz-meadow',
    displayName: 'First Admin',
    locale: 'en',
  };

  it('creates the first platform admin only with the printed code, then never again', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/api/setup/status')).json()).toEqual({ needsSetup: true });

    const wrong = await client.post('/api/setup', { ...body, token: 'not-the-right-token-000' });
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe('SETUP_TOKEN_INVALID');
    const weak = await client.post('/api/setup', { ...body, password: 'qwerty1234', token: SETUP_TOKEN });
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');

    const ok = await client.post('/api/setup', { ...body, token: SETUP_TOKEN });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      email: 'first@example.org',
      isPlatformAdmin: true,
      emailVerified: true,
    });
    expect((await client.get('/api/me')).statusCode).toBe(200);

    expect((await client.get('/api/setup/status')).json()).toEqual({ needsSetup: false });
    const again = await new TestClient(t.app).post('/api/setup', {
      ...body,
      email: 'x@example.org',
      token: SETUP_TOKEN,
    });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('SETUP_DONE');
  });
});

describe.each(DIALECTS)('setup without a code on %s', (dialect) => {
  it('refuses setup when the server printed no code', async () => {
    const t = await buildTestApp(dialect);
    const res = await new TestClient(t.app).post('/api/setup', {
      ...{ email: 'a@example.org', password: 'harbor-quartz-meadow', displayName: 'A', locale: 'en' },
      token: SETUP_TOKEN,
    });
    expect(errorCode(res)).toBe('SETUP_TOKEN_INVALID');
    await t.close();
  });
});
