import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_CLOSE } from '../../../common/realtime-events.ts';
import { acceptCurrentDocuments, publishDocument } from '../../modules/documents/index.ts';
import { leaveNetwork } from '../../modules/members/index.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { sessionCookie, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { connectWs, upgradeStatus, wsUrl } from '../../test/realtime.ts';
import { realtimeEvent, rooms } from '../realtime/index.ts';

const HEARTBEAT_MS = 150;

describe.each(DIALECTS)('realtime WebSocket on %s', (dialect) => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await buildTestApp(
      dialect,
      {},
      { realtime: { heartbeatMs: HEARTBEAT_MS, maxBufferedBytes: 256 * 1024 } },
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = wsUrl(t.app);
  });
  afterAll(() => t.close());

  it('refuses upgrades without a valid session or from another origin', async () => {
    const cookie = await sessionCookie(t.app, await buildUser(t.ctx));
    expect(await upgradeStatus(url, {})).toBe(401);
    expect(await upgradeStatus(url, { cookie: 'x'.repeat(43) })).toBe(401);
    expect(await upgradeStatus(url, { cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { cookie, origin: null })).toBe(403);
    expect(await upgradeStatus(url, { cookie })).toBe(101);
    // Only /api/ws speaks WebSocket; other paths refuse the upgrade.
    expect(await upgradeStatus(url.replace('/api/ws', '/api/health'), { cookie })).not.toBe(101);
  });

  it('closes the sockets of sessions that are signed out, revoked or replaced by a password reset', async () => {
    const me = await buildUser(t.ctx);
    const phone = await signIn(t.app, me);
    const laptop = await signIn(t.app, me);
    const phoneSocket = await connectWs(url, { cookie: phone.cookie as string });
    const laptopSocket = await connectWs(url, { cookie: laptop.cookie as string });
    await phoneSocket.waitFor('realtime.ready');
    await laptopSocket.waitFor('realtime.ready');

    // "Sign out everywhere else" from the phone ends the laptop's socket, not the phone's.
    expect((await phone.delete('/api/me/sessions')).statusCode).toBe(200);
    expect((await laptopSocket.closed).code).toBe(WS_CLOSE.sessionEnded);
    phoneSocket.send({ type: 'ping' });
    await phoneSocket.waitFor('pong');

    // Signing out ends the phone's own socket.
    expect((await phone.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await phoneSocket.closed).code).toBe(WS_CLOSE.sessionEnded);
  });

  it('answers pings, refuses bad frames and delivers only the rooms of the user', async () => {
    const me = await buildUser(t.ctx);
    const other = await buildUser(t.ctx);
    const socket = await connectWs(url, { cookie: await sessionCookie(t.app, me) });
    socket.send({ type: 'ping' });
    await socket.waitFor('pong');
    socket.send('not json');
    socket.send({ type: 'subscribe', data: { room: `user:${other.id}` } });
    socket.ws.send(Buffer.from([1, 2, 3]));
    await expect.poll(() => socket.ofType('realtime.error').length).toBe(3);
    expect(socket.ofType('realtime.error').every((f) => f.data.code === 'VALIDATION_FAILED')).toBe(true);

    await t.ctx.realtime.publish(
      rooms.user(other.id),
      realtimeEvent('realtime.marker', { marker: 'secret' }),
    );
    await socket.expectNoFrame(t.ctx, 'realtime.marker', (f) => f.data.marker === 'secret');
    // A frame larger than any real client frame closes the socket (1009: message too big).
    socket.send({ type: 'ping', padding: 'x'.repeat(5000) });
    expect((await socket.closed).code).toBe(1009);
  });

  it('puts the socket in the rooms of networks whose agreement the user accepted, and re-evaluates on changes', async () => {
    const network = await buildNetwork(t.ctx);
    const accepted = await buildMember(t.ctx, network);
    const pending = await buildMember(t.ctx, network, { accepted: false });
    const a = await connectWs(url, { cookie: await sessionCookie(t.app, accepted) });
    const p = await connectWs(url, { cookie: await sessionCookie(t.app, pending) });
    expect(a.ofType('realtime.ready')[0]?.data.rooms).toBe(2);
    expect(p.ofType('realtime.ready')[0]?.data.rooms).toBe(1);

    await t.ctx.realtime.publish(
      rooms.network(network.id),
      realtimeEvent('realtime.marker', { marker: '1' }),
    );
    await a.waitFor('realtime.marker', (f) => f.data.marker === '1');

    // Accepting the agreement announces itself: their socket joins the network's room.
    await acceptCurrentDocuments(t.ctx, network, pending.id);
    await p.waitFor('realtime.ready', (f) => f.data.rooms === 2);
    await t.ctx.realtime.publish(
      rooms.network(network.id),
      realtimeEvent('realtime.marker', { marker: '2' }),
    );
    await p.waitFor('realtime.marker', (f) => f.data.marker === '2');
    expect(p.ofType('realtime.marker')).toHaveLength(1);

    // A change the server did not announce: a resubscribe frame re-evaluates the rooms.
    await t.ctx.database.db
      .updateTable('memberships')
      .set({ status: 'removed' })
      .where('userId', '=', accepted.id)
      .execute();
    a.send({ type: 'resubscribe' });
    await a.waitFor('realtime.ready', (f) => f.data.rooms === 1);
    await t.ctx.realtime.publish(
      rooms.network(network.id),
      realtimeEvent('realtime.marker', { marker: '3' }),
    );
    await p.waitFor('realtime.marker', (f) => f.data.marker === '3');
    // Whatever the removed member would have got has arrived by the time their own marker does.
    await a.expectNoFrame(t.ctx, 'realtime.marker', (f) => f.data.marker === '3');
    expect(a.ofType('realtime.marker').map((f) => f.data.marker)).toEqual([
      '1',
      '2',
      expect.stringMatching(/^settle-/),
    ]);
    await Promise.all([a.close(), p.close()]);
  });

  it('re-evaluates rooms when a member leaves or a new agreement version is published', async () => {
    const network = await buildNetwork(t.ctx);
    await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const leaver = await buildMember(t.ctx, network);
    const stayer = await buildMember(t.ctx, network);
    const l = await connectWs(url, { cookie: await sessionCookie(t.app, leaver) });
    const s = await connectWs(url, { cookie: await sessionCookie(t.app, stayer) });
    expect(s.ofType('realtime.ready')[0]?.data.rooms).toBe(2);
    await leaveNetwork(t.ctx, network, leaver.id);
    await l.waitFor('realtime.ready', (f) => f.data.rooms === 1);
    // A new agreement: nobody has accepted it yet, so the network's sockets leave its room.
    await publishDocument(
      t.ctx,
      network,
      'agreement',
      { id: stayer.id, isMember: false },
      {
        title: 'Agreement v2',
        body: 'A newer agreement for the test.',
      },
    );
    await s.waitFor('realtime.ready', (f) => f.data.rooms === 1);
    await Promise.all([l.close(), s.close()]);
  });

  it('drops sockets that stop answering heartbeats and keeps those that answer', async () => {
    const cookie = await sessionCookie(t.app, await buildUser(t.ctx));
    const dead = await connectWs(url, { cookie, autoPong: false });
    const alive = await connectWs(url, { cookie });
    const { code } = await dead.closed;
    expect(code).toBe(1006); // terminated without a close frame
    await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 3));
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    await alive.close();
  });

  it('closes a slow consumer instead of buffering without bound', async () => {
    const user = await buildUser(t.ctx);
    const slow = await connectWs(url, { cookie: await sessionCookie(t.app, user) });
    const before = t.app.websocketServer.clients.size;
    // The client stops reading: the kernel buffers fill up, then the server-side send buffer.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const chunk = 'x'.repeat(16 * 1024);
    for (let i = 0; i < 2_000 && t.app.websocketServer.clients.size === before; i++) {
      await t.ctx.realtime.publish(
        rooms.user(user.id),
        realtimeEvent('realtime.marker', { marker: String(i), padding: chunk }),
      );
      if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    await expect.poll(() => t.app.websocketServer.clients.size, { timeout: 5_000 }).toBe(before - 1);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const { code } = await slow.closed;
    expect([WS_CLOSE.slowConsumer, 1006]).toContain(code);
  });
});
