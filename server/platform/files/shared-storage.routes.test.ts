import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { makeImage, multipartBody, uploadAvatar } from '../../test/profiles.ts';
import { buildInstance, type Instance, useS3 } from '../../test/s3.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Several instances of one platform: each has a disk of its own, the database and the bucket
 * are shared. On SQLite the instances would share DATA_DIR anyway, so this is PostgreSQL's case.
 */
describe.skipIf(!DIALECTS.includes('postgres'))('two instances on one PostgreSQL database', () => {
  const s3 = useS3();
  let database: TestDatabase;
  const instances: Instance[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await database.drop();
  });

  async function pair(env: Record<string, string>): Promise<[Instance, Instance]> {
    const one = await buildInstance(database, env);
    const two = await buildInstance(database, env);
    instances.push(one, two);
    return [one, two];
  }

  it('serves an avatar and an attachment uploaded through one instance from the other, streamed from S3', async () => {
    const [one, two] = await pair(s3().env);
    const network = await buildNetwork(one.ctx);
    const member = await buildMember(one.ctx, network);
    const viaOne = await signIn(one.app, member);
    const viaTwo = await signIn(two.app, member);

    const upload = await uploadAvatar(viaOne, await makeImage('png'));
    expect(upload.statusCode).toBe(200);
    const avatar = await viaTwo.get(`/api/users/${member.id}/avatar`);
    expect(avatar.statusCode).toBe(200);
    expect(avatar.headers['content-type']).toBe('image/webp');
    expect(avatar.headers['cache-control']).toBe('private, max-age=300');
    expect(Number(avatar.headers['content-length'])).toBe(avatar.rawPayload.length);
    expect(avatar.rawPayload.subarray(8, 12).toString()).toBe('WEBP');
    // Same bytes through the instance that took the upload.
    expect((await viaOne.get(`/api/users/${member.id}/avatar`)).rawPayload).toEqual(avatar.rawPayload);

    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'Plan März.pdf', contentType: 'application/pdf', data: PDF },
    ]);
    const attached = await viaOne.request(
      'POST',
      `/api/networks/${network.slug}/attachments`,
      payload,
      headers,
    );
    expect(attached.statusCode).toBe(201);
    const file = await viaTwo.get(attached.json().url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(PDF);
    expect(file.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=300',
    });
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=.*Plan/);

    // Replacing the avatar through the other instance removes the old object from the bucket.
    expect((await uploadAvatar(viaTwo, await makeImage('jpeg'))).statusCode).toBe(200);
    const keys: string[] = [];
    for await (const entry of one.ctx.files.list()) keys.push(entry.key);
    expect(keys.filter((k) => k.startsWith('avatars/'))).toHaveLength(1);
    // Nothing landed on either instance's disk.
    expect(one.ctx.files.kind).toBe('s3');
  });

  it('redirects downloads to a short-lived signed URL when S3_SERVE=redirect', async () => {
    const [one, two] = await pair({ ...s3().env, S3_SERVE: 'redirect' });
    const network = await buildNetwork(one.ctx);
    const member = await buildMember(one.ctx, network);
    const viaOne = await signIn(one.app, member);
    const viaTwo = await signIn(two.app, member);
    expect((await uploadAvatar(viaOne, await makeImage('png'))).statusCode).toBe(200);
    const avatar = await viaTwo.get(`/api/users/${member.id}/avatar`);
    expect(avatar.statusCode).toBe(302);
    expect(avatar.headers['cache-control']).toBe('private, no-store');
    const location = String(avatar.headers.location);
    expect(location.startsWith(s3().endpoint)).toBe(true);
    const signed = await fetch(location);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toBe('image/webp');
    expect(
      Buffer.from(await signed.arrayBuffer())
        .subarray(8, 12)
        .toString(),
    ).toBe('WEBP');
  });

  it('without shared storage, the other instance has no file: why the README asks for S3 or a shared DATA_DIR', async () => {
    const [one, two] = await pair({});
    const network = await buildNetwork(one.ctx);
    const member = await buildMember(one.ctx, network);
    expect((await uploadAvatar(await signIn(one.app, member), await makeImage('png'))).statusCode).toBe(200);
    const avatar = await (await signIn(two.app, member)).get(`/api/users/${member.id}/avatar`);
    expect(avatar.statusCode).toBe(404);
  });
});
