import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../test/factories.ts';
import { makeImage, multipartBody, uploadAvatar } from '../test/profiles.ts';

const PAGE_CSP =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
  "frame-ancestors 'self';img-src 'self' data: https://tile.openstreetmap.org;object-src 'none';script-src 'self';" +
  "script-src-attr 'none';style-src 'self' https: 'unsafe-inline'";

/** The headers helmet's defaults sent, apart from CSP and HSTS. */
const PAGE_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const API_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const PAGE_ONLY = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

function expectApiHeaders(res: LightMyRequestResponse, except: string[] = []) {
  const expected = Object.fromEntries(Object.entries(API_HEADERS).filter(([name]) => !except.includes(name)));
  expect(res.headers).toMatchObject(expected);
  for (const name of PAGE_ONLY) expect(res.headers).not.toHaveProperty(name);
}

describe.each(DIALECTS)('security headers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gives pages and everything outside /api the full page set, without https extras', async () => {
    for (const url of ['/healthz', '/readyz', '/no-such-page.txt']) {
      const res = await t.app.inject(url);
      expect(res.headers).toMatchObject({ ...PAGE_HEADERS, 'content-security-policy': PAGE_CSP });
      expect(res.headers).not.toHaveProperty('strict-transport-security');
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });

  it('treats the OpenAPI UI as a page, with the CSP of the swagger plugin', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/index.css']) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBeLessThan(400);
      expect(res.headers).toMatchObject(PAGE_HEADERS);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('gives API answers the lean set, also on errors', async () => {
    const client = await signIn(t.app, await buildUser(t.ctx));
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expectApiHeaders(me);
    expectApiHeaders(await t.app.inject('/api/openapi.json'));

    const anonymous = await t.app.inject('/api/me');
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expectApiHeaders(anonymous);
    const missing = await t.app.inject('/api/no-such-route');
    expect(missing.statusCode).toBe(404);
    expectApiHeaders(missing);
    // Rejected in an onRequest hook, before any route runs.
    const crossSite = await new TestClient(t.app, { origin: 'https://elsewhere.example' }).post(
      '/api/auth/login',
      { email: 'a@b.org', password: 'x' },
    );
    expect(errorCode(crossSite)).toBe('CSRF_FAILED');
    expectApiHeaders(crossSite);
    expect(anonymous.headers).not.toHaveProperty('strict-transport-security');
  });

  it('keeps downloads under /api nosniff, and lets a route tighten the CSP', async () => {
    const network = await buildNetwork(t.ctx);
    const alice = await signIn(t.app, await buildMember(t.ctx, network));
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'notes.txt', contentType: 'text/plain', data: '<script>alert(1)</script>' },
    ]);
    const uploaded = await alice.request(
      'POST',
      `/api/networks/${network.slug}/attachments`,
      payload,
      headers,
    );
    expect(uploaded.statusCode).toBe(201);
    const download = await alice.get(uploaded.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expectApiHeaders(download, ['content-security-policy']);

    const avatar = await uploadAvatar(alice, await makeImage('png'));
    const image = await alice.get(avatar.json().avatarUrl);
    expect(image.headers['content-type']).toBe('image/webp');
    expectApiHeaders(image);
  });
});

describe('security headers behind https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { PUBLIC_URL: 'https://mentornet.example' });
  });
  afterAll(() => t.close());

  it('adds HSTS everywhere and upgrade-insecure-requests to the page CSP', async () => {
    const hsts = 'max-age=31536000; includeSubDomains';
    const page = await t.app.inject('/healthz');
    expect(page.headers).toMatchObject({
      ...PAGE_HEADERS,
      'content-security-policy': `${PAGE_CSP};upgrade-insecure-requests`,
      'strict-transport-security': hsts,
    });
    const api = await t.app.inject('/api/me');
    expectApiHeaders(api);
    expect(api.headers['strict-transport-security']).toBe(hsts);
  });
});

describe('security headers with an own tile server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' });
  });
  afterAll(() => t.close());

  it('lets pages load images from that host and nothing else from it', async () => {
    const csp = (await t.app.inject('/healthz')).headers['content-security-policy'];
    expect(csp).toContain("img-src 'self' data: https://*.tiles.example.org;");
    expect(csp).not.toContain('openstreetmap');
    expect(String(csp).match(/tiles\.example\.org/g)).toHaveLength(1);
  });
});
