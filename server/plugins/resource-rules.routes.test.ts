import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../common/contracts/discussions.ts';
import type { NetworkRow } from '../modules/networks/index.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../test/client.ts';
import { buildTopic } from '../test/discussions.ts';
import { buildMember, buildNetwork } from '../test/factories.ts';

/**
 * The resource rules of common/policies/content.ts through the API: who may change what a member
 * wrote. The role × action matrix (authorize.routes.test.ts) decides who may write at all; here
 * everyone may, and the answer depends on who wrote the thing. Allowed cells must succeed (2xx),
 * denied ones answer 403 FORBIDDEN (404 for a message in a conversation one is not part of).
 */

type Reader = 'author' | 'other_member' | 'moderator';
const READERS: Reader[] = ['author', 'other_member', 'moderator'];

/** Y = allowed, - = denied, one letter per reader in READERS. */
const CONTENT_EXPECTED = {
  'topic.rename': 'Y--',
  'topic.delete': 'Y-Y',
  'reply.edit': 'Y--',
  'reply.delete': 'Y-Y',
  /** Reading the text of a deleted reply, and the title and opening post of a deleted topic. */
  'deleted.read': '--Y',
} as const;
type ContentRule = keyof typeof CONTENT_EXPECTED;
const allowed = (rule: ContentRule, reader: Reader) =>
  CONTENT_EXPECTED[rule][READERS.indexOf(reader)] === 'Y';

const succeeded = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

describe.each(DIALECTS)('resource rules through the API on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  let clients: Record<Reader, TestClient>;
  let ids: Record<Reader, string>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    network = await buildNetwork(t.ctx);
    const author = await buildMember(t.ctx, network, { role: 'mentor' });
    const other = await buildMember(t.ctx, network, { role: 'mentor' });
    const moderator = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    clients = {
      author: await signIn(t.app, author),
      other_member: await signIn(t.app, other),
      moderator: await signIn(t.app, moderator),
    };
    ids = { author: author.id, other_member: other.id, moderator: moderator.id };
  });
  afterAll(() => t.close());

  const n = () => `/api/networks/${network.slug}`;

  /** A fresh topic by the author with one reply by the author: [topicId, openingPostId, replyId]. */
  async function authoredTopic(): Promise<{ topicId: string; openingId: string; replyId: string }> {
    const topic = await buildTopic(t.ctx, network, ids.author);
    const reply = await clients.author.post(`${n()}/topics/${topic.topicId}/replies`, {
      body: 'A reply the rules are tested on.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    return { topicId: topic.topicId, openingId: topic.postId, replyId: (reply.json() as Post).id };
  }

  /** The reply as a reader sees it in the topic's replies. */
  async function replyAs(reader: Reader, topicId: string, replyId: string): Promise<Post | undefined> {
    const res = await clients[reader].get(`${n()}/topics/${topicId}/replies`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().replies as Post[]).find((p) => p.id === replyId);
  }

  /** Checks one cell: an allowed one must succeed, a denied one answer FORBIDDEN. */
  function judge(rule: ContentRule, reader: Reader, res: LightMyRequestResponse): string {
    if (allowed(rule, reader))
      return succeeded(res) ? '' : `${rule} · ${reader}: expected 2xx, got ${res.body}`;
    return res.statusCode === 403 && errorCode(res) === 'FORBIDDEN'
      ? ''
      : `${rule} · ${reader}: expected 403 FORBIDDEN, got ${res.statusCode} ${res.body}`;
  }

  it('tell each reader what they may do with a post (canEdit, canDelete)', async () => {
    const { topicId, openingId, replyId } = await authoredTopic();
    for (const reader of READERS) {
      const reply = await replyAs(reader, topicId, replyId);
      expect(reply, reader).toMatchObject({
        canEdit: allowed('reply.edit', reader),
        canDelete: allowed('reply.delete', reader),
      });
      const topic = (await clients[reader].get(`${n()}/topics/${topicId}`)).json();
      expect(topic.opening, reader).toMatchObject({
        id: openingId,
        canEdit: allowed('topic.rename', reader),
        canDelete: allowed('topic.delete', reader),
      });
    }
  });

  it('let only the author rename a topic and edit a reply', async () => {
    const wrong: string[] = [];
    const { topicId, replyId } = await authoredTopic();
    for (const reader of READERS) {
      const renamed = await clients[reader].patch(`${n()}/topics/${topicId}`, {
        title: `Renamed by ${reader}`,
      });
      wrong.push(judge('topic.rename', reader, renamed));
      const edited = await clients[reader].patch(`${n()}/posts/${replyId}`, { body: `Edited by ${reader}` });
      wrong.push(judge('reply.edit', reader, edited));
    }
    expect(wrong.filter(Boolean)).toEqual([]);
    const topic = (await clients.other_member.get(`${n()}/topics/${topicId}`)).json();
    expect(topic.title).toBe('Renamed by author');
    expect((await replyAs('other_member', topicId, replyId))?.bodyHtml).toContain('Edited by author');
  });

  it('let the author or a moderator delete a topic or a reply, not another member', async () => {
    const wrong: string[] = [];
    for (const reader of READERS) {
      // A topic and a reply of their own for each reader: a deletion that works uses them up.
      const { topicId, replyId } = await authoredTopic();
      wrong.push(judge('reply.delete', reader, await clients[reader].delete(`${n()}/posts/${replyId}`)));
      wrong.push(judge('topic.delete', reader, await clients[reader].delete(`${n()}/topics/${topicId}`)));
    }
    expect(wrong.filter(Boolean)).toEqual([]);
    // A deletion by someone other than the author is moderation: it is kept in the audit log.
    const audit = (await clients.moderator.get(`${n()}/audit`)).json().entries as {
      action: string;
      actor: { id: string } | null;
    }[];
    const deletions = audit.filter((e) => e.action === 'post.deleted' || e.action === 'topic.deleted');
    expect(deletions.map((e) => [e.action, e.actor?.id]).sort()).toEqual([
      ['post.deleted', ids.moderator],
      ['topic.deleted', ids.moderator],
    ]);
  });

  it('keep the text of a deleted reply and a deleted topic for moderators only', async () => {
    const { topicId, replyId } = await authoredTopic();
    expect((await clients.author.delete(`${n()}/posts/${replyId}`)).statusCode).toBe(200);
    for (const reader of READERS) {
      const reply = await replyAs(reader, topicId, replyId);
      expect(reply?.deleted, reader).toBe(true);
      expect(reply?.bodyHtml !== null, reader).toBe(allowed('deleted.read', reader));
      expect(reply, reader).toMatchObject({ canEdit: false, canDelete: false, bodySource: null });
    }

    // A deleted topic stays in place as deleted; its title and opening post only for moderators.
    expect((await clients.author.delete(`${n()}/topics/${topicId}`)).statusCode).toBe(200);
    for (const reader of READERS) {
      const res = await clients[reader].get(`${n()}/topics/${topicId}`);
      expect(res.statusCode, reader).toBe(200);
      const topic = res.json();
      expect(topic.deleted, reader).toBe(true);
      expect(topic.title !== null, reader).toBe(allowed('deleted.read', reader));
      expect(topic.opening.bodyHtml !== null, reader).toBe(allowed('deleted.read', reader));
    }
  });

  describe('messages', () => {
    /** Y = allowed, - = denied: sender, the other participant, a member outside the conversation. */
    const MESSAGE_EXPECTED = { 'message.edit': 'Y--', 'message.delete': 'Y--' } as const;
    const PEOPLE = ['sender', 'recipient', 'outsider'] as const;

    it('let only the sender edit or delete a message; others in the conversation get 403, outsiders 404', async () => {
      const people = {
        sender: clients.author,
        recipient: clients.other_member,
        outsider: clients.moderator,
      };
      const opened = await people.sender.post('/api/conversations/direct', { userId: ids.other_member });
      expect(opened.statusCode, opened.body).toBeLessThan(300);
      const conversationId = opened.json().id as string;
      let sent = 0;
      const newMessage = async () => {
        sent += 1;
        const res = await people.sender.post(`/api/conversations/${conversationId}/messages`, {
          body: `Message ${sent}`,
          clientId: `resource-rules-${sent}-${Date.now()}`,
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as string;
      };

      const wrong: string[] = [];
      for (const [i, who] of PEOPLE.entries()) {
        const messageId = await newMessage();
        const edited = await people[who].patch(`/api/messages/${messageId}`, { body: `Edited by ${who}` });
        const deleted = await people[who].delete(`/api/messages/${messageId}`);
        for (const [rule, res] of [
          ['message.edit', edited],
          ['message.delete', deleted],
        ] as const) {
          const want =
            MESSAGE_EXPECTED[rule][i] === 'Y'
              ? '2xx'
              : who === 'outsider'
                ? '404 NOT_FOUND'
                : '403 FORBIDDEN';
          const got = succeeded(res) ? '2xx' : `${res.statusCode} ${errorCode(res)}`;
          if (got !== want) wrong.push(`${rule} · ${who}: expected ${want}, got ${got}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});
