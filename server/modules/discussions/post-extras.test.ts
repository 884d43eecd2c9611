import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { presentPosts } from './discussions.presenter.ts';
import {
  findPost,
  insertAttachment,
  insertReply,
  type PostListRow,
  toggleReaction,
} from './discussions.repository.ts';
import { buildTopic } from './test-helpers.ts';

/**
 * Reactions and attachments are looked up for the range of post ids a page spans in its topic, which
 * can hold posts the page does not show. Each post must still show exactly its own.
 */
describe.each(DIALECTS)('reactions and attachments of shown posts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('belong to their own post only, whatever lies between the posts shown or in other topics', async () => {
    const db = t.ctx.database.db;
    const network = await buildNetwork(t.ctx);
    const alice = await buildMember(t.ctx, network, { role: 'mentor' });
    const bob = await buildMember(t.ctx, network, { role: 'mentor' });
    const first = await buildTopic(t.ctx, network, alice.id, { title: 'First' });
    const second = await buildTopic(t.ctx, network, bob.id, { title: 'Second' });

    const reply = async (topicId: string, authorId: string) => {
      const id = newId();
      const row = {
        id,
        networkId: network.id,
        topicId,
        authorId,
        isOpening: 0,
        bodySource: `Reply ${id}`,
        bodyHtml: `<p>Reply ${id}</p>\n`,
        mentions: '[]',
        editedAt: null,
        deletedAt: null,
        deletedBy: null,
        createdAt: isoNow(),
      };
      expect(await insertReply(db, row, [])).toBe(true);
      return id;
    };
    const [a, b, c] = [
      await reply(first.topicId, alice.id),
      await reply(first.topicId, bob.id),
      await reply(first.topicId, alice.id),
    ];
    const d = await reply(second.topicId, alice.id);
    const attach = async (postId: string, fileName: string) => {
      const id = newId();
      await insertAttachment(db, {
        id,
        networkId: network.id,
        uploaderId: alice.id,
        postId,
        fileName,
        contentType: 'application/pdf',
        size: 10,
        storageKey: id,
        createdAt: isoNow(),
      });
    };

    const now = isoNow();
    await toggleReaction(db, first.postId, bob.id, 'thanks', now);
    await toggleReaction(db, a, bob.id, 'like', now);
    await toggleReaction(db, b, alice.id, 'like', now);
    await toggleReaction(db, b, bob.id, 'like', now);
    await toggleReaction(db, c, alice.id, 'thanks', now);
    await toggleReaction(db, d, bob.id, 'celebrate', now);
    await attach(first.postId, 'opening.pdf');
    await attach(b, 'between.pdf');
    await attach(c, 'c-one.pdf');
    await attach(c, 'c-two.pdf');
    await attach(d, 'other-topic.pdf');

    const rows = (
      await Promise.all([first.postId, a, c, d].map((id) => findPost(db, network.id, id)))
    ).filter((r): r is PostListRow => r !== undefined);
    expect(rows).toHaveLength(4);
    // A page without b (which lies between a and c) and with a post of another topic.
    const shown = await presentPosts(db, network.slug, rows.slice(1), {
      userId: alice.id,
      isModerator: false,
    });
    const extras = (id: string) => {
      const post = shown.find((p) => p.id === id);
      return { reactions: post?.reactions, files: post?.attachments.map((f) => f.fileName).sort() };
    };
    expect(shown.map((p) => p.id)).toEqual([a, c, d]);
    expect(extras(a)).toEqual({ reactions: [{ reaction: 'like', count: 1, mine: false }], files: [] });
    expect(extras(c)).toEqual({
      reactions: [{ reaction: 'thanks', count: 1, mine: true }],
      files: ['c-one.pdf', 'c-two.pdf'],
    });
    expect(extras(d)).toEqual({
      reactions: [{ reaction: 'celebrate', count: 1, mine: false }],
      files: ['other-topic.pdf'],
    });

    // The opening post alone, and with the replies after it.
    const [opening] = await presentPosts(db, network.slug, rows.slice(0, 1), {
      userId: bob.id,
      isModerator: false,
    });
    expect(opening?.reactions).toEqual([{ reaction: 'thanks', count: 1, mine: true }]);
    expect(opening?.attachments.map((f) => f.fileName)).toEqual(['opening.pdf']);
    const all = await presentPosts(db, network.slug, rows, { userId: bob.id, isModerator: false });
    expect(all.map((p) => p.attachments.length)).toEqual([1, 0, 2, 1]);
    expect(all.map((p) => p.reactions.map((r) => r.reaction))).toEqual([
      ['thanks'],
      ['like'],
      ['thanks'],
      ['celebrate'],
    ]);
  });
});
