import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';

describe.each(DIALECTS)('health and API docs on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready', database: dialect });
  });

  it('reports not ready when the database is gone', async () => {
    const broken = await buildTestApp(dialect);
    await broken.ctx.database.destroy();
    const res = await broken.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    await broken.app.close();
    await broken.database.drop();
  });

  it('publishes an OpenAPI document with every account route and a browsable UI', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/auth/register',
      '/api/auth/verify-email',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/me',
      '/api/auth/password-reset/request',
      '/api/auth/password-reset/confirm',
      '/api/me/sessions',
      '/api/me/sessions/{id}',
    ]) {
      expect(paths).toContain(p);
    }
    // Bodies are shared schemas: follow the reference.
    const body = doc.paths['/api/auth/register'].post.requestBody.content['application/json'].schema;
    expect(doc.components.schemas[body.$ref.split('/').at(-1)].properties).toHaveProperty('email');
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('sends a request id and security headers', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-me-123' } });
    expect(res.headers['x-request-id']).toBe('trace-me-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
