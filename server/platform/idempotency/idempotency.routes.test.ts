import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoNow, MINUTE } from '../../lib/time.ts';
import type { NetworkRow } from '../../modules/networks/index.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';

let counter = 0;
const newKey = () => `key-${Date.now()}-${++counter}-abcdef`;

describe.each(DIALECTS)('Idempotency-Key on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  let topicPath: string;
  let meta: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    network = await buildNetwork(t.ctx);
    meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const topic = await startTopic(meta, network.slug, { spaceId: await spaceId(meta, network.slug) });
    topicPath = `/api/networks/${network.slug}/topics/${topic.id}`;
  });
  afterAll(() => t.close());

  async function member() {
    const user = await buildMember(t.ctx, network, { role: 'mentor' });
    return { user, client: await signIn(t.app, user) };
  }

  const repliesWith = async (body: string) =>
    t.ctx.database.db.selectFrom('posts').select(['id', 'authorId']).where('bodySource', '=', body).execute();

  const reply = (client: TestClient, body: string, key?: string) =>
    client.post(`${topicPath}/replies`, { body }, key ? { 'idempotency-key': key } : {});

  it('answers a repeated reply with the first answer and stores one reply', async () => {
    const { user, client } = await member();
    const key = newKey();
    const first = await reply(client, 'Written on the train', key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await reply(client, 'Written on the train', key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await repliesWith('Written on the train')).toEqual([{ id: first.json().id, authorId: user.id }]);

    // Without a key every request is its own.
    expect((await reply(client, 'No key here')).statusCode).toBe(201);
    expect((await reply(client, 'No key here')).statusCode).toBe(201);
    expect(await repliesWith('No key here')).toHaveLength(2);
  });

  it("keeps keys per user: another member's same key is a request of its own", async () => {
    const anna = await member();
    const ben = await member();
    const key = newKey();
    const a = await reply(anna.client, 'Same words, two people', key);
    const b = await reply(ben.client, 'Same words, two people', key);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(a.json().id).not.toBe(b.json().id);
    const rows = await repliesWith('Same words, two people');
    expect(rows.map((r) => r.authorId).sort()).toEqual([anna.user.id, ben.user.id].sort());
  });

  it('refuses the same key with another request, and a key that is not one', async () => {
    const { client } = await member();
    const key = newKey();
    expect((await reply(client, 'The first text', key)).statusCode).toBe(201);
    const other = await reply(client, 'A different text', key);
    expect([other.statusCode, errorCode(other)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await repliesWith('A different text')).toEqual([]);
    for (const bad of ['short', 'x'.repeat(201), 'has space inside']) {
      const res = await reply(client, 'Bad key', bad);
      expect([res.statusCode, errorCode(res)]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await repliesWith('Bad key')).toEqual([]);
  });

  it('gives the key back when the request fails, so that a later retry goes through', async () => {
    const { client } = await member();
    const key = newKey();
    expect((await meta.request('PUT', `${topicPath}/moderation`, { locked: true })).statusCode).toBe(200);
    const locked = await reply(client, 'Sent while locked', key);
    expect(errorCode(locked)).toBe('TOPIC_LOCKED');
    expect((await meta.request('PUT', `${topicPath}/moderation`, { locked: false })).statusCode).toBe(200);
    const retried = await reply(client, 'Sent while locked', key);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await repliesWith('Sent while locked')).toHaveLength(1);
  });

  it('refuses a repeat while the first is handled, takes over a claim left behind, forgets keys after a day', async () => {
    const { user, client } = await member();
    const db = t.ctx.database.db;
    const claim = (key: string, ageMs: number, answered = false) =>
      db
        .insertInto('idempotencyKeys')
        .values({
          userId: user.id,
          key,
          scope: 'discussions.reply',
          fingerprint: 'elsewhere',
          statusCode: answered ? 201 : null,
          responseBody: answered ? '{}' : null,
          createdAt: isoNow(Date.now() - ageMs),
        })
        .execute();

    const busy = newKey();
    await claim(busy, 0);
    const inUse = await reply(client, 'Still being sent', busy);
    expect([inUse.statusCode, errorCode(inUse)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);

    // A claim with this very request, unanswered: in use while fresh, taken over once stale.
    const fresh = newKey();
    expect((await reply(client, 'Claimed and lost', fresh)).statusCode).toBe(201);
    await db
      .updateTable('idempotencyKeys')
      .set({ statusCode: null, responseBody: null, createdAt: isoNow() })
      .where('key', '=', fresh)
      .execute();
    const pending = await reply(client, 'Claimed and lost', fresh);
    expect([pending.statusCode, errorCode(pending)]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE']);
    await db
      .updateTable('idempotencyKeys')
      .set({ createdAt: isoNow(Date.now() - 2 * MINUTE) })
      .where('key', '=', fresh)
      .execute();
    expect((await reply(client, 'Claimed and lost', fresh)).statusCode).toBe(201);
    expect(await repliesWith('Claimed and lost')).toHaveLength(2);

    // An answered key older than a day is forgotten: the request runs again.
    const old = newKey();
    await claim(old, 25 * 60 * MINUTE, true);
    const expired = await reply(client, 'After the weekend', old);
    expect(expired.statusCode).toBe(201);
    expect(expired.headers['idempotent-replayed']).toBeUndefined();
    const row = await db
      .selectFrom('idempotencyKeys')
      .select(['statusCode', 'fingerprint'])
      .where('userId', '=', user.id)
      .where('key', '=', old)
      .executeTakeFirstOrThrow();
    expect(row.statusCode).toBe(201);
    expect(row.fingerprint).not.toBe('elsewhere');
  });

  it('answers a repeated message with the first one and stores one message, per user', async () => {
    const anna = await member();
    const ben = await member();
    const opened = await anna.client.post('/api/conversations/direct', { userId: ben.user.id });
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    const path = `/api/conversations/${opened.json().id}/messages`;
    const key = newKey();
    const send = (client: TestClient, clientId: string, body: string) =>
      client.post(path, { body, clientId }, { 'idempotency-key': key });

    const first = await send(anna.client, 'anna-client-1', 'Hello from the bus');
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(anna.client, 'anna-client-1', 'Hello from the bus');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const reused = await send(anna.client, 'anna-client-2', 'Another message');
    expect([reused.statusCode, errorCode(reused)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);

    const fromBen = await send(ben.client, 'ben-client-1', 'Hello from the bus');
    expect(fromBen.statusCode).toBe(201);
    expect(fromBen.json().id).not.toBe(first.json().id);
    const rows = await t.ctx.database.db
      .selectFrom('messages')
      .select('senderId')
      .where('conversationId', '=', opened.json().id)
      .execute();
    expect(rows.map((r) => r.senderId).sort()).toEqual([anna.user.id, ben.user.id].sort());
  });
});
