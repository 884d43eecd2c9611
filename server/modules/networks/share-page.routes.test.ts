import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildTestApp, type TestApp } from '../../test/build-app.ts';
import { buildEvent } from '../../test/events.ts';
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
    const image = metaOf(res.body, 'og:image');
    expect(image).toMatch(
      new RegExp(`^https://mentors\\.example\\.org/networks/${n.slug}/share-image\\.png\\?v=[\\w-]+$`),
    );
    expect(metaOf(res.body, 'twitter:image')).toBe(image);
    expect(metaOf(res.body, 'og:image:width')).toBe('1200');
    expect(metaOf(res.body, 'og:image:height')).toBe('630');
    expect(metaOf(res.body, 'og:locale')).toBe('ar');
    expect(metaOf(res.body, 'twitter:card')).toBe('summary_large_image');
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

  /** The width and height of a PNG, from its IHDR chunk. */
  const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

  it('draws a 1200×630 share image per network, cached with an ETag and redrawn on a change', async () => {
    const arabic = await network('public', 'شبكة المرشدين في لايبزيغ', 'نلتقي كل ثلاثاء.');
    const greek = await network('public', 'Μέντορες Αθήνας · Київ', 'Συναντιόμαστε κάθε Τρίτη.');
    const first = await app.inject({ method: 'GET', url: `/networks/${arabic.slug}/share-image.png` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(first.rawPayload)).toEqual([1200, 630]);
    expect(first.headers['cache-control']).toContain('public');
    const etag = String(first.headers.etag);
    const second = await app.inject({ method: 'GET', url: `/networks/${greek.slug}/share-image.png` });
    expect(pngSize(second.rawPayload)).toEqual([1200, 630]);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(false);
    expect(second.headers.etag).not.toBe(etag);
    // Unchanged: a 304; a new name: a new tag and a new image.
    const cached = await app.inject({
      method: 'GET',
      url: `/networks/${arabic.slug}/share-image.png`,
      headers: { 'if-none-match': etag },
    });
    expect(cached.statusCode).toBe(304);
    await t.ctx.database.db
      .updateTable('networks')
      .set({ name: 'Leipzig Mentors (fictional)' })
      .where('id', '=', arabic.id)
      .execute();
    const renamed = await app.inject({
      method: 'GET',
      url: `/networks/${arabic.slug}/share-image.png`,
      headers: { 'if-none-match': etag },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.headers.etag).not.toBe(etag);
    expect(renamed.rawPayload.equals(first.rawPayload)).toBe(false);
    // A private network has no image for strangers.
    const secret = await network('private', 'Secret Circle', 'Hidden.');
    const hidden = await app.inject({ method: 'GET', url: `/networks/${secret.slug}/share-image.png` });
    expect(hidden.statusCode).toBe(404);
  });

  /** The PNG of a public network's share image; all but the name is the same for every call. */
  async function shareImageNamed(name: string) {
    const n = await buildNetwork(t.ctx, {
      name,
      description: 'We meet every Tuesday.',
      region: '',
      visibility: 'public',
      // Its languages are named in Tigrinya on the image.
      languages: '["ti","am"]',
    });
    const res = await app.inject({ method: 'GET', url: `/networks/${n.slug}/share-image.png` });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  }
  /** A code point no font has (the last one of the private use planes): drawn as the missing-glyph box. */
  const MISSING = '\u{10fffd}';

  it('draws Tigrinya and Amharic (Ethiopic) letters, not the missing-glyph box', async () => {
    // A font without Ethiopic draws every one of these letters as the same box, so the image would
    // be the one of a name of as many missing letters, and two names of other letters would match.
    const tigrinya = await shareImageNamed('ኔትዎርክ ኣማኸርቲ መቐለ');
    const boxes = await shareImageNamed('ኔትዎርክ ኣማኸርቲ መቐለ'.replace(/\S/gu, MISSING));
    const amharic = await shareImageNamed('የአማካሪዎች መረብ ጎንደር');
    const otherBoxes = await shareImageNamed('የአማካሪዎች መረብ ጎንደር'.replace(/\S/gu, MISSING));
    expect(tigrinya.equals(boxes), 'Tigrinya drawn as boxes').toBe(false);
    expect(amharic.equals(otherBoxes), 'Amharic drawn as boxes').toBe(false);
    // The same count of different letters in the same layout: different drawings.
    const sameCount = await shareImageNamed('ሀሁሂሃሄ ለሉሊላሌ ሐሑሒ');
    expect('ሀሁሂሃሄ ለሉሊላሌ ሐሑሒ'.replace(/\S/gu, MISSING)).toBe('ኔትዎርክ ኣማኸርቲ መቐለ'.replace(/\S/gu, MISSING));
    expect(sameCount.equals(tigrinya), 'different letters drawn alike').toBe(false);
  });

  it('draws the Urdu and Pashto letters DejaVu Sans lacks (ہ ے ۓ ۍ), not the missing-glyph box', async () => {
    // Letters standing alone, so that no neighbour's joining form tells them apart from a box.
    const letters = await shareImageNamed('Urdu ہ ے ۓ ۍ');
    const boxes = await shareImageNamed(`Urdu ${[MISSING, MISSING, MISSING, MISSING].join(' ')}`);
    const reordered = await shareImageNamed('Urdu ۍ ۓ ے ہ');
    expect(letters.equals(boxes), 'Urdu drawn as boxes').toBe(false);
    expect(letters.equals(reordered), 'different letters drawn alike').toBe(false);
  });

  it('names the upcoming public events in the page, for readers without scripts and search engines', async () => {
    const n = await network('public', 'Events Network (fictional)', 'We meet.');
    const meta = await buildUser(t.ctx);
    await buildEvent(t.ctx, n, meta.id, { title: 'Open <café>', isPublic: true });
    await buildEvent(t.ctx, n, meta.id, { title: 'Members only' });
    const res = await app.inject({ method: 'GET', url: `/networks/${n.slug}` });
    expect(res.body).toContain('application/ld+json');
    expect(res.body).toContain('Open &#60;café&#62;');
    expect(res.body).not.toContain('Open <café>');
    expect(res.body).not.toContain('Members only');
  });
});
