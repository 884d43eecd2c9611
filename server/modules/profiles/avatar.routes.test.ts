import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { buildUser } from '../../test/factories.ts';
import { avatarFiles, makeImage, multipartBody, uploadAvatar } from '../../test/profiles.ts';

describe.each(DIALECTS)('avatars on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const keyOf = async (userId: string) =>
    (
      await t.ctx.database.db
        .selectFrom('profiles')
        .select('avatarKey')
        .where('userId', '=', userId)
        .executeTakeFirst()
    )?.avatarKey ?? null;
  const fileOf = (key: string) => path.join(t.ctx.config.dataDir, 'avatars', key);

  it('resizes a JPEG to a 256×256 WebP without its metadata and serves it privately', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const jpeg = await makeImage('jpeg', 800, 500);
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();

    const res = await uploadAvatar(client, jpeg, 'holiday.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(200);
    const key = await keyOf(user.id);
    expect(key).toMatch(/^[a-f0-9]{32}\.webp$/);
    expect(res.json()).toMatchObject({
      hasAvatar: true,
      avatarUrl: `/api/users/${user.id}/avatar?v=${key?.slice(0, 12)}`,
    });
    expect(key).not.toContain('holiday');

    const served = await client.get(res.json().avatarUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toMatch(/^private/);
    expect(served.rawPayload.equals(readFileSync(fileOf(key as string)))).toBe(true);
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it('accepts PNG and WebP, replaces the file and deletes the old one', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    expect((await uploadAvatar(client, await makeImage('png', 300, 900))).statusCode).toBe(200);
    const first = (await keyOf(user.id)) as string;
    expect(existsSync(fileOf(first))).toBe(true);

    const second = await uploadAvatar(client, await makeImage('webp'), 'new.webp', 'image/webp');
    expect(second.statusCode).toBe(200);
    const next = (await keyOf(user.id)) as string;
    expect(next).not.toBe(first);
    expect(existsSync(fileOf(first))).toBe(false);
    expect(existsSync(fileOf(next))).toBe(true);
    expect(avatarFiles(t.ctx)).not.toContain(first);
  });

  it('refuses oversized files with 413 FILE_TOO_LARGE and keeps the old avatar', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    await uploadAvatar(client, await makeImage('png'));
    const kept = (await keyOf(user.id)) as string;
    const before = avatarFiles(t.ctx).length;

    const png = await makeImage('png');
    const oversized = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 + 1 - png.length, 7)]);
    const res = await uploadAvatar(client, oversized);
    expect(res.statusCode).toBe(413);
    expect(errorCode(res)).toBe('FILE_TOO_LARGE');
    expect(res.json().error.message).toContain('5 MB');

    expect(await keyOf(user.id)).toBe(kept);
    expect(existsSync(fileOf(kept))).toBe(true);
    expect(avatarFiles(t.ctx).length).toBe(before);
    // Exactly at the limit is fine (the content decides the rest).
    const atLimit = await uploadAvatar(
      client,
      Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 - png.length)]),
    );
    expect(atLimit.statusCode).not.toBe(413);
  });

  it('refuses oversized files streamed over a real connection (where the limit can strike on the last chunk)', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    await uploadAvatar(client, await makeImage('png'));
    const kept = (await keyOf(user.id)) as string;
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const png = await makeImage('png');
    for (const size of [5 * 1024 * 1024 + 1, 12 * 1024 * 1024]) {
      const form = new FormData();
      const data = Buffer.concat([png, Buffer.alloc(size - png.length)]);
      form.append('file', new Blob([data], { type: 'image/png' }), 'big.png');
      const res = await fetch(`${address}/api/me/avatar`, {
        method: 'PUT',
        body: form,
        headers: { cookie: `mn_session=${client.cookie}`, origin: TEST_ORIGIN },
      });
      expect(res.status, String(size)).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
    }
    expect(await keyOf(user.id)).toBe(kept);
  });

  it('checks the content, not the name: text, GIF and broken images are 415 and change nothing', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    await uploadAvatar(client, await makeImage('png'));
    const kept = (await keyOf(user.id)) as string;
    const before = avatarFiles(t.ctx).length;
    const png = await makeImage('png');
    const fakes: [Buffer | string, string, string][] = [
      ['just some text, honestly', 'photo.png', 'image/png'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a.png', 'image/png'],
      [await makeImage('gif'), 'anim.gif', 'image/gif'],
      [png.subarray(0, 60), 'truncated.png', 'image/png'],
      [Buffer.concat([png.subarray(0, 8), Buffer.alloc(400, 1)]), 'garbage.png', 'image/png'],
      [Buffer.alloc(0), 'empty.png', 'image/png'],
    ];
    for (const [data, name, type] of fakes) {
      const res = await uploadAvatar(client, data, name, type);
      expect(res.statusCode, name).toBe(415);
      expect(errorCode(res)).toBe('UNSUPPORTED_FILE_TYPE');
    }
    expect(await keyOf(user.id)).toBe(kept);
    expect(avatarFiles(t.ctx).length).toBe(before);
  });

  it('requires a signed-in, same-site, multipart request with a "file" part', async () => {
    const user = await buildUser(t.ctx);
    const png = await makeImage('png');
    expect(errorCode(await uploadAvatar(new TestClient(t.app), png))).toBe('UNAUTHENTICATED');

    const client = await signIn(t.app, user);
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'a.png', contentType: 'image/png', data: png },
    ]);
    const crossSite = await client.request('PUT', '/api/me/avatar', payload, {
      ...headers,
      origin: 'https://evil.example',
    });
    expect(errorCode(crossSite)).toBe('CSRF_FAILED');

    const wrongField = multipartBody([
      { name: 'avatar', filename: 'a.png', contentType: 'image/png', data: png },
    ]);
    const missing = await client.request('PUT', '/api/me/avatar', wrongField.payload, wrongField.headers);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      expect.objectContaining({ path: ['file'], code: 'required' }),
    ]);

    const json = await client.request('PUT', '/api/me/avatar', { file: 'aGVsbG8=' });
    expect(json.statusCode).toBe(415);
    expect(errorCode(json)).toBe('UNSUPPORTED_MEDIA_TYPE');

    const twoFiles = multipartBody([
      { name: 'file', filename: 'a.png', contentType: 'image/png', data: png },
      { name: 'file', filename: 'b.png', contentType: 'image/png', data: png },
    ]);
    const filesBefore = avatarFiles(t.ctx).length;
    const res = await client.request('PUT', '/api/me/avatar', twoFiles.payload, twoFiles.headers);
    // Only the first file is read; nothing else is stored.
    expect(res.statusCode).toBe(200);
    expect(avatarFiles(t.ctx).length).toBe(filesBefore + 1);
  });

  it('deletes the avatar (file included); deleting again is harmless', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    await uploadAvatar(client, await makeImage('png'));
    const key = (await keyOf(user.id)) as string;

    const res = await client.delete('/api/me/avatar');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hasAvatar: false, avatarUrl: null });
    expect(existsSync(fileOf(key))).toBe(false);
    expect(errorCode(await client.get(`/api/users/${user.id}/avatar`))).toBe('NOT_FOUND');
    expect((await client.delete('/api/me/avatar')).statusCode).toBe(200);

    const fresh = await signIn(t.app, await buildUser(t.ctx));
    expect((await fresh.delete('/api/me/avatar')).json().hasAvatar).toBe(false);
    expect(errorCode(await new TestClient(t.app).delete('/api/me/avatar'))).toBe('UNAUTHENTICATED');
  });

  it('keeps the avatar when the profile is saved', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    await uploadAvatar(client, await makeImage('png'));
    const saved = await client.request('PUT', '/api/me/profile', {
      languages: ['de'],
      expertise: [],
      region: '',
      availability: '',
      experienceLevel: null,
      bio: '',
      visibility: 'public',
    });
    expect(saved.json().hasAvatar).toBe(true);
    expect((await new TestClient(t.app).get(`/api/users/${user.id}/avatar`)).statusCode).toBe(200);
  });
});
