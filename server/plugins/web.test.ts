import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { buildTestApp, type TestApp } from '../test/build-app.ts';

/** The app shell: 200 for the web app's pages, 404 (with the shell) for any other path, never for the API. */
const script = `export const words = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `w${i % 9}`))};`;

describe('the web app shell', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'mentornet-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>mentorNET</title>');
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets', 'index-abc.js'), script);
    writeFileSync(path.join(dist, 'assets', 'index-abc.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dist, 'assets', 'index-abc.js.gz'), gzipSync(script));
    t = await buildTestApp('sqlite');
    app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, webDistDir: dist } });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers the pages of the web app with the shell and 200', async () => {
    for (const url of ['/', '/signin', '/networks/leipzig/discussions?x=1', '/messages/abc']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>mentorNET</title>');
    }
  });

  it('answers other paths with the shell but 404, so a scrape of /metrics never succeeds', async () => {
    for (const url of ['/metrics', '/wp-login.php/x', '/nothing-here']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    const page = await app.inject({ method: 'GET', url: '/nothing-here' });
    expect(page.headers['content-type']).toContain('text/html');
    const asset = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.json().error.code).toBe('NOT_FOUND');
    const api = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.json().error.code).toBe('NOT_FOUND');
  });

  it('sends the precompressed copy the browser accepts, cached for a year, varying on Accept-Encoding', async () => {
    const url = '/assets/index-abc.js';
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
  });
});
