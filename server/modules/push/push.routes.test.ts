import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { createLogger } from '../../logger.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { browserKeys, startPushService } from '../../test/push.ts';
import { notifyAnnouncement } from '../announcements/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { ensureVapidKeys } from './push.service.ts';

describe.each(DIALECTS)('web push on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  let service: Awaited<ReturnType<typeof startPushService>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' });
    network = await buildNetwork(t.ctx, { visibility: 'private' });
    service = await startPushService();
  });
  afterAll(async () => {
    await service.close();
    await t.close();
  });

  async function member(locale = 'en') {
    const user = await buildMember(t.ctx, network, { user: await buildUser(t.ctx, { locale }) });
    return { user, client: await signIn(t.app, user) };
  }

  /** Subscribes a device of the client at a fresh path of the test's push service. */
  async function subscribe(client: TestClient, label = 'Phone') {
    const browser = browserKeys();
    const path = `/push/${newId()}`;
    const res = await client.post('/api/me/push-subscriptions', {
      endpoint: service.endpoint(path),
      keys: browser.keys,
      label,
    });
    expect(res.statusCode).toBe(201);
    return { browser, path, id: res.json().id as string };
  }

  async function message(from: TestClient, toId: string, body: string) {
    const opened = await from.post('/api/conversations/direct', { userId: toId });
    const conversationId = opened.json().id as string;
    const sent = await from.post(`/api/conversations/${conversationId}/messages`, {
      body,
      clientId: `client-${newId()}`,
    });
    expect(sent.statusCode).toBe(201);
    return conversationId;
  }

  const pushesTo = (path: string) => service.received.filter((r) => r.path === path);

  it('makes the VAPID key pair once and keeps it in the database for every start', async () => {
    const res = await freshClient(t.app).get('/api/push/key');
    expect(res.statusCode).toBe(200);
    const { publicKey } = res.json();
    const raw = Buffer.from(publicKey, 'base64url');
    expect([raw.length, raw[0]]).toEqual([65, 4]); // an uncompressed P-256 point
    const stored = await t.ctx.database.db.selectFrom('instanceKeys').selectAll().execute();
    expect(stored.map((r) => r.name)).toEqual(['vapid']);
    expect(JSON.parse(stored[0]?.value ?? '{}').publicKey).toBe(publicKey);
    // A second process on the same database reads the same pair instead of making its own.
    const again = createContext(t.ctx.config, createLogger(t.ctx.config));
    try {
      expect((await ensureVapidKeys(again)).publicKey).toBe(publicKey);
    } finally {
      await again.close();
    }
  });

  it('subscribes, lists and unsubscribes devices of their owner only', async () => {
    const alice = await member();
    const bob = await member();
    expect((await freshClient(t.app).get('/api/me/push-subscriptions')).statusCode).toBe(401);
    const phone = await subscribe(alice.client, 'Pixel 6 · Chrome');
    await subscribe(alice.client, 'Laptop · Firefox');
    const list = (await alice.client.get('/api/me/push-subscriptions')).json().subscriptions;
    expect(list.map((s: { label: string }) => s.label)).toEqual(['Pixel 6 · Chrome', 'Laptop · Firefox']);
    expect(list[0]).toMatchObject({ id: phone.id, service: '127.0.0.1', lastPushedAt: null });
    expect(JSON.stringify(list)).not.toContain('/push/'); // the endpoint is a secret of the device
    expect((await bob.client.get('/api/me/push-subscriptions')).json().subscriptions).toEqual([]);
    const foreign = await bob.client.delete(`/api/me/push-subscriptions/${phone.id}`);
    expect([foreign.statusCode, errorCode(foreign)]).toEqual([404, 'NOT_FOUND']);
    expect((await alice.client.delete(`/api/me/push-subscriptions/${phone.id}`)).statusCode).toBe(200);
    const left = (await alice.client.get('/api/me/push-subscriptions')).json().subscriptions;
    expect(left.map((s: { label: string }) => s.label)).toEqual(['Laptop · Firefox']);
    expect((await alice.client.delete(`/api/me/push-subscriptions/${phone.id}`)).statusCode).toBe(404);
  });

  it('refuses malformed subscriptions and, outside tests, endpoints that are not public https', async () => {
    const { client } = await member('de');
    const good = { endpoint: 'https://push.example.org/x', keys: browserKeys().keys, label: 'Phone' };
    for (const bad of [
      { ...good, endpoint: 'not a url' },
      { ...good, endpoint: 'ftp://push.example.org/x' },
      { ...good, keys: { p256dh: 'short', auth: good.keys.auth } },
      { ...good, label: '' },
      { ...good, extra: true },
    ]) {
      const res = await client.post('/api/me/push-subscriptions', bad);
      expect([res.statusCode, errorCode(res)]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const config = t.ctx.config as { pushAllowPrivateEndpoints: boolean };
    config.pushAllowPrivateEndpoints = false;
    try {
      for (const endpoint of [
        'http://push.example.org/x',
        'https://127.0.0.1:8443/x',
        'https://10.1.2.3/x',
        'https://[::1]/x',
        'https://localhost/x',
      ]) {
        const res = await client.post('/api/me/push-subscriptions', { ...good, endpoint });
        expect([res.statusCode, errorCode(res)]).toEqual([400, 'PUSH_ENDPOINT_REFUSED']);
        expect(res.json().error.message).toContain('Push-Adresse');
      }
    } finally {
      config.pushAllowPrivateEndpoints = true;
    }
  });

  it('pushes a new message encrypted, in the recipient language, with TTL and urgency', async () => {
    const alice = await member('de');
    const bob = await member();
    await t.ctx.database.db
      .updateTable('users')
      .set({ displayName: 'Bob Berger' })
      .where('id', '=', bob.user.id)
      .execute();
    const device = await subscribe(alice.client);
    const conversationId = await message(bob.client, alice.user.id, 'Hallo Alice');
    expect(pushesTo(device.path)).toHaveLength(0); // sent by the job worker, not by the request
    expect(await t.ctx.jobs.drain()).toBeGreaterThan(0);
    const [push] = pushesTo(device.path);
    if (!push) throw new Error('no push arrived');
    expect(push.headers).toMatchObject({ ttl: '86400', urgency: 'high', 'content-encoding': 'aes128gcm' });
    expect(push.headers.topic).toMatch(/^[0-9a-f]{32}$/);
    const vapid = await ensureVapidKeys(t.ctx);
    expect(push.headers.authorization).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`),
    );
    expect(JSON.parse(device.browser.decrypt(push.body))).toEqual({
      title: 'Neue Nachricht von Bob Berger',
      body: '1 neue Nachricht von Bob Berger',
      url: `${t.ctx.config.publicUrl}/messages/${conversationId}`,
      tag: `conversation-${conversationId}`,
      lang: 'de',
      dir: 'ltr',
    });
    const [listed] = (await alice.client.get('/api/me/push-subscriptions')).json().subscriptions;
    expect(listed.lastPushedAt).not.toBeNull();
  });

  it('pushes only the kinds chosen, outside quiet hours, and nothing already read', async () => {
    const alice = await member();
    const bob = await member();
    const device = await subscribe(alice.client);
    const settings = (body: unknown) => alice.client.request('PUT', '/api/me/push-settings', body);
    expect((await alice.client.get('/api/me/push-settings')).json()).toEqual({
      kinds: ['message', 'mention', 'announcement', 'help', 'events'],
      quietFrom: null,
      quietUntil: null,
      timeZone: 'UTC',
    });
    const bad = await settings({ kinds: [], quietFrom: '22:00', quietUntil: null, timeZone: 'UTC' });
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    const badZone = await settings({ kinds: [], quietFrom: null, quietUntil: null, timeZone: 'Mars/Base' });
    expect(badZone.statusCode).toBe(400);

    const off = await settings({ kinds: ['mention'], quietFrom: null, quietUntil: null, timeZone: 'UTC' });
    expect(off.json().kinds).toEqual(['mention']);
    await message(bob.client, alice.user.id, 'Eins');
    await t.ctx.jobs.drain();
    expect(pushesTo(device.path)).toHaveLength(0);

    // Quiet hours around the present hour in Tokyo (whatever the clock of the machine says).
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(),
      ),
    );
    const at = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    await settings({
      kinds: ['message'],
      quietFrom: at(hour - 1),
      quietUntil: at(hour + 2),
      timeZone: 'Asia/Tokyo',
    });
    await message(bob.client, alice.user.id, 'Zwei');
    await t.ctx.jobs.drain();
    expect(pushesTo(device.path)).toHaveLength(0);

    await settings({
      kinds: ['message'],
      quietFrom: at(hour + 2),
      quietUntil: at(hour + 5),
      timeZone: 'Asia/Tokyo',
    });
    await alice.client.post('/api/notifications/read-all');
    await message(bob.client, alice.user.id, 'Drei');
    await alice.client.post('/api/notifications/read-all'); // seen in the app before the job ran
    await t.ctx.jobs.drain();
    expect(pushesTo(device.path)).toHaveLength(0);

    await message(bob.client, alice.user.id, 'Vier');
    await t.ctx.jobs.drain();
    expect(pushesTo(device.path)).toHaveLength(1);
  });

  it('keeps what arrives in quiet hours for their end, once per conversation', async () => {
    const alice = await member();
    const bob = await member();
    const device = await subscribe(alice.client);
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'America/Bogota',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(new Date()),
    );
    const at = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    const put = (body: unknown) => alice.client.request('PUT', '/api/me/push-settings', body);
    await put({
      kinds: ['message'],
      quietFrom: at(hour - 1),
      quietUntil: at(hour + 2),
      timeZone: 'America/Bogota',
    });
    await message(bob.client, alice.user.id, 'Gute Nacht');
    await message(bob.client, alice.user.id, 'Noch etwas');
    await t.ctx.jobs.drain();
    expect(pushesTo(device.path)).toHaveLength(0);
    const waiting = await t.ctx.database.db
      .selectFrom('jobs')
      .select(['id', 'runAt', 'payload'])
      .where('kind', '=', 'notifications.push')
      .where('status', '=', 'pending')
      .execute();
    const mine = waiting.filter((j) => JSON.parse(j.payload).userId === alice.user.id);
    expect(mine).toHaveLength(1);
    // It waits until the quiet hours end: two to three hours from now.
    const wait = new Date(mine[0]?.runAt ?? 0).getTime() - Date.now();
    expect(wait).toBeGreaterThan(60 * 60_000);
    expect(wait).toBeLessThanOrEqual(3 * 60 * 60_000);

    // The morning comes: the conversation is pushed once, with both messages.
    await put({ kinds: ['message'], quietFrom: null, quietUntil: null, timeZone: 'America/Bogota' });
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', mine[0]?.id ?? '')
      .execute();
    await t.ctx.jobs.drain();
    const pushes = pushesTo(device.path);
    expect(pushes).toHaveLength(1);
    expect(JSON.parse(device.browser.decrypt(pushes[0]?.body ?? Buffer.alloc(0))).body).toMatch(
      /^2 new messages/,
    );
  });

  it('removes a subscription the push service says is gone (410) and keeps the others', async () => {
    const alice = await member();
    const bob = await member();
    const gone = await subscribe(alice.client, 'Old phone');
    const kept = await subscribe(alice.client, 'New phone');
    service.answer(gone.path, 410);
    await message(bob.client, alice.user.id, 'Bist du da?');
    await t.ctx.jobs.drain();
    expect(pushesTo(gone.path)).toHaveLength(1);
    expect(pushesTo(kept.path)).toHaveLength(1);
    const left = (await alice.client.get('/api/me/push-subscriptions')).json().subscriptions;
    expect(left.map((s: { id: string }) => s.id)).toEqual([kept.id]);
  });

  it('pushes an announcement right to the right-to-left reader, at normal urgency, opening the network', async () => {
    const reader = await member('ar');
    const author = await member();
    const device = await subscribe(reader.client);
    const id = newId();
    const now = isoNow();
    await t.ctx.database.db
      .insertInto('announcements')
      .values({
        id,
        networkId: network.id,
        authorId: author.user.id,
        title: 'Sommerfest am Samstag',
        bodySource: 'Alle sind eingeladen.',
        bodyHtml: '<p>Alle sind eingeladen.</p>',
        pinned: 0,
        shareWithPartners: 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await notifyAnnouncement(t.ctx, id);
    await t.ctx.jobs.drain();
    const [push] = pushesTo(device.path);
    if (!push) throw new Error('no push arrived');
    expect(push.headers).toMatchObject({ ttl: '86400', urgency: 'normal' });
    const payload = JSON.parse(device.browser.decrypt(push.body));
    expect(payload).toMatchObject({
      url: `${t.ctx.config.publicUrl}/networks/${network.slug}`,
      lang: 'ar',
      dir: 'rtl',
    });
    expect(payload.title).toContain('Sommerfest am Samstag');
    expect(payload.title).toContain(network.name);
    expect(payload.title).not.toMatch(/^Announcement/);
  });
});
