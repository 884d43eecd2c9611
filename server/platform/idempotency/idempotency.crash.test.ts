import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isoNow, MINUTE } from '../../lib/time.ts';
import type { NetworkRow } from '../../modules/networks/index.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';

/**
 * Faults injected into the idempotency layer's storage: `killedAfterWrite` makes the step that
 * stores the answer fail as a process killed right after the write would, and leaves the claim in
 * place (a dead process gives nothing back); `failedAfterWrite` makes that step fail in a process
 * that lives on; `takenOver` moves the claim on first, as a retry taking over a stale claim would.
 */
const fault = vi.hoisted(() => ({ killedAfterWrite: false, failedAfterWrite: false, takenOver: false }));

vi.mock('./idempotency.repository.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./idempotency.repository.ts')>();
  return {
    ...real,
    storeAnswer: async (...args: Parameters<typeof real.storeAnswer>) => {
      if (fault.killedAfterWrite || fault.failedAfterWrite) throw new Error('injected: no answer stored');
      if (fault.takenOver) {
        const [db, claim] = args;
        await db
          .updateTable('idempotencyKeys')
          .set({ createdAt: isoNow(Date.parse(claim.claimedAt) + 1) })
          .where('userId', '=', claim.userId)
          .where('key', '=', claim.key)
          .execute();
      }
      return real.storeAnswer(...args);
    },
    releaseKey: async (...args: Parameters<typeof real.releaseKey>) => {
      if (!fault.killedAfterWrite) await real.releaseKey(...args);
    },
  };
});

let counter = 0;
const newKey = () => `crash-${Date.now()}-${++counter}-abcdef`;

describe.each(DIALECTS)('Idempotency-Key when the answer is not stored, on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  let topicPath: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    network = await buildNetwork(t.ctx);
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const topic = await startTopic(meta, network.slug, { spaceId: await spaceId(meta, network.slug) });
    topicPath = `/api/networks/${network.slug}/topics/${topic.id}`;
  });
  afterEach(() => {
    Object.assign(fault, { killedAfterWrite: false, failedAfterWrite: false, takenOver: false });
  });
  afterAll(() => t.close());

  async function member() {
    const user = await buildMember(t.ctx, network, { role: 'mentor' });
    return { user, client: await signIn(t.app, user) };
  }
  const db = () => t.ctx.database.db;
  const countReplies = async (body: string) =>
    (await db().selectFrom('posts').select('id').where('bodySource', '=', body).execute()).length;
  const countMessages = async (body: string) =>
    (await db().selectFrom('messages').select('id').where('body', '=', body).execute()).length;
  const reply = (client: TestClient, body: string, key: string) =>
    client.post(`${topicPath}/replies`, { body }, { 'idempotency-key': key });
  /** Ages the claim past the stale time, as a minute of waiting would. */
  const ageClaim = (userId: string, key: string) =>
    db()
      .updateTable('idempotencyKeys')
      .set({ createdAt: isoNow(Date.now() - 2 * MINUTE) })
      .where('userId', '=', userId)
      .where('key', '=', key)
      .execute();

  it('stores nothing when the process dies before the answer is stored; the retry writes the reply once', async () => {
    const { user, client } = await member();
    const key = newKey();
    fault.killedAfterWrite = true;
    const killed = await reply(client, 'Sent as the process died', key);
    expect(killed.statusCode).toBe(500);
    fault.killedAfterWrite = false;
    // The write went with the answer: nothing stored, the claim left behind.
    expect(await countReplies('Sent as the process died')).toBe(0);

    const early = await reply(client, 'Sent as the process died', key);
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE']);
    await ageClaim(user.id, key);
    const retried = await reply(client, 'Sent as the process died', key);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    const again = await reply(client, 'Sent as the process died', key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(retried.json());
    expect(await countReplies('Sent as the process died')).toBe(1);
  });

  it('stores nothing when storing the answer fails; the retry at once writes the reply once', async () => {
    const { client } = await member();
    const key = newKey();
    fault.failedAfterWrite = true;
    expect((await reply(client, 'Answer not stored', key)).statusCode).toBe(500);
    fault.failedAfterWrite = false;
    expect(await countReplies('Answer not stored')).toBe(0);
    expect((await reply(client, 'Answer not stored', key)).statusCode).toBe(201);
    expect(await countReplies('Answer not stored')).toBe(1);
  });

  it('does the same for a message: one message after a process died and a retry', async () => {
    const anna = await member();
    const ben = await member();
    const opened = await anna.client.post('/api/conversations/direct', { userId: ben.user.id });
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    const key = newKey();
    const send = () =>
      anna.client.post(
        `/api/conversations/${opened.json().id}/messages`,
        { body: 'Sent from a dying process', clientId: key },
        { 'idempotency-key': key },
      );
    fault.killedAfterWrite = true;
    expect((await send()).statusCode).toBe(500);
    fault.killedAfterWrite = false;
    expect(await countMessages('Sent from a dying process')).toBe(0);
    await ageClaim(anna.user.id, key);
    const retried = await send();
    expect(retried.statusCode, retried.body).toBe(201);
    expect(await countMessages('Sent from a dying process')).toBe(1);
  });

  it('keeps no write of a request whose claim a retry took over meanwhile', async () => {
    const { client } = await member();
    fault.takenOver = true;
    const late = await reply(client, 'Too slow to keep', newKey());
    expect([late.statusCode, errorCode(late)]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE']);
    expect(await countReplies('Too slow to keep')).toBe(0);
  });
});
