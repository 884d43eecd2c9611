import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Conversation, Message } from '../../../common/contracts/messages.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { newId } from '../../lib/ids.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { connectWs, wsUrl } from '../../test/realtime.ts';
import type { NetworkRow } from '../networks/index.ts';

let counter = 0;
const clientId = () => `client-${Date.now()}-${++counter}`;

describe.each(DIALECTS)('messages on %s', (dialect) => {
  let t: TestApp;
  let url: string;
  let network: NetworkRow;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = wsUrl(t.app);
    network = await buildNetwork(t.ctx);
  });
  afterAll(() => t.close());

  /** A signed-in member of the shared network (or of another one, or of none). */
  async function member(options: { in?: NetworkRow | null; accepted?: boolean } = {}) {
    const inNetwork = options.in === undefined ? network : options.in;
    const user = inNetwork
      ? await buildMember(t.ctx, inNetwork, { accepted: options.accepted })
      : await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    return { user, client, cookie: client.cookie as string };
  }

  async function direct(a: TestClient, userId: string): Promise<Conversation> {
    const res = await a.post('/api/conversations/direct', { userId });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  }

  async function send(
    a: TestClient,
    conversationId: string,
    body: string,
    id = clientId(),
  ): Promise<Message> {
    const res = await a.post(`/api/conversations/${conversationId}/messages`, { body, clientId: id });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('opens one direct conversation per pair, idempotently, only between members who share a network', async () => {
    const a = await member();
    const b = await member();
    const first = await a.client.post('/api/conversations/direct', { userId: b.user.id });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'direct', title: null, unreadCount: 0, lastMessage: null });
    expect(
      first
        .json()
        .participants.map((p: { userId: string }) => p.userId)
        .sort(),
    ).toEqual([a.user.id, b.user.id].sort());
    const again = await a.client.post('/api/conversations/direct', { userId: b.user.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await direct(b.client, a.user.id)).id).toBe(first.json().id);

    const stranger = await member({ in: null });
    const elsewhere = await member({ in: await buildNetwork(t.ctx) });
    const pending = await member({ accepted: false });
    for (const userId of [stranger.user.id, elsewhere.user.id, pending.user.id, 'no-such-user']) {
      const res = await a.client.post('/api/conversations/direct', { userId });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('NO_SHARED_NETWORK');
    }
    // Not having accepted the agreement blocks one's own messaging too.
    expect(errorCode(await pending.client.post('/api/conversations/direct', { userId: a.user.id }))).toBe(
      'NO_SHARED_NETWORK',
    );
    expect(errorCode(await a.client.post('/api/conversations/direct', { userId: a.user.id }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await a.client.post('/api/conversations/direct', {}))).toBe('VALIDATION_FAILED');
    expect(
      (await new TestClient(t.app).post('/api/conversations/direct', { userId: b.user.id })).statusCode,
    ).toBe(401);
  });

  it('sends, renders Markdown safely, deduplicates retries and refuses bad input', async () => {
    const a = await member();
    const b = await member();
    const conversation = await direct(a.client, b.user.id);
    const path = `/api/conversations/${conversation.id}/messages`;

    const id = clientId();
    const body = '**Hallo!** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const sent = await a.client.post(path, { body, clientId: id });
    expect(sent.statusCode).toBe(201);
    const message = sent.json() as Message;
    expect(message).toMatchObject({ body, senderId: a.user.id, revision: message.id, editedAt: null });
    expect(message.html).toContain('<strong>Hallo!</strong>');
    // Raw HTML stays text and unsafe links never become links.
    expect(message.html).not.toMatch(/<script|<img|<a |href=|<[^>]*onerror/);
    expect(message.html).toContain('&lt;script&gt;');

    const retry = await a.client.post(path, { body: 'different text, same click', clientId: id });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(message.id);
    const history = (await b.client.get(path)).json();
    expect(history.messages).toHaveLength(1);

    expect((await a.client.post(path, { body: 'x'.repeat(10_000), clientId: clientId() })).statusCode).toBe(
      201,
    );
    for (const bad of [
      { body: '', clientId: clientId() },
      { body: '   \n ', clientId: clientId() },
      { body: 'x'.repeat(10_001), clientId: clientId() },
      { body: 'no client id' },
      { body: 'bad client id', clientId: 'a b' },
      { body: 'extra', clientId: clientId(), senderId: b.user.id },
    ]) {
      const res = await a.client.post(path, bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    // The same client id in another conversation is a client bug, not a retry.
    const other = await direct(a.client, (await member()).user.id);
    expect(
      errorCode(await a.client.post(`/api/conversations/${other.id}/messages`, { body: 'hi', clientId: id })),
    ).toBe('VALIDATION_FAILED');
  });

  it('hides conversations from non-participants and forged ids (404) and lets only authors change messages', async () => {
    const a = await member();
    const b = await member();
    const outsider = await member();
    const conversation = await direct(a.client, b.user.id);
    const message = await send(a.client, conversation.id, 'Only for B');
    const forged = '01900000-0000-7000-8000-000000000000';

    // A cursor the history would accept (before the newest message), and a broken one.
    const cursor = Buffer.from(JSON.stringify([`${message.id}z`])).toString('base64url');
    expect(
      (await b.client.get(`/api/conversations/${conversation.id}/messages?cursor=${cursor}`)).json(),
    ).toEqual(expect.objectContaining({ messages: [expect.objectContaining({ body: 'Only for B' })] }));
    for (const client of [outsider.client]) {
      expect((await client.get(`/api/conversations/${conversation.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/conversations/${conversation.id}/messages`)).statusCode).toBe(404);
      for (const page of [`cursor=${cursor}`, 'cursor=forged', 'limit=1']) {
        const res = await client.get(`/api/conversations/${conversation.id}/messages?${page}`);
        expect(errorCode(res)).toBe('NOT_FOUND');
      }
      expect(
        (
          await client.post(`/api/conversations/${conversation.id}/messages`, {
            body: 'hi',
            clientId: clientId(),
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await client.post(`/api/conversations/${conversation.id}/read`, { messageId: message.id }))
          .statusCode,
      ).toBe(404);
      expect((await client.patch(`/api/messages/${message.id}`, { body: 'mine now' })).statusCode).toBe(404);
      expect((await client.delete(`/api/messages/${message.id}`)).statusCode).toBe(404);
    }
    expect((await a.client.get(`/api/conversations/${forged}/messages`)).statusCode).toBe(404);
    expect(
      (await a.client.post(`/api/conversations/${forged}/messages`, { body: 'x', clientId: clientId() }))
        .statusCode,
    ).toBe(404);
    expect((await a.client.patch(`/api/messages/${forged}`, { body: 'x' })).statusCode).toBe(404);
    expect((await outsider.client.get('/api/messages/sync')).json().messages).toEqual([]);

    expect(errorCode(await b.client.patch(`/api/messages/${message.id}`, { body: 'edited by B' }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await b.client.delete(`/api/messages/${message.id}`))).toBe('FORBIDDEN');
    const edited = await a.client.patch(`/api/messages/${message.id}`, { body: 'Only for *B*' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().editedAt).not.toBeNull();
    expect(edited.json().html).toContain('<em>B</em>');
    expect(edited.json().revision > message.revision).toBe(true);
    expect((await a.client.patch(`/api/messages/${message.id}`, { body: '' })).statusCode).toBe(400);

    expect((await a.client.delete(`/api/messages/${message.id}`)).statusCode).toBe(200);
    const [deleted] = (await b.client.get(`/api/conversations/${conversation.id}/messages`)).json().messages;
    expect(deleted).toMatchObject({ id: message.id, body: '', html: '' });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await a.client.patch(`/api/messages/${message.id}`, { body: 'back' })).statusCode).toBe(404);
    expect((await a.client.delete(`/api/messages/${message.id}`)).statusCode).toBe(404);
  });

  it('pages history newest first and keeps unread counts and read marks', async () => {
    const a = await member();
    const b = await member();
    const conversation = await direct(a.client, b.user.id);
    // Before anything is sent: an empty page for each participant, not a 404.
    for (const client of [a.client, b.client]) {
      const empty = await client.get(`/api/conversations/${conversation.id}/messages`);
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toMatchObject({ messages: [], nextCursor: null });
    }
    const sent: Message[] = [];
    for (let i = 1; i <= 5; i++) sent.push(await send(a.client, conversation.id, `Message ${i}`));
    const path = `/api/conversations/${conversation.id}/messages`;

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { messages: Message[]; nextCursor: string | null } = (
        await b.client.get(`${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.messages.map((m: Message) => m.body));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Message 5', 'Message 4', 'Message 3', 'Message 2', 'Message 1']);
    expect((await b.client.get(`${path}?cursor=forged`)).statusCode).toBe(400);
    expect((await b.client.get(`${path}?limit=1000`)).statusCode).toBe(400);

    expect((await b.client.get('/api/messages/unread')).json()).toEqual({
      total: 5,
      conversations: [{ conversationId: conversation.id, unreadCount: 5 }],
    });
    expect((await a.client.get('/api/messages/unread')).json()).toEqual({ total: 0, conversations: [] });

    const aSocket = await connectWs(url, { cookie: a.cookie });
    const read = await b.client.post(`/api/conversations/${conversation.id}/read`, {
      messageId: sent[2]?.id,
    });
    expect(read.json()).toEqual({
      conversationId: conversation.id,
      userId: b.user.id,
      messageId: sent[2]?.id,
    });
    const event = await aSocket.waitFor('message.read');
    expect(event.data).toEqual(read.json());
    // Read marks only move forward.
    await b.client.post(`/api/conversations/${conversation.id}/read`, { messageId: sent[0]?.id });
    expect((await b.client.get('/api/messages/unread')).json().total).toBe(2);
    const listed = (await b.client.get('/api/conversations')).json().conversations;
    expect(listed[0]).toMatchObject({
      id: conversation.id,
      unreadCount: 2,
      lastMessage: { body: 'Message 5' },
    });
    expect(
      listed[0].participants.find((p: { userId: string }) => p.userId === b.user.id).lastReadMessageId,
    ).toBe(sent[2]?.id);
    expect(
      errorCode(await b.client.post(`/api/conversations/${conversation.id}/read`, { messageId: 'nope' })),
    ).toBe('NOT_FOUND');
    expect(aSocket.ofType('message.read')).toHaveLength(1);
    await aSocket.close();
  });

  it.runIf(dialect === 'postgres')('sends two statements for a page of history with messages', async () => {
    const a = await member();
    const b = await member();
    const conversation = await direct(a.client, b.user.id);
    await send(a.client, conversation.id, 'Counted');
    const path = `/api/conversations/${conversation.id}/messages`;
    // Once to settle (a first request may touch the session).
    expect((await b.client.get(path)).statusCode).toBe(200);
    const spy = vi.spyOn(t.ctx.metrics, 'observeQuery');
    try {
      expect((await b.client.get(path)).json().messages).toHaveLength(1);
      // The session, then the page (with where the participant's history starts).
      expect(spy.mock.calls).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('counts unread messages up to 100 per conversation', async () => {
    const a = await member();
    const b = await member();
    const conversation = await direct(a.client, b.user.id);
    const first = await send(b.client, conversation.id, 'First of many');
    // 110 more from B (written directly: the count is the question), one of them deleted, and A's own.
    const now = new Date().toISOString();
    const rows = Array.from({ length: 110 }, (_, i) => ({
      id: newId(Date.now() + 1 + i),
      conversationId: conversation.id,
      senderId: i === 109 ? a.user.id : b.user.id,
      clientId: `bulk-${i}`,
      body: `Bulk ${i}`,
      html: `<p>Bulk ${i}</p>`,
      revision: newId(Date.now() + 1 + i),
      createdAt: now,
      editedAt: null,
      deletedAt: i === 0 ? now : null,
    }));
    await t.ctx.database.db.insertInto('messages').values(rows).execute();
    const unread = (await a.client.get('/api/messages/unread')).json();
    expect(unread).toEqual({
      total: 100,
      conversations: [{ conversationId: conversation.id, unreadCount: 100 }],
    });
    const listed = (await a.client.get('/api/conversations')).json().conversations;
    expect(listed.find((c: Conversation) => c.id === conversation.id)?.unreadCount).toBe(100);
    // Read up to the 20th of B's bulk messages: 1 (first) + 19 (bulk 1–19, bulk 0 deleted) are read.
    const mark = rows[19]?.id;
    expect(
      (await a.client.post(`/api/conversations/${conversation.id}/read`, { messageId: mark })).statusCode,
    ).toBe(200);
    // Left: B's bulk 20–108, 89 messages (A's own last one never counts).
    expect((await a.client.get('/api/messages/unread')).json().total).toBe(89);
    expect(first.body).toBe('First of many');
  });

  it('runs groups: create, add (history from arrival), size limit, leave', async () => {
    const [a, b, c, d] = [await member(), await member(), await member(), await member()];
    const stranger = await member({ in: null });
    const path = '/api/conversations/group';
    expect((await a.client.post(path, { title: '', userIds: [b.user.id] })).statusCode).toBe(400);
    expect((await a.client.post(path, { title: 'Alone', userIds: [] })).statusCode).toBe(400);
    expect(errorCode(await a.client.post(path, { title: 'Alone', userIds: [a.user.id] }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await a.client.post(path, { title: 'Big', userIds: Array.from({ length: 50 }, (_, i) => `u${i}`) }))
        .statusCode,
    ).toBe(400);
    expect(errorCode(await a.client.post(path, { title: 'T', userIds: [b.user.id, stranger.user.id] }))).toBe(
      'NO_SHARED_NETWORK',
    );

    const dSocket = await connectWs(url, { cookie: d.cookie });
    const created = await a.client.post(path, {
      title: 'Welcome team',
      userIds: [b.user.id, c.user.id, b.user.id],
    });
    expect(created.statusCode).toBe(201);
    const group = created.json() as Conversation;
    expect(group).toMatchObject({ kind: 'group', title: 'Welcome team' });
    expect(group.participants).toHaveLength(3);
    await send(a.client, group.id, 'Before D arrived');

    const added = await b.client.post(`/api/conversations/${group.id}/participants`, {
      userIds: [d.user.id],
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().participants).toHaveLength(4);
    await dSocket.waitFor('conversation.created', (f) => f.data.conversation.id === group.id);
    const after = await send(c.client, group.id, 'After D arrived');
    expect((await dSocket.waitFor('message.created', (f) => f.data.message.id === after.id)).id).toBe(
      after.revision,
    );
    const history = (await d.client.get(`/api/conversations/${group.id}/messages`)).json().messages;
    expect(history.map((m: Message) => m.body)).toEqual(['After D arrived']);
    expect((await d.client.get('/api/messages/unread')).json().total).toBe(1);

    expect(
      errorCode(
        await b.client.post(`/api/conversations/${group.id}/participants`, { userIds: [stranger.user.id] }),
      ),
    ).toBe('NO_SHARED_NETWORK');
    const pair = await direct(a.client, b.user.id);
    expect(
      errorCode(await a.client.post(`/api/conversations/${pair.id}/participants`, { userIds: [c.user.id] })),
    ).toBe('NOT_A_GROUP');
    expect(errorCode(await a.client.delete(`/api/conversations/${pair.id}/participants/me`))).toBe(
      'NOT_A_GROUP',
    );

    // 50 people at most: the group has 4; 46 more fit, the 47th does not.
    const more = await Promise.all(Array.from({ length: 47 }, () => buildMember(t.ctx, network)));
    expect(
      errorCode(
        await a.client.post(`/api/conversations/${group.id}/participants`, {
          userIds: more.map((u) => u.id),
        }),
      ),
    ).toBe('GROUP_FULL');
    expect(
      (
        await a.client.post(`/api/conversations/${group.id}/participants`, {
          userIds: more.slice(0, 46).map((u) => u.id),
        })
      ).json().participants,
    ).toHaveLength(50);

    expect((await d.client.delete(`/api/conversations/${group.id}/participants/me`)).statusCode).toBe(200);
    await dSocket.waitFor('conversation.left', (f) => f.data.userId === d.user.id);
    const late = await send(a.client, group.id, 'After D left');
    expect((await d.client.get(`/api/conversations/${group.id}/messages`)).statusCode).toBe(404);
    await dSocket.settle(t.ctx);
    expect(dSocket.ofType('message.created').some((f) => f.data.message.id === late.id)).toBe(false);
    await dSocket.close();
  });

  it('shows typing over the socket to the other participants, rate-limited', async () => {
    const a = await member();
    const b = await member();
    const conversation = await direct(a.client, b.user.id);
    const aSocket = await connectWs(url, { cookie: a.cookie });
    const bSocket = await connectWs(url, { cookie: b.cookie });
    aSocket.send({ type: 'typing', data: { conversationId: conversation.id } });
    const typing = await bSocket.waitFor('typing.started');
    expect(typing.data).toEqual({
      conversationId: conversation.id,
      userId: a.user.id,
      displayName: a.user.displayName,
    });
    aSocket.send({ type: 'typing', data: { conversationId: conversation.id } });
    expect((await aSocket.waitFor('realtime.error')).data).toEqual({ code: 'RATE_LIMITED', frame: 'typing' });
    const outsider = await member();
    const oSocket = await connectWs(url, { cookie: outsider.cookie });
    oSocket.send({ type: 'typing', data: { conversationId: conversation.id } });
    expect((await oSocket.waitFor('realtime.error')).data.code).toBe('NOT_FOUND');
    await bSocket.settle(t.ctx);
    expect(bSocket.ofType('typing.started')).toHaveLength(1);
    await Promise.all([aSocket.close(), bSocket.close(), oSocket.close()]);
  });

  it('loses nothing and duplicates nothing when the socket drops mid-conversation', async () => {
    const a = await member();
    const b = await member();
    const bSocket = await connectWs(url, { cookie: b.cookie });
    const conversation = await direct(a.client, b.user.id);
    await bSocket.waitFor('conversation.created', (f) => f.data.conversation.id === conversation.id);

    /** B's view, as a client keeps it: message id → latest revision, plus every delivery counted. */
    const deliveries = new Map<string, number>();
    let lastSeen = '';
    const receive = (message: Message) => {
      deliveries.set(
        `${message.id}@${message.revision}`,
        (deliveries.get(`${message.id}@${message.revision}`) ?? 0) + 1,
      );
      if (message.revision > lastSeen) lastSeen = message.revision;
    };
    const live = async (socket: typeof bSocket, count: number) => {
      await expect
        .poll(() => socket.ofType('message.created').length + socket.ofType('message.updated').length)
        .toBe(count);
    };

    const before = [
      await send(a.client, conversation.id, 'one'),
      await send(a.client, conversation.id, 'two'),
    ];
    await live(bSocket, 2);
    for (const f of [...bSocket.ofType('message.created'), ...bSocket.ofType('message.updated')]) {
      expect(f.id).toBe(f.data.message.revision);
      receive(f.data.message);
    }

    // The connection dies without a close handshake (phone in a tunnel).
    bSocket.ws.terminate();
    await bSocket.closed;
    const during = [
      await send(a.client, conversation.id, 'three'),
      await send(a.client, conversation.id, 'four'),
      await send(a.client, conversation.id, 'five'),
    ];
    const edited = (await a.client.patch(`/api/messages/${before[0]?.id}`, { body: 'one (edited)' })).json();

    // Reconnect, wait until the socket is in its rooms, then catch up in small pages.
    const again = await connectWs(url, { cookie: b.cookie });
    let hasMore = true;
    let pages = 0;
    while (hasMore) {
      const res = await b.client.get(`/api/messages/sync?since=${lastSeen}&limit=2`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      for (const m of page.messages) receive(m);
      expect(page.nextSince).toBe(lastSeen);
      hasMore = page.hasMore;
      pages += 1;
    }
    expect(pages).toBe(2);
    const after = await send(a.client, conversation.id, 'six');
    await live(again, 1);
    receive(again.ofType('message.created')[0]?.data.message as Message);

    const expected = [...before, ...during, after].map((m) => `${m.id}@${m.id}`);
    expected.push(`${edited.id}@${edited.revision}`);
    expect([...deliveries.keys()].sort()).toEqual(expected.sort());
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    // Nothing new: a sync from the latest id is empty.
    expect((await b.client.get(`/api/messages/sync?since=${lastSeen}`)).json()).toMatchObject({
      messages: [],
      hasMore: false,
      nextSince: lastSeen,
    });
    expect((await b.client.get('/api/messages/sync?limit=0')).statusCode).toBe(400);
    expect((await new TestClient(t.app).get('/api/messages/sync')).statusCode).toBe(401);
    await again.close();
  });
});
