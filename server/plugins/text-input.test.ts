import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../test/client.ts';
import { spaceId } from '../test/discussions.ts';
import { buildMember, buildNetwork } from '../test/factories.ts';
import { multipartBody } from '../test/profiles.ts';
import { hasNul } from './text-input.ts';

describe('hasNul', () => {
  it('finds a NUL in strings, keys and nested values, and nothing else', () => {
    expect(hasNul('nul\u0000byte')).toBe(true);
    expect(hasNul({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(hasNul({ 'k\u0000': 1 })).toBe(true);
    expect(hasNul({ a: ['\\u0000', 'ok', 1, null, true] })).toBe(false);
    expect(hasNul('ٱلسلام Straße 😀')).toBe(false);
  });
});

/**
 * PostgreSQL cannot store U+0000 and answered 500 where SQLite stored it: both must answer 400
 * INVALID_CHARACTER for every string input, before any route runs, and store nothing.
 */
describe.each(DIALECTS)('text input at the edge on %s', (dialect) => {
  let t: TestApp;
  let member: TestClient;
  let slug: string;
  let space: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const network = await buildNetwork(t.ctx);
    slug = network.slug;
    member = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    space = await spaceId(member, slug);
  });
  afterAll(() => t.close());

  const topicCount = async () =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom('topics')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers a NUL in a JSON body with 400 INVALID_CHARACTER, translated, and stores nothing', async () => {
    const before = await topicCount();
    const res = await member.post(`/api/networks/${slug}/topics`, {
      spaceId: space,
      title: 'nul\u0000byte',
      body: 'A body',
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('INVALID_CHARACTER');
    const signedOut = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: TEST_ORIGIN, 'accept-language': 'de' },
      payload: { email: 'a@b.org\u0000', password: 'x' },
    });
    expect(signedOut.statusCode).toBe(400);
    expect(signedOut.json().error).toEqual({
      code: 'INVALID_CHARACTER',
      message: expect.stringContaining('NUL-Zeichen'),
    });
    const nested = await member.patch('/api/me/profile', { bio: 'ok', languages: ['d\u0000e'] });
    expect(errorCode(nested)).toBe('INVALID_CHARACTER');
    expect(await topicCount()).toBe(before);
  });

  it('answers a NUL in the query or the path with 400 INVALID_CHARACTER', async () => {
    const search = await member.get('/api/search?q=nul%00byte');
    expect(search.statusCode).toBe(400);
    expect(errorCode(search)).toBe('INVALID_CHARACTER');
    const path = await member.get(`/api/networks/${slug}%00x/topics`);
    expect(errorCode(path)).toBe('INVALID_CHARACTER');
    // The same text without the NUL works.
    expect((await member.get('/api/search?q=nulbyte')).statusCode).toBe(200);
  });

  it('answers an upload whose file name holds a NUL with 400 INVALID_CHARACTER', async () => {
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'a\u0000b.txt', contentType: 'text/plain', data: 'hello' },
    ]);
    const res = await member.request('POST', `/api/networks/${slug}/attachments`, payload, headers);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('INVALID_CHARACTER');
  });

  it('answers a truncated multipart body (no closing boundary) with 400, not 500', async () => {
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'notes.txt', contentType: 'text/plain', data: 'x'.repeat(5000) },
    ]);
    const cut = payload.subarray(0, payload.length - 200);
    const attachment = await member.request('POST', `/api/networks/${slug}/attachments`, cut, headers);
    expect(attachment.statusCode).toBe(400);
    expect(errorCode(attachment)).toBe('UPLOAD_INCOMPLETE');
    const avatar = await member.request('PUT', '/api/me/avatar', cut, headers);
    expect(avatar.statusCode).toBe(400);
    expect(errorCode(avatar)).toBe('UPLOAD_INCOMPLETE');
  });
});
