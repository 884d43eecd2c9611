import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../../common/contracts/discussions.ts';
import { withTransaction } from '../../db/transaction.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { presentPosts } from './discussions.presenter.ts';
import {
  findPost,
  insertAttachment,
  insertReply,
  listReplies,
  type PostListRow,
  toggleReaction,
} from './posts.repository.ts';

/**
 * Reactions and attachments are read in each post's own row (JSON columns, see postExtras): each
 * post shows exactly its own, whatever lies between the posts shown or in other topics, with the
 * reader's own reactions marked.
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
        hiddenAt: null,
        hiddenBy: null,
        createdAt: isoNow(),
      };
      await insertReply(db, row);
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

    const alicesView = { userId: alice.id, isModerator: false };
    const bobsView = { userId: bob.id, isModerator: false };
    const postsAs = async (reader: { userId: string }, ids: string[]) =>
      (await Promise.all(ids.map((id) => findPost(db, network.id, id, reader.userId)))).filter(
        (r): r is PostListRow => r !== undefined,
      );
    const extrasOf = (posts: Post[], id: string) => {
      const post = posts.find((p) => p.id === id);
      // Oldest first is by id; two ids made in the same millisecond may come in either order.
      const ids = post?.attachments.map((f) => f.id) ?? [];
      expect(ids).toEqual([...ids].sort());
      return { reactions: post?.reactions, files: post?.attachments.map((f) => f.fileName).sort() };
    };

    // Single posts, as Alice sees them.
    const shown = presentPosts(network.slug, await postsAs(alicesView, [a, c, d]), alicesView);
    expect(shown.map((p) => p.id)).toEqual([a, c, d]);
    expect(extrasOf(shown, a)).toEqual({
      reactions: [{ reaction: 'like', count: 1, mine: false }],
      files: [],
    });
    expect(extrasOf(shown, c)).toEqual({
      reactions: [{ reaction: 'thanks', count: 1, mine: true }],
      files: ['c-one.pdf', 'c-two.pdf'],
    });
    expect(extrasOf(shown, d)).toEqual({
      reactions: [{ reaction: 'celebrate', count: 1, mine: false }],
      files: ['other-topic.pdf'],
    });
    const [opening] = presentPosts(network.slug, await postsAs(bobsView, [first.postId]), bobsView);
    expect(opening?.reactions).toEqual([{ reaction: 'thanks', count: 1, mine: true }]);
    expect(opening?.attachments.map((f) => f.fileName)).toEqual(['opening.pdf']);
    expect(opening?.attachments[0]).toMatchObject({
      contentType: 'application/pdf',
      size: 10,
      url: expect.stringMatching(new RegExp(`^/api/networks/${network.slug}/attachments/`)),
    });

    // A page of replies (SQLite: JSON rows), and the same page read inside a transaction (SQLite:
    // the JSON columns as text), as Bob sees it.
    const expected = {
      [a]: { reactions: [{ reaction: 'like', count: 1, mine: true }], files: [] },
      [b]: { reactions: [{ reaction: 'like', count: 2, mine: true }], files: ['between.pdf'] },
      [c]: { reactions: [{ reaction: 'thanks', count: 1, mine: false }], files: ['c-one.pdf', 'c-two.pdf'] },
    };
    const page = presentPosts(
      network.slug,
      await listReplies(db, { networkId: network.id, id: first.topicId }, bob.id, {
        limit: 10,
        withDeleted: false,
      }),
      bobsView,
    );
    const inTransaction = presentPosts(
      network.slug,
      await withTransaction(t.ctx, (tx) =>
        listReplies(tx.database.db, { networkId: network.id, id: first.topicId }, bob.id, {
          limit: 10,
          withDeleted: false,
        }),
      ),
      bobsView,
    );
    for (const posts of [page, inTransaction]) {
      // Replies come in id order; ids made in the same millisecond may sort either way.
      expect(posts.map((p) => p.id)).toEqual([a, b, c].sort());
      for (const id of [a, b, c]) expect(extrasOf(posts, id)).toEqual(expected[id]);
    }

    // Several reactions on one post come in the fixed order of REACTIONS.
    await toggleReaction(db, a, alice.id, 'celebrate', now);
    await toggleReaction(db, a, bob.id, 'heart', now);
    const [many] = presentPosts(network.slug, await postsAs(bobsView, [a]), bobsView);
    expect(many?.reactions).toEqual([
      { reaction: 'like', count: 1, mine: true },
      { reaction: 'heart', count: 1, mine: true },
      { reaction: 'celebrate', count: 1, mine: false },
    ]);
  });
});
