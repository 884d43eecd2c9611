import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { TestClient } from '../../test/client.ts';
import { type Fixture, generateData, SCALES } from './generate-data.ts';

// The benchmark's data generator at the small scale, once per dialect, so it cannot rot: the data
// must be what the benchmark reads, through the same API.
describe.each(DIALECTS)('benchmark data generator on %s', (dialect) => {
  let t: TestApp;
  let fixture: Fixture;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    fixture = await generateData(t.ctx, 'small');
  }, 120_000);
  afterAll(() => t.close());

  it('generates the small scale and writes its fixture', async () => {
    const written = JSON.parse(readFileSync(path.join(t.database.dataDir, 'bench-fixture.json'), 'utf8'));
    expect(written).toEqual(fixture);
    const db = t.ctx.database.db;
    const count = async (table: 'users' | 'posts' | 'messages' | 'networks') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('users')).toBe(SCALES.small.users);
    expect(await count('networks')).toBe(SCALES.small.networks);
    expect(await count('posts')).toBe(SCALES.small.posts);
    expect(await count('messages')).toBe(SCALES.small.messages);
  });

  it('serves every benchmark read to the fixture user', async () => {
    const client = new TestClient(t.app);
    expect(
      (await client.post('/api/auth/login', { email: fixture.email, password: fixture.password })).statusCode,
    ).toBe(200);
    const n = `/api/networks/${fixture.networkSlug}`;
    const topics = await client.get(`${n}/topics?spaceId=${fixture.spaceId}&limit=20`);
    expect(topics.statusCode).toBe(200);
    expect(topics.json().topics).toHaveLength(20);
    const replies = await client.get(`${n}/topics/${fixture.topicId}/replies?limit=20`);
    expect(replies.statusCode).toBe(200);
    expect(replies.json().replies).toHaveLength(20);
    const history = await client.get(`/api/conversations/${fixture.conversationId}/messages?limit=50`);
    expect(history.statusCode).toBe(200);
    expect(history.json().messages).toHaveLength(50);
  });
});
