import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { type AppContext, createContext } from '../../context.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createLogger } from '../../logger.ts';
import {
  buildTestApp,
  createTestDatabase,
  TEST_ORIGIN,
  type TestApp,
  type TestDatabase,
} from '../../test/build-app.ts';
import { sessionCookie } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { connectWs, wsUrl } from '../../test/realtime.ts';
import { startServer, stopServer } from '../../test/server-process.ts';
import { realtimeEvent, rooms } from './realtime.hub.ts';

/** Cross-instance delivery needs PostgreSQL; these tests run when the dialects include it. */
const withPostgres = (process.env.TEST_DIALECTS ?? 'sqlite').includes('postgres');

function contextOn(env: Record<string, string>): AppContext {
  const config = loadConfig({
    PASSWORD_HASH_COST: 'low',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: TEST_ORIGIN,
    ...env,
  });
  return createContext(config, createLogger(config));
}

describe.skipIf(!withPostgres)('realtime across two instances in one process (PostgreSQL)', () => {
  let a: TestApp;
  let bCtx: AppContext;
  let bApp: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    a = await buildTestApp('postgres');
    await a.app.listen({ port: 0, host: '127.0.0.1' });
    bCtx = contextOn(a.database.env);
    bApp = await buildApp(bCtx, { checkResponses: true });
    await bApp.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await bApp.close();
    await bCtx.close();
    await a.close();
  });

  it('delivers to the other instance once, large events by reference, and recovers a dropped listener', async () => {
    const user = await buildUser(a.ctx);
    const cookie = await sessionCookie(a.app, user);
    const onA = await connectWs(wsUrl(a.app), { cookie });
    const onB = await connectWs(wsUrl(bApp), { cookie });

    const marker = (m: string, padding?: string) =>
      realtimeEvent('realtime.marker', padding ? { marker: m, padding } : { marker: m });
    await a.ctx.realtime.publish(rooms.user(user.id), marker('1'));
    await onB.waitFor('realtime.marker', (f) => f.data.marker === '1');
    const big = 'ü'.repeat(10_000); // 20,000 bytes: far over the NOTIFY limit
    await a.ctx.realtime.publish(rooms.user(user.id), marker('2', big));
    const received = await onB.waitFor('realtime.marker', (f) => f.data.marker === '2');
    expect(received.data.padding).toBe(big);
    // Its own notifications come back to A too and are skipped: A's socket got each event once. A
    // last marker from B travels the same way back to A: when it is there, any echo would be too.
    await bCtx.realtime.publish(rooms.user(user.id), marker('end'));
    await onA.waitFor('realtime.marker', (f) => f.data.marker === 'end');
    await onB.waitFor('realtime.marker', (f) => f.data.marker === 'end');
    expect(onA.ofType('realtime.marker').map((f) => f.data.marker)).toEqual(['1', '2', 'end']);
    expect(onB.ofType('realtime.marker').map((f) => f.data.marker)).toEqual(['1', '2', 'end']);

    // The listening connections die (failover, admin action): they reconnect, and clients are told to sync.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and application_name like 'mentornet-realtime-%'`.execute(
      a.ctx.database.db,
    );
    await onB.waitFor('sync.required', () => true, 10_000);
    await a.ctx.realtime.publish(rooms.user(user.id), marker('3'));
    await onB.waitFor('realtime.marker', (f) => f.data.marker === '3');
    await Promise.all([onA.close(), onB.close()]);
  });

  it('delivers a batch to the other instance in order, each event to its own room, large ones by reference', async () => {
    const [first, second] = [await buildUser(a.ctx), await buildUser(a.ctx)];
    const onB1 = await connectWs(wsUrl(bApp), { cookie: await sessionCookie(a.app, first) });
    const onB2 = await connectWs(wsUrl(bApp), { cookie: await sessionCookie(a.app, second) });
    const big = 'ü'.repeat(10_000);
    const marker = (m: string, padding?: string) =>
      realtimeEvent('realtime.marker', padding ? { marker: m, padding } : { marker: m });
    await a.ctx.realtime.publishMany([
      { room: rooms.user(first.id), event: marker('b1') },
      { room: rooms.user(second.id), event: marker('b2', big) },
      { room: rooms.user(first.id), event: marker('b3') },
    ]);
    await onB1.waitFor('realtime.marker', (f) => f.data.marker === 'b3');
    const received = await onB2.waitFor('realtime.marker', (f) => f.data.marker === 'b2');
    expect(received.data.padding).toBe(big);
    expect(onB1.ofType('realtime.marker').map((f) => f.data.marker)).toEqual(['b1', 'b3']);
    expect(onB2.ofType('realtime.marker').map((f) => f.data.marker)).toEqual(['b2']);
    await Promise.all([onB1.close(), onB2.close()]);
  });
});

/** A fetch-based client for a server process: keeps the session cookie, sends our Origin. */
function httpClient(port: number) {
  let cookie: string | undefined;
  return {
    get cookie() {
      return cookie;
    },
    async post(path: string, body: unknown) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: TEST_ORIGIN,
          ...(cookie && { cookie: `mn_session=${cookie}` }),
        },
        body: JSON.stringify(body),
      });
      const set = res.headers.getSetCookie().find((c) => c.startsWith('mn_session='));
      if (set) cookie = set.slice('mn_session='.length).split(';')[0];
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
  };
}

describe.skipIf(!withPostgres)('two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await Promise.all(children.map(stopServer));
    await database.drop();
  });

  it('a message posted through process A reaches a WebSocket client connected to process B', async () => {
    const env = { ...database.env, PASSWORD_HASH_COST: 'low', PUBLIC_URL: TEST_ORIGIN };
    const ctx = contextOn(database.env);
    await migrateToLatest(ctx.database.db);
    const network = await buildNetwork(ctx);
    const [sender, reader] = [await buildMember(ctx, network), await buildMember(ctx, network)];
    await ctx.close();

    const [serverA, serverB] = await Promise.all([startServer(env), startServer(env)]);
    children.push(serverA.child, serverB.child);
    const onA = httpClient(serverA.port);
    expect(
      (await onA.post('/api/auth/login', { email: sender.email, password: sender.password })).status,
    ).toBe(200);
    const onB = httpClient(serverB.port);
    expect(
      (await onB.post('/api/auth/login', { email: reader.email, password: reader.password })).status,
    ).toBe(200);
    const socket = await connectWs(wsUrl({ port: serverB.port }), { cookie: onB.cookie });

    const opened = await onA.post('/api/conversations/direct', { userId: reader.id });
    expect(opened.status).toBe(201);
    const conversationId = opened.json.id as string;
    await socket.waitFor('conversation.created', (f) => f.data.conversation.id === conversationId);

    const sent = await onA.post(`/api/conversations/${conversationId}/messages`, {
      body: 'Hallo aus Prozess A',
      clientId: 'two-process-1',
    });
    expect(sent.status).toBe(201);
    const live = await socket.waitFor('message.created', (f) => f.data.message.id === sent.json.id);
    expect(live.data.message.body).toBe('Hallo aus Prozess A');
    // A long message does not fit a NOTIFY payload; it travels by reference and arrives whole.
    const long = 'Ein langer Text. '.repeat(580).slice(0, 9_900);
    const big = await onA.post(`/api/conversations/${conversationId}/messages`, {
      body: long,
      clientId: 'two-process-2',
    });
    expect(big.status).toBe(201);
    expect(
      (await socket.waitFor('message.created', (f) => f.data.message.id === big.json.id)).data.message.body,
    ).toBe(long);
    await socket.close();
  }, 60_000);
});
