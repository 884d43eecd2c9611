import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn, type TestClient } from '../../test/client.ts';
import { buildTopic, spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { insertReply } from './posts.repository.ts';
import { recountSeen } from './reads.repository.ts';

/**
 * The topic list works out unread counts without reading posts: the topic row's live posts (reply
 * count, whether it is deleted) minus the reader's seen count, kept on every write. These tests hold
 * that to the plain definition — live posts by others after the reader's marker — through every way
 * posts, topics and markers change, including posts written without a marker (imports, generated
 * data, then recounted), posts deleted before and after markers, and posts whose author was deleted.
 */
describe.each(DIALECTS)('unread counts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Unread posts as defined: live, not the reader's own, after the reader's marker (all without one). */
  async function expectedUnread(topicId: string, userId: string): Promise<number> {
    const db = t.ctx.database.db;
    const marker = await db
      .selectFrom('topicReads')
      .select('lastReadPostId')
      .where('topicId', '=', topicId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    const posts = await db
      .selectFrom('posts')
      .select(['id', 'authorId', 'deletedAt'])
      .where('topicId', '=', topicId)
      .execute();
    return posts.filter(
      (p) =>
        p.deletedAt === null &&
        p.authorId !== userId &&
        (marker === undefined || p.id > marker.lastReadPostId),
    ).length;
  }

  /** Every topic of the list (and each one fetched alone) against the definition. */
  async function expectCountsAsDefined(client: TestClient, userId: string, slug: string) {
    const list = (await client.get(`/api/networks/${slug}/topics?limit=100`)).json();
    expect(list.topics.length).toBeGreaterThan(0);
    for (const topic of list.topics as { id: string; unreadCount: number }[]) {
      const expected = await expectedUnread(topic.id, userId);
      expect({ id: topic.id, unread: topic.unreadCount }).toEqual({ id: topic.id, unread: expected });
      const alone = (await client.get(`/api/networks/${slug}/topics/${topic.id}`)).json();
      expect(alone.unreadCount).toBe(expected);
    }
    return list.topics as { id: string; unreadCount: number; replyCount: number; deleted: boolean }[];
  }

  it('match the definition through replies, deletions, markers, unmarked posts and deleted authors', async () => {
    const network = await buildNetwork(t.ctx);
    const users = {
      meta: await buildMember(t.ctx, network, { role: 'meta_mentor' }),
      alice: await buildMember(t.ctx, network, { role: 'mentor' }),
      bob: await buildMember(t.ctx, network, { role: 'mentor' }),
      carol: await buildMember(t.ctx, network, { role: 'mentor' }),
    };
    const clients: Record<keyof typeof users, TestClient> = {
      meta: await signIn(t.app, users.meta),
      alice: await signIn(t.app, users.alice),
      bob: await signIn(t.app, users.bob),
      carol: await signIn(t.app, users.carol),
    };
    const { slug } = network;
    const space = await spaceId(clients.alice, slug);
    const replyAs = async (who: keyof typeof users, topicId: string, body: string) => {
      const res = await clients[who].post(`/api/networks/${slug}/topics/${topicId}/replies`, { body });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string };
    };
    const checkAll = async () => {
      for (const who of Object.keys(users) as (keyof typeof users)[]) {
        await expectCountsAsDefined(clients[who], users[who].id, slug);
      }
    };

    // A lively topic: replies from everyone, one of them deleted by a moderator.
    const lively = await startTopic(clients.alice, slug, { spaceId: space, title: 'Lively' });
    await replyAs('bob', lively.id, 'Bob one');
    const carolsReply = await replyAs('carol', lively.id, 'Carol one');
    await replyAs('bob', lively.id, 'Bob two');
    await replyAs('alice', lively.id, 'Alice one');
    expect((await clients.meta.delete(`/api/networks/${slug}/posts/${carolsReply.id}`)).statusCode).toBe(200);
    await checkAll();

    // Bob reads part of it, then more is written; Carol deletes her own later reply.
    await clients.bob.post(`/api/networks/${slug}/topics/${lively.id}/read`, {});
    await replyAs('alice', lively.id, 'Alice two');
    const carolsSecond = await replyAs('carol', lively.id, 'Carol two');
    expect((await clients.carol.delete(`/api/networks/${slug}/posts/${carolsSecond.id}`)).statusCode).toBe(
      200,
    );
    await checkAll();

    // A topic with posts written straight into the database, without anyone's read marker
    // (as imports and generated data do): the authors' own posts still are not news to them.
    const unmarked = await buildTopic(t.ctx, network, users.bob.id, { title: 'Written without markers' });
    for (const author of [users.bob, users.alice, users.bob, users.meta]) {
      const now = isoNow();
      await insertReply(t.ctx.database.db, {
        id: newId(),
        networkId: network.id,
        topicId: unmarked.topicId,
        authorId: author.id,
        isOpening: 0,
        bodySource: 'Unmarked',
        bodyHtml: '<p>Unmarked</p>\n',
        mentions: '[]',
        editedAt: null,
        deletedAt: null,
        deletedBy: null,
        hiddenAt: null,
        hiddenBy: null,
        createdAt: now,
      });
    }
    await checkAll();

    // Carol's account goes: her posts stay, without an author, and count as someone else's; her read
    // state goes with her (what deleting the user does: set null on posts, cascade on topic_reads).
    await t.ctx.database.db
      .updateTable('posts')
      .set({ authorId: null })
      .where('authorId', '=', users.carol.id)
      .execute();
    await t.ctx.database.db.deleteFrom('topicReads').where('userId', '=', users.carol.id).execute();
    const carolsTopic = await startTopic(clients.carol, slug, { spaceId: space, title: 'By Carol' });
    await replyAs('alice', carolsTopic.id, 'Alice answers Carol');
    await t.ctx.database.db
      .updateTable('topics')
      .set({ authorId: null })
      .where('id', '=', carolsTopic.id)
      .execute();
    await t.ctx.database.db
      .updateTable('posts')
      .set({ authorId: null })
      .where('topicId', '=', carolsTopic.id)
      .where('authorId', '=', users.carol.id)
      .execute();
    await checkAll();

    // Deleted topics (by the author, and by a moderator through the opening post): moderators still
    // list them, and their opening post no longer counts.
    expect((await clients.alice.delete(`/api/networks/${slug}/topics/${lively.id}`)).statusCode).toBe(200);
    expect(
      (await clients.meta.delete(`/api/networks/${slug}/posts/${carolsTopic.opening.id}`)).statusCode,
    ).toBe(200);
    const seenByMeta = await expectCountsAsDefined(clients.meta, users.meta.id, slug);
    expect(seenByMeta.filter((x) => x.deleted).map((x) => x.id)).toEqual(
      expect.arrayContaining([lively.id, carolsTopic.id]),
    );
    await checkAll();
  });

  it('keep the counters they rest on: reply count = live replies, opening post deleted with its topic', async () => {
    const network = await buildNetwork(t.ctx);
    const member = await buildMember(t.ctx, network, { role: 'mentor' });
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const client = await signIn(t.app, member);
    const metaClient = await signIn(t.app, meta);
    const { slug } = network;
    const space = await spaceId(client, slug);
    const topics = [
      await startTopic(client, slug, { spaceId: space, title: 'Kept' }),
      await startTopic(client, slug, { spaceId: space, title: 'Deleted by author' }),
      await startTopic(client, slug, { spaceId: space, title: 'Deleted through the opening post' }),
    ];
    const replyIds: string[] = [];
    for (const topic of topics) {
      for (const body of ['one', 'two', 'three']) {
        const res = await metaClient.post(`/api/networks/${slug}/topics/${topic.id}/replies`, { body });
        replyIds.push(res.json().id);
      }
    }
    // A reply deleted twice is counted out once; the opening post cannot be deleted as a reply.
    expect((await metaClient.delete(`/api/networks/${slug}/posts/${replyIds[0]}`)).statusCode).toBe(200);
    expect((await metaClient.delete(`/api/networks/${slug}/posts/${replyIds[0]}`)).statusCode).toBe(404);
    expect((await client.delete(`/api/networks/${slug}/topics/${topics[1]?.id}`)).statusCode).toBe(200);
    expect((await metaClient.delete(`/api/networks/${slug}/posts/${topics[2]?.opening.id}`)).statusCode).toBe(
      200,
    );

    const rows = await t.ctx.database.db
      .selectFrom('topics as t')
      .select(['t.id', 't.replyCount', 't.deletedAt'])
      .select((eb) => [
        eb
          .selectFrom('posts as p')
          .select(sql<number>`count(*)`.as('c'))
          .whereRef('p.topicId', '=', 't.id')
          .where('p.isOpening', '=', 0)
          .where('p.deletedAt', 'is', null)
          .as('liveReplies'),
        eb
          .selectFrom('posts as p')
          .select('p.deletedAt')
          .whereRef('p.topicId', '=', 't.id')
          .where('p.isOpening', '=', 1)
          .as('openingDeletedAt'),
      ])
      .where('t.networkId', '=', network.id)
      .orderBy('t.id')
      .execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.replyCount).toBe(Number(row.liveReplies));
      expect(row.openingDeletedAt === null).toBe(row.deletedAt === null);
    }
    expect(rows.map((r) => [r.replyCount, r.deletedAt !== null])).toEqual([
      [2, false],
      [3, true],
      [3, true],
    ]);
  });

  it('match the definition when markers stop at older posts, posts before a marker go, and after a recount', async () => {
    const network = await buildNetwork(t.ctx);
    const users = {
      meta: await buildMember(t.ctx, network, { role: 'meta_mentor' }),
      dora: await buildMember(t.ctx, network, { role: 'mentor' }),
      emil: await buildMember(t.ctx, network, { role: 'mentor' }),
    };
    const clients: Record<keyof typeof users, TestClient> = {
      meta: await signIn(t.app, users.meta),
      dora: await signIn(t.app, users.dora),
      emil: await signIn(t.app, users.emil),
    };
    const { slug } = network;
    const space = await spaceId(clients.dora, slug);
    const checkAll = async () => {
      for (const who of Object.keys(users) as (keyof typeof users)[]) {
        await expectCountsAsDefined(clients[who], users[who].id, slug);
      }
    };
    const replyAs = async (who: keyof typeof users, topicId: string, body: string) => {
      const res = await clients[who].post(`/api/networks/${slug}/topics/${topicId}/replies`, { body });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string };
    };
    const topic = await startTopic(clients.dora, slug, { spaceId: space, title: 'Markers' });
    const replies = [];
    for (const [who, body] of [
      ['emil', 'one'],
      ['meta', 'two'],
      ['emil', 'three'],
      ['dora', 'four'],
      ['meta', 'five'],
    ] as const) {
      replies.push(await replyAs(who, topic.id, body));
    }
    // Emil reads up to the second reply; a marker never moves back.
    const read = (who: keyof typeof users, postId?: string) =>
      clients[who].post(`/api/networks/${slug}/topics/${topic.id}/read`, postId ? { postId } : {});
    expect((await read('emil', replies[1]?.id)).statusCode).toBeLessThan(300);
    expect((await read('emil', replies[0]?.id)).statusCode).toBeLessThan(300);
    await checkAll();
    // A reply before Emil's marker goes, one after it, and Emil's own after it.
    for (const reply of [replies[0], replies[4], replies[2]]) {
      expect((await clients.meta.delete(`/api/networks/${slug}/posts/${reply?.id}`)).statusCode).toBe(200);
    }
    await checkAll();
    // Dora reads everything; then more arrives and the meta-mentor reads the middle.
    expect((await read('dora')).statusCode).toBeLessThan(300);
    const late = await replyAs('emil', topic.id, 'six');
    await replyAs('meta', topic.id, 'seven');
    expect((await read('meta', late.id)).statusCode).toBeLessThan(300);
    await checkAll();
    // The whole topic goes (its opening post with it): moderators still see its counts.
    expect((await clients.dora.delete(`/api/networks/${slug}/topics/${topic.id}`)).statusCode).toBe(200);
    await expectCountsAsDefined(clients.meta, users.meta.id, slug);
    // Recounting from the posts gives the counts the writes kept.
    const db = t.ctx.database.db;
    const kept = await db.selectFrom('topicReads').selectAll().orderBy('topicId').orderBy('userId').execute();
    await recountSeen(db);
    const recounted = await db
      .selectFrom('topicReads')
      .selectAll()
      .orderBy('topicId')
      .orderBy('userId')
      .execute();
    expect(recounted).toEqual(kept);
  });
});
