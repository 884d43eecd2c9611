import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_MB } from '../../../common/contracts/discussions.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { makeImage, multipartBody } from '../../test/profiles.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.each(DIALECTS)('attachments on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  function upload(
    client: TestClient,
    slug: string,
    filename: string,
    data: Buffer | string,
    type = 'application/octet-stream',
  ) {
    const { payload, headers } = multipartBody([{ name: 'file', filename, contentType: type, data }]);
    return client.request('POST', `/api/networks/${slug}/attachments`, payload, headers);
  }

  async function setup() {
    const network = await buildNetwork(t.ctx);
    const [metaUser, aliceUser, bobUser] = [
      await buildMember(t.ctx, network, { role: 'meta_mentor' }),
      await buildMember(t.ctx, network),
      await buildMember(t.ctx, network),
    ];
    return {
      network,
      slug: network.slug,
      meta: await signIn(t.app, metaUser),
      alice: await signIn(t.app, aliceUser),
      bob: await signIn(t.app, bobUser),
    };
  }

  it('uploads checked files, attaches them to a post and serves them only to readers', async () => {
    const { slug, alice, bob, meta } = await setup();
    const png = await makeImage('png');
    const image = await upload(alice, slug, 'plan.png', png, 'image/png');
    expect(image.statusCode).toBe(201);
    expect(image.json()).toMatchObject({ fileName: 'plan.png', contentType: 'image/png', size: png.length });
    const pdf = (await upload(alice, slug, '../../Mietvertrag März.pdf', PDF, 'text/html')).json();
    expect(pdf).toMatchObject({ fileName: 'Mietvertrag März.pdf', contentType: 'application/pdf' });
    const files = readdirSync(path.join(t.database.dataDir, 'attachments'));
    expect(files).toEqual(expect.arrayContaining([image.json().id, pdf.id]));

    // Not attached yet: only the uploader can fetch it.
    expect((await alice.get(image.json().url)).statusCode).toBe(200);
    expect(errorCode(await bob.get(image.json().url))).toBe('NOT_FOUND');

    const topic = await startTopic(alice, slug, {
      spaceId: await spaceId(alice, slug),
      body: `The plan:\n\n![plan](${image.json().url})`,
      attachmentIds: [image.json().id, pdf.id],
    });
    expect(topic.opening.attachments.map((a: { id: string }) => a.id)).toEqual([image.json().id, pdf.id]);
    expect(topic.opening.bodyHtml).toContain(`<img src="${image.json().url}" alt="plan"`);

    const inline = await bob.get(image.json().url);
    expect(inline.statusCode).toBe(200);
    expect(inline.rawPayload.equals(png)).toBe(true);
    expect(inline.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
    });
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    const download = await bob.get(pdf.url);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Mietvertrag M_rz.pdf"; filename*=UTF-8''Mietvertrag%20M%C3%A4rz.pdf`,
    );
    expect(download.headers['content-security-policy']).toContain('sandbox');

    // An attachment belongs to one post only.
    const reused = await bob.post(`/api/networks/${slug}/topics/${topic.id}/replies`, {
      body: 'Reusing it',
      attachmentIds: [pdf.id],
    });
    expect(errorCode(reused)).toBe('ATTACHMENT_INVALID');
    expect((await bob.get(`/api/networks/${slug}/topics/${topic.id}`)).json().replyCount).toBe(0);

    // Outsiders and visitors never get it.
    const outsider = await signIn(t.app, await buildUser(t.ctx));
    expect(errorCode(await outsider.get(pdf.url))).toBe('FORBIDDEN');
    expect(errorCode(await new TestClient(t.app).get(pdf.url))).toBe('UNAUTHENTICATED');
    const otherNetwork = await buildNetwork(t.ctx);
    const otherMember = await signIn(t.app, await buildMember(t.ctx, otherNetwork));
    expect(errorCode(await otherMember.get(`/api/networks/${otherNetwork.slug}/attachments/${pdf.id}`))).toBe(
      'NOT_FOUND',
    );

    // Once the post is deleted, only moderators can still open its files.
    await alice.delete(`/api/networks/${slug}/topics/${topic.id}`);
    expect(errorCode(await bob.get(pdf.url))).toBe('NOT_FOUND');
    expect((await meta.get(pdf.url)).statusCode).toBe(200);
  });

  it('refuses disallowed, disguised and oversized files', async () => {
    const { slug, alice, bob } = await setup();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
    for (const [name, data] of [
      ['drawing.svg', svg],
      ['drawing.png', svg],
      ['page.html', '<!doctype html><script>alert(1)</script>'],
      ['page.txt', '<!doctype html><script>alert(1)</script>'],
      ['program.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])],
      ['archive.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
      ['binary.txt', Buffer.from([0x68, 0x00, 0x69])],
    ] as const) {
      const res = await upload(alice, slug, name, data);
      expect(`${name} → ${res.statusCode} ${errorCode(res)}`).toBe(`${name} → 415 UNSUPPORTED_FILE_TYPE`);
    }
    const notes = await upload(alice, slug, 'notes.txt', 'Termine: Montag 10 Uhr, Ausländerbehörde 🙂');
    expect(notes.json().contentType).toBe('text/plain');

    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_MB * 1024 * 1024)]);
    const tooLarge = await upload(alice, slug, 'big.pdf', big);
    expect(tooLarge.statusCode).toBe(413);
    expect(errorCode(tooLarge)).toBe('FILE_TOO_LARGE');

    const { payload, headers } = multipartBody([{ name: 'other', filename: 'a.pdf', data: PDF }]);
    const wrongField = await alice.request('POST', `/api/networks/${slug}/attachments`, payload, headers);
    expect(errorCode(wrongField)).toBe('VALIDATION_FAILED');

    // Someone else's upload cannot be attached.
    const bobUpload = (await upload(bob, slug, 'b.pdf', PDF)).json();
    const res = await alice.post(`/api/networks/${slug}/topics`, {
      spaceId: await spaceId(alice, slug),
      title: 'Borrowed file',
      body: 'Look',
      attachmentIds: [bobUpload.id],
    });
    expect(errorCode(res)).toBe('ATTACHMENT_INVALID');
    expect((await alice.get(`/api/networks/${slug}/topics`)).json().topics).toEqual([]);
  });

  it('lets only members who accepted the agreement upload', async () => {
    const { network, slug } = await setup();
    const pending = await signIn(t.app, await buildMember(t.ctx, network, { accepted: false }));
    expect(errorCode(await upload(pending, slug, 'a.pdf', PDF))).toBe('AGREEMENT_REQUIRED');
    const outsider = await signIn(t.app, await buildUser(t.ctx));
    expect(errorCode(await upload(outsider, slug, 'a.pdf', PDF))).toBe('FORBIDDEN');
    expect(errorCode(await upload(new TestClient(t.app), slug, 'a.pdf', PDF))).toBe('UNAUTHENTICATED');
  });
});
