import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { signIn } from '../test/client.ts';
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
    const count = async (table: 'users' | 'posts' | 'messages' | 'networks' | 'notifications') =>
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
    expect(await count('notifications')).toBe(fixture.counts.notifications);
  });

  it('gives the fixture user a few hundred notifications of every kind, in each of their networks', async () => {
    const db = t.ctx.database.db;
    const perUser = await db
      .selectFrom('notifications')
      .select(['userId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('userId')
      .execute();
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', fixture.email)
      .executeTakeFirstOrThrow();
    const counts = perUser.map((r) => Number(r.n));
    const mine = Number(perUser.find((r) => r.userId === user.id)?.n ?? 0);
    expect(mine).toBeGreaterThanOrEqual(200);
    // Long-tailed: everyone else has fewer, most have far fewer.
    expect(Math.max(...counts.filter((_, i) => perUser[i]?.userId !== user.id))).toBeLessThan(mine);
    counts.sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThan(mine / 5);

    const rows = await db
      .selectFrom('notifications')
      .select([
        'kind',
        'networkId',
        'readAt',
        'count',
        'topicId',
        'postId',
        'conversationId',
        'announcementId',
      ])
      .where('userId', '=', user.id)
      .execute();
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['mention', 'reply', 'message', 'announcement']),
    );
    expect(rows.some((r) => r.readAt === null)).toBe(true);
    expect(rows.some((r) => r.readAt !== null)).toBe(true);
    expect(rows.some((r) => r.kind === 'message' && r.count > 1)).toBe(true);
    const networks = await db
      .selectFrom('memberships')
      .select('networkId')
      .where('userId', '=', user.id)
      .execute();
    for (const { networkId } of networks) {
      for (const kind of ['mention', 'reply', 'announcement'] as const) {
        expect(rows.some((r) => r.networkId === networkId && r.kind === kind)).toBe(true);
      }
    }
    // Mentions point at posts that mention the user.
    const mentioned = rows.filter((r) => r.kind === 'mention').map((r) => r.postId as string);
    const posts = await db.selectFrom('posts').select('mentions').where('id', 'in', mentioned).execute();
    expect(posts).toHaveLength(mentioned.length);
    for (const post of posts) expect(JSON.parse(post.mentions)).toEqual([user.id]);
  });

  it('serves every benchmark read to the fixture user', async () => {
    const client = await signIn(t.app, fixture);
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
    const notifications = await client.get('/api/notifications?limit=20');
    expect(notifications.statusCode).toBe(200);
    expect(notifications.json().notifications).toHaveLength(20);
    expect(notifications.json().nextCursor).not.toBeNull();
    const unread = await client.get('/api/notifications/unread-count');
    expect(unread.statusCode).toBe(200);
    expect(unread.json().unreadCount).toBeGreaterThan(0);
    const events = await client.get(`${n}/events?limit=20`);
    expect(events.statusCode).toBe(200);
    expect(events.json().items).toHaveLength(20);
    expect(events.json().nextCursor).not.toBeNull();
    expect(fixture.counts.events).toBeGreaterThan(0);
    const resources = await client.get(`${n}/resources?limit=20`);
    expect(resources.statusCode).toBe(200);
    expect(resources.json().resources).toHaveLength(20);
    expect(resources.json().nextCursor).not.toBeNull();
    // The public directory's benchmark filter finds entries, and every one matches it.
    const directory = await client.get(`/api/directory?${fixture.directoryQuery}`);
    expect(directory.statusCode).toBe(200);
    const entries = directory.json().entries as { services: string[]; languages: string[] }[];
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries)
      expect([e.services.includes('legal_asylum'), e.languages.includes('ar')]).toEqual([true, true]);
    // The impact report over the last year of the busiest network: about 28 % of the mentoring log.
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const report = await client.get(`${n}/reports/impact?from=${from}&to=${to}`);
    expect(report.statusCode, report.body).toBe(200);
    const totals = report.json().totals as { activities: number; mentees: number; mentors: number };
    const logged = fixture.counts.activities ?? 0;
    expect(totals.activities).toBeGreaterThan(logged / 4);
    expect(totals.activities).toBeLessThanOrEqual(logged);
    expect(totals.mentors).toBeGreaterThan(3);
    expect(totals.mentees).toBeGreaterThan(totals.mentors);
  });
});
