import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/contracts/moderation.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { buildResource } from '../../test/resources.ts';
import type { NetworkRow } from '../networks/index.ts';

describe.each(DIALECTS)('reports, moderation and blocking on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function person(network: NetworkRow, role: 'mentor' | 'meta_mentor' | 'office' = 'mentor') {
    const user = await buildMember(t.ctx, network, { role });
    return { id: user.id, client: await signIn(t.app, user) };
  }

  /** A network with a meta-mentor, two mentors and a topic (opening post) by the author. */
  async function scene() {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const meta = await person(network, 'meta_mentor');
    const author = await person(network);
    const reader = await person(network);
    const topic = await buildTopic(t.ctx, network, author.id, {
      title: 'Housing tips',
      body: 'Call 0151 2345678',
    });
    const admin = await buildUser(t.ctx, { isPlatformAdmin: 1 });
    return {
      network,
      meta,
      author,
      reader,
      topic,
      admin: { id: admin.id, client: await signIn(t.app, admin) },
    };
  }

  const report = (client: TestClient, kind: string, id: string, reason = 'mentee_personal_data') =>
    client.post('/api/reports', { kind, id, reason, text: 'A phone number of a mentee.' });

  async function directMessage(from: TestClient, toId: string, body = 'Hello there') {
    const conv = await from.post('/api/conversations/direct', { userId: toId });
    const conversationId = conv.json().conversation?.id ?? conv.json().id;
    const sent = await from.post(`/api/conversations/${conversationId}/messages`, {
      body,
      clientId: randomUUID(),
    });
    return { conv, conversationId, sent };
  }

  it('lets members report a post, topic and resource of their network, once while open', async () => {
    const s = await scene();
    const first = await report(s.reader.client, 'post', s.topic.postId);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'post', itemId: s.topic.postId, status: 'open' });
    const again = await report(s.reader.client, 'post', s.topic.postId, 'spam');
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('REPORT_EXISTS');
    expect((await report(s.reader.client, 'topic', s.topic.topicId)).statusCode).toBe(201);
    const resourceId = await buildResource(t.ctx, { networkId: s.network.id, authorId: s.author.id });
    expect((await report(s.reader.client, 'resource', resourceId)).statusCode).toBe(201);
    // Outsiders: a member of another network does not even see it; a visitor must sign in.
    const other = await buildNetwork(t.ctx);
    const stranger = await person(other);
    expect((await report(stranger.client, 'post', s.topic.postId)).statusCode).toBe(404);
    expect((await report(freshClient(t.app), 'profile', s.author.id)).statusCode).toBe(401);
    expect((await report(s.reader.client, 'post', 'nonexistent')).statusCode).toBe(404);
    const badReason = await report(s.reader.client, 'post', s.topic.postId, 'boring');
    expect(badReason.statusCode).toBe(400);
  });

  it('lets only people in a conversation report its messages; profiles by anyone signed in', async () => {
    const s = await scene();
    const { sent } = await directMessage(s.author.client, s.reader.id);
    expect(sent.statusCode, sent.body).toBe(201);
    const messageId = sent.json().message?.id ?? sent.json().id;
    expect((await report(s.meta.client, 'message', messageId)).statusCode).toBe(404);
    expect((await report(s.reader.client, 'message', messageId)).statusCode).toBe(201);
    expect((await report(s.reader.client, 'profile', s.author.id)).statusCode).toBe(201);
    expect((await report(s.reader.client, 'profile', s.reader.id)).statusCode).toBe(403);
    // Messages and profiles go to platform admins only, never to a network's meta-mentors.
    const metaQueue = (await s.meta.client.get('/api/moderation/reports')).json().reports as Report[];
    expect(metaQueue.filter((r) => r.kind === 'message' || r.kind === 'profile')).toEqual([]);
    const adminQueue = (await s.admin.client.get('/api/moderation/reports')).json().reports as Report[];
    expect(adminQueue.map((r) => r.kind)).toEqual(expect.arrayContaining(['message', 'profile']));
    const messageReport = adminQueue.find((r) => r.kind === 'message');
    expect(messageReport).toMatchObject({ excerpt: 'Hello there', network: null });
    const decided = await s.meta.client.post(`/api/moderation/reports/${messageReport?.id}/decision`, {
      decision: 'dismiss',
    });
    expect(decided.statusCode).toBe(404);
  });

  it('shows the queue to meta-mentors of the network and platform admins only', async () => {
    const s = await scene();
    await report(s.reader.client, 'post', s.topic.postId);
    const mine = await s.meta.client.get('/api/moderation/reports?status=open');
    expect(mine.statusCode, mine.body).toBe(200);
    const [only] = mine.json().reports as Report[];
    expect(only).toMatchObject({
      kind: 'post',
      reason: 'mentee_personal_data',
      text: 'A phone number of a mentee.',
      excerpt: 'Call 0151 2345678',
      topicId: s.topic.topicId,
      hidden: false,
      network: { slug: s.network.slug },
      reporter: { id: s.reader.id },
      author: { id: s.author.id },
    });
    const byNetwork = await s.meta.client.get(`/api/networks/${s.network.slug}/moderation/reports`);
    expect(byNetwork.json().reports).toHaveLength(1);
    expect(
      (await s.meta.client.get(`/api/moderation/reports?network=${s.network.slug}`)).json().reports,
    ).toHaveLength(1);
    // A mentor moderates nowhere; the meta-mentor of another network does not see this one's reports.
    expect((await s.reader.client.get('/api/moderation/reports')).statusCode).toBe(403);
    expect((await s.reader.client.get(`/api/networks/${s.network.slug}/moderation/reports`)).statusCode).toBe(
      403,
    );
    const other = await buildNetwork(t.ctx);
    const otherMeta = await person(other, 'meta_mentor');
    expect((await otherMeta.client.get('/api/moderation/reports')).json().reports).toEqual([]);
    expect((await otherMeta.client.get(`/api/moderation/reports?network=${s.network.slug}`)).statusCode).toBe(
      404,
    );
    expect(
      (await otherMeta.client.post(`/api/moderation/reports/${only?.id}/decision`, { decision: 'dismiss' }))
        .statusCode,
    ).toBe(404);
    const all = (await s.admin.client.get('/api/moderation/reports')).json().reports as Report[];
    expect(all.some((r) => r.id === only?.id)).toBe(true);
    expect((await freshClient(t.app).get('/api/moderation/reports')).statusCode).toBe(401);
  });

  it('hides a post from others (the author still sees it), restores it, and tells the reporter', async () => {
    const s = await scene();
    const reported = (await report(s.reader.client, 'post', s.topic.postId)).json();
    const topicUrl = `/api/networks/${s.network.slug}/topics/${s.topic.topicId}`;
    const hide = await s.meta.client.post(`/api/moderation/reports/${reported.id}/decision`, {
      decision: 'hide',
      note: 'Personal data of a mentee',
    });
    expect(hide.statusCode, hide.body).toBe(200);
    expect(hide.json()).toMatchObject({
      status: 'resolved',
      decision: 'hide',
      hidden: true,
      decidedBy: { id: s.meta.id },
    });
    const seenByReader = (await s.reader.client.get(topicUrl)).json();
    expect(seenByReader.opening).toMatchObject({ hidden: true, bodyHtml: null });
    expect(seenByReader.title).toBe('Housing tips');
    const seenByAuthor = (await s.author.client.get(topicUrl)).json();
    expect(seenByAuthor.opening.hidden).toBe(true);
    expect(seenByAuthor.opening.bodyHtml).toContain('0151');
    const notes = (await s.reader.client.get('/api/notifications')).json().notifications as {
      kind: string;
    }[];
    expect(notes.map((n) => n.kind)).toContain('report_actioned');
    const audit = (await s.meta.client.get(`/api/networks/${s.network.slug}/audit`)).json().entries as {
      action: string;
    }[];
    expect(audit.map((e) => e.action)).toContain('content.hidden');

    const restore = await s.meta.client.post(`/api/moderation/reports/${reported.id}/decision`, {
      decision: 'restore',
    });
    expect(restore.statusCode).toBe(200);
    expect((await s.reader.client.get(topicUrl)).json().opening).toMatchObject({ hidden: false });
    expect((await s.reader.client.get(topicUrl)).json().opening.bodyHtml).toContain('0151');
  });

  it('hides a topic title from others and refuses hiding what cannot be hidden', async () => {
    const s = await scene();
    const reported = (await report(s.reader.client, 'topic', s.topic.topicId)).json();
    await s.admin.client.post(`/api/moderation/reports/${reported.id}/decision`, { decision: 'hide' });
    const list = (await s.reader.client.get(`/api/networks/${s.network.slug}/topics`)).json().topics;
    expect(list[0]).toMatchObject({ id: s.topic.topicId, hidden: true, title: null });
    const mine = (await s.author.client.get(`/api/networks/${s.network.slug}/topics`)).json().topics;
    expect(mine[0]).toMatchObject({ hidden: true, title: 'Housing tips' });
    const resourceId = await buildResource(t.ctx, { networkId: s.network.id, authorId: s.author.id });
    const resourceReport = (await report(s.reader.client, 'resource', resourceId)).json();
    await s.meta.client.post(`/api/moderation/reports/${resourceReport.id}/decision`, { decision: 'hide' });
    const resourceUrl = `/api/networks/${s.network.slug}/resources/${resourceId}`;
    expect((await s.reader.client.get(resourceUrl)).json()).toMatchObject({ hidden: true, bodyHtml: '' });
    expect((await s.author.client.get(resourceUrl)).json().bodyHtml).not.toBe('');
    const profile = (await report(s.reader.client, 'profile', s.author.id)).json();
    const refused = await s.admin.client.post(`/api/moderation/reports/${profile.id}/decision`, {
      decision: 'hide',
    });
    expect(refused.statusCode).toBe(400);
  });

  it('warns, dismisses, and suspends an author who then cannot post or message there', async () => {
    const s = await scene();
    const warned = (await report(s.reader.client, 'post', s.topic.postId)).json();
    const warn = await s.meta.client.post(`/api/moderation/reports/${warned.id}/decision`, {
      decision: 'warn',
    });
    expect(warn.statusCode).toBe(200);
    const authorNotes = (await s.author.client.get('/api/notifications')).json().notifications as {
      kind: string;
    }[];
    expect(authorNotes.map((n) => n.kind)).toContain('moderation_warning');

    const dismissed = (await report(s.reader.client, 'topic', s.topic.topicId)).json();
    const dismiss = await s.meta.client.post(`/api/moderation/reports/${dismissed.id}/decision`, {
      decision: 'dismiss',
    });
    expect(dismiss.json()).toMatchObject({ status: 'dismissed', decision: 'dismiss' });
    expect(
      ((await s.reader.client.get('/api/notifications')).json().notifications as { kind: string }[]).map(
        (n) => n.kind,
      ),
    ).toContain('report_dismissed');
    const closed = await s.meta.client.get('/api/moderation/reports?status=dismissed');
    expect((closed.json().reports as Report[]).map((r) => r.id)).toEqual([dismissed.id]);

    const suspended = (await report(s.reader.client, 'post', s.topic.postId, 'harassment')).json();
    const needsDays = await s.meta.client.post(`/api/moderation/reports/${suspended.id}/decision`, {
      decision: 'suspend',
    });
    expect(needsDays.statusCode).toBe(400);
    const suspend = await s.meta.client.post(`/api/moderation/reports/${suspended.id}/decision`, {
      decision: 'suspend',
      days: 7,
    });
    expect(suspend.statusCode, suspend.body).toBe(200);
    const reply = await s.author.client.post(
      `/api/networks/${s.network.slug}/topics/${s.topic.topicId}/replies`,
      {
        body: 'Trying to write anyway',
      },
    );
    expect(reply.statusCode).toBe(403);
    expect(errorCode(reply)).toBe('MEMBER_SUSPENDED');
    // Reading goes on.
    expect(
      (await s.author.client.get(`/api/networks/${s.network.slug}/topics/${s.topic.topicId}`)).statusCode,
    ).toBe(200);
    // They share only this network with the reader: no messages either.
    const dm = await s.author.client.post('/api/conversations/direct', { userId: s.reader.id });
    expect(dm.statusCode).toBe(403);
    expect(errorCode(dm)).toBe('NO_SHARED_NETWORK');
    // Others write as before.
    const other = await s.reader.client.post(
      `/api/networks/${s.network.slug}/topics/${s.topic.topicId}/replies`,
      {
        body: 'Still open for me',
      },
    );
    expect(other.statusCode).toBe(201);
    const audit = (await s.meta.client.get(`/api/networks/${s.network.slug}/audit`)).json().entries as {
      action: string;
    }[];
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['member.warned', 'report.dismissed', 'member.suspended']),
    );
  });

  it('blocks: no direct messages either way, posts flagged for the blocker, unblock and list', async () => {
    const s = await scene();
    const { conversationId } = await directMessage(s.author.client, s.reader.id);
    const block = await s.reader.client.post(`/api/me/blocks/${s.author.id}`);
    expect(block.statusCode, block.body).toBe(200);
    expect((await s.reader.client.post(`/api/me/blocks/${s.author.id}`)).statusCode).toBe(200);
    expect((await s.reader.client.post(`/api/me/blocks/${s.reader.id}`)).statusCode).toBe(400);
    expect((await s.reader.client.post('/api/me/blocks/nobody-at-all')).statusCode).toBe(404);
    const list = (await s.reader.client.get('/api/me/blocks')).json().blocks;
    expect(list).toEqual([expect.objectContaining({ id: s.author.id })]);

    const write = await s.author.client.post(`/api/conversations/${conversationId}/messages`, {
      body: 'Are you there?',
      clientId: randomUUID(),
    });
    expect(write.statusCode).toBe(403);
    expect(errorCode(write)).toBe('USER_BLOCKED');
    const back = await s.reader.client.post(`/api/conversations/${conversationId}/messages`, {
      body: 'Leave me alone',
      clientId: randomUUID(),
    });
    expect(errorCode(back)).toBe('USER_BLOCKED');
    const start = await s.author.client.post('/api/conversations/direct', { userId: s.reader.id });
    expect(errorCode(start)).toBe('USER_BLOCKED');

    const topicUrl = `/api/networks/${s.network.slug}/topics/${s.topic.topicId}`;
    expect((await s.reader.client.get(topicUrl)).json().opening.authorBlocked).toBe(true);
    expect((await s.meta.client.get(topicUrl)).json().opening.authorBlocked).toBe(false);
    const reply = await s.author.client.post(`${topicUrl}/replies`, { body: 'A reply by the blocked one' });
    expect(reply.statusCode).toBe(201);
    const replies = (await s.reader.client.get(`${topicUrl}/replies`)).json().replies;
    expect(replies[0]).toMatchObject({ authorBlocked: true });

    expect((await s.reader.client.delete(`/api/me/blocks/${s.author.id}`)).statusCode).toBe(200);
    expect((await s.reader.client.get('/api/me/blocks')).json().blocks).toEqual([]);
    expect((await s.reader.client.get(topicUrl)).json().opening.authorBlocked).toBe(false);
    const again = await s.author.client.post(`/api/conversations/${conversationId}/messages`, {
      body: 'Thanks for unblocking',
      clientId: randomUUID(),
    });
    expect(again.statusCode).toBe(201);
    expect((await freshClient(t.app).get('/api/me/blocks')).statusCode).toBe(401);
  });
});
