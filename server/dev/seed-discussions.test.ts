import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { signIn } from '../test/client.ts';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.ts';

describe.each(DIALECTS)('demo discussions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('fills both demo networks with conversations in several languages, once', async () => {
    await seedDemo(t.ctx);
    const db = t.ctx.database.db;
    const count = async (table: 'topics' | 'posts' | 'announcements' | 'spaces' | 'postReactions') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('c'))
            .executeTakeFirstOrThrow()
        ).c,
      );
    const before = {
      spaces: await count('spaces'),
      topics: await count('topics'),
      posts: await count('posts'),
      announcements: await count('announcements'),
      reactions: await count('postReactions'),
    };
    // 5 topics with 15 posts of the demo discussions, and 38 topics of the health history (seed-health).
    expect(before).toEqual({ spaces: 6, topics: 43, posts: 53, announcements: 2, reactions: 10 });
    // Seeding writes no announcement mails.
    const jobs = await db
      .selectFrom('jobs')
      .select('kind')
      .where('kind', '=', 'announcement.notify')
      .execute();
    expect(jobs).toEqual([]);

    await seedDemo(t.ctx);
    expect(await count('topics')).toBe(43);
    expect(await count('announcements')).toBe(2);

    const client = await signIn(t.app, { email: 'mentor.arabic@demo.example.org', password: DEMO_PASSWORD });
    const topics = (await client.get('/api/networks/demo-mentors-musterstadt/topics')).json().topics;
    expect(topics[0]).toMatchObject({
      pinned: true,
      title: 'Idee: Tandems für neue Mentorinnen und Mentoren',
    });
    const question = topics.find((x: { title: string }) => x.title.startsWith('Anmeldung'));
    const replies = (
      await client.get(`/api/networks/demo-mentors-musterstadt/topics/${question.id}/replies`)
    ).json();
    expect(replies.replies.map((r: { bodyHtml: string }) => r.bodyHtml).join('\n')).toContain('العربية');
    expect(replies.replies[2].bodyHtml).toContain('<span class="mention"');
    const pinned = (await client.get('/api/networks/demo-mentors-musterstadt/announcements/pinned')).json();
    expect(pinned.announcements).toHaveLength(1);
  });
});
