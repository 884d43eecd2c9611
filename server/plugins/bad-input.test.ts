import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../app.ts';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../test/build-app.ts';
import { errorCode, TestClient } from '../test/client.ts';

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const raw = (payload: string, contentType = 'application/json', locale = 'en') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': contentType, origin: TEST_ORIGIN, 'accept-language': locale },
      payload,
    });

  it('answers malformed JSON with INVALID_JSON, translated', async () => {
    const res = await raw('{"email": "a@b.org",', 'application/json', 'de');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'INVALID_JSON',
        message: 'Die Anfrage konnte nicht gelesen werden (fehlerhaftes JSON).',
      },
    });
    expect(errorCode(await raw(''))).toBe('INVALID_JSON');
  });

  it('answers other content types with 415', async () => {
    const res = await raw('email=a', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(errorCode(res)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers oversized bodies with 413', async () => {
    const res = await raw(JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(BODY_LIMIT_BYTES) }));
    expect(res.statusCode).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lists field errors for wrong types, unknown fields, overlong strings and invalid e-mail', async () => {
    const client = new TestClient(t.app, { locale: 'de' });
    const res = await client.post('/api/auth/register', {
      email: 'not-an-address',
      password: 12345,
      displayName: 'x'.repeat(81),
      locale: 'tlh',
      isPlatformAdmin: true,
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Einige Angaben sind ungültig. Bitte prüfe deine Eingabe.');
    const byField = Object.fromEntries(
      (error.details as { path: string[]; code: string; message: string }[]).map((d) => [
        d.path.join('.'),
        d,
      ]),
    );
    expect(byField.email).toMatchObject({
      code: 'invalid_email',
      message: 'Bitte gib eine gültige E-Mail-Adresse ein.',
    });
    expect(byField.password?.code).toBe('invalid');
    expect(byField.displayName).toMatchObject({
      code: 'too_long',
      message: 'Bitte gib höchstens 80 Zeichen ein.',
    });
    expect(byField.locale?.code).toBe('invalid_value');
    expect(byField.isPlatformAdmin?.code).toBe('unknown_field');

    const missing = await client.post('/api/auth/login', {});
    expect(missing.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['email'], code: 'required' })]),
    );
    const array = await client.post('/api/auth/login', [1, 2]);
    expect(errorCode(array)).toBe('VALIDATION_FAILED');
  });

  it('answers unknown API paths with NOT_FOUND in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'de' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Wir konnten nicht finden, wonach du suchst.' },
    });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('never leaks internals of a 500', async () => {
    const boom = await buildTestApp(dialect);
    boom.app.get('/api/boom', async () => {
      throw new Error('secret database detail');
    });
    const res = await boom.app.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(res.body).not.toContain('secret');
    await boom.close();
  });
});
