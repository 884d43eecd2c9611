import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildTestApp, type TestApp } from '../../test/build-app.ts';
import { buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { previewDescription } from './share-page.presenter.ts';

const SHELL =
  '<!doctype html><html><head><title>mentorNET</title></head><body><div id="root"></div></body></html>';

/** What WhatsApp, Facebook or a search engine read from a shared link to a network's page. */
describe('the share preview of a network page', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'mentornet-share-'));
    writeFileSync(path.join(dist, 'index.html'), SHELL);
    t = await buildTestApp('sqlite');
    app = await buildApp({
      ...t.ctx,
      config: {
        ...t.ctx.config,
        webDistDir: dist,
        publicUrl: 'https://mentors.example.org',
        platformName: 'mentorNET',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  async function network(visibility: 'public' | 'unlisted' | 'private', name: string, description: string) {
    const admin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: admin.id });
    return buildNetwork(t.ctx, {
      organisationId: org.id,
      name,
      description,
      visibility,
      languages: '["ar","de"]',
    });
  }
  const metaOf = (html: string, key: string) =>
    html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];

  it('names a public network, its description, address and image in the tags previews read', async () => {
    const n = await network(
      'public',
      'Mentors "Süd" & <Friends>',
      'We meet every second Tuesday at the library.',
    );
    const res = await app.inject({ method: 'GET', url: `/networks/${n.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    // Escaped, never markup of its own.
    expect(res.body).toContain('<title>Mentors &#34;Süd&#34; &#38; &#60;Friends&#62; · mentorNET</title>');
    expect(res.body).not.toContain('<Friends>');
    expect(metaOf(res.body, 'og:title')).toBe('Mentors &#34;Süd&#34; &#38; &#60;Friends&#62;');
    expect(metaOf(res.body, 'og:description')).toBe('We meet every second Tuesday at the library.');
    expect(metaOf(res.body, 'description')).toBe('We meet every second Tuesday at the library.');
    expect(metaOf(res.body, 'og:url')).toBe(`https://mentors.example.org/networks/${n.slug}`);
    expect(metaOf(res.body, 'og:image')).toBe('https://mentors.example.org/icons/icon-512.png');
    expect(metaOf(res.body, 'og:locale')).toBe('ar');
    expect(metaOf(res.body, 'twitter:card')).toBe('summary');
    expect(res.body).toContain(
      `<link rel="canonical" href="https://mentors.example.org/networks/${n.slug}" />`,
    );
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('gives a private network, an unknown one and the sub-pages the bare shell', async () => {
    const secret = await network('private', 'Secret Circle', 'Nobody outside should read this.');
    for (const url of [
      `/networks/${secret.slug}`,
      '/networks/nobody-here',
      `/networks/${secret.slug}/discussions`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(SHELL);
    }
  });

  it('shortens a long description at a word and keeps it on one line', () => {
    const long = `${'Wir begleiten Menschen zu Ämtern und Beratungsstellen. '.repeat(8)}\nEnde`;
    const text = previewDescription({ name: 'N', region: '', description: long });
    expect(text.length).toBeLessThanOrEqual(201);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toContain('\n');
    expect(previewDescription({ name: 'Leipzig Mentors', region: 'Sachsen', description: ' ' })).toBe(
      'Leipzig Mentors · Sachsen',
    );
  });
});
