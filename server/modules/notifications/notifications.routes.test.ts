import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import type { OutgoingMail } from '../../platform/mail/index.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser, mailsTo } from '../../test/factories.ts';
import { connectWs, wsUrl } from '../../test/realtime.ts';
import { notifyAnnouncement } from '../announcements/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { DIGEST_JOB, nextDigestAt } from './notification-mail.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';

type Member = Awaited<ReturnType<typeof buildMember>>;

/** The unsubscribe token of a mail, from its List-Unsubscribe header. */
function unsubscribeToken(mail: OutgoingMail | undefined): string {
  const header = mail?.headers?.['List-Unsubscribe'] ?? '';
  const match = header.match(/token=([^>]+)>/);
  if (!match?.[1]) throw new Error(`no unsubscribe link in ${JSON.stringify(mail?.headers)}`);
  return decodeURIComponent(match[1]);
}

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { NOTIFICATION_DIGEST_HOUR: '6' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    network = await buildNetwork(t.ctx, { visibility: 'private' });
  });
  afterAll(() => t.close());

  async function member(overrides: Parameters<typeof buildMember>[2] = {}, locale = 'en') {
    const user = await buildUser(t.ctx, { locale });
    const m = await buildMember(t.ctx, network, { ...overrides, user });
    return { user: m, client: await signIn(t.app, m) };
  }

  async function topicBy(client: TestClient, title = 'Wohnungssuche in Musterstadt') {
    return startTopic(client, network.slug, { spaceId: await spaceId(client, network.slug), title });
  }

  async function replyAs(client: TestClient, topicId: string, body: string) {
    const res = await client.post(`/api/networks/${network.slug}/topics/${topicId}/replies`, { body });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const mention = (m: Member) => `@[${m.displayName}](${m.id})`;
  const list = async (client: TestClient, query = '') =>
    (await client.get(`/api/notifications${query}`)).json();

  it('creates mention and reply notifications, lists, counts and marks them read', async () => {
    const bob = await member();
    const carol = await member();
    const alice = await member();
    const topic = await topicBy(bob.client);
    await replyAs(carol.client, topic.id, `Ask ${mention(alice.user)}, she knows the office.`);
    await replyAs(bob.client, topic.id, 'Thanks!');

    const forAlice = (await list(alice.client)).notifications;
    expect(forAlice.map((n: { kind: string }) => n.kind)).toEqual(['mention']);
    expect(forAlice[0]).toMatchObject({
      read: false,
      actor: { id: carol.user.id },
      topic: { id: topic.id, title: 'Wohnungssuche in Musterstadt' },
      network: { slug: network.slug },
    });
    const forBob = (await list(bob.client)).notifications;
    expect(forBob).toHaveLength(1);
    expect(forBob[0]).toMatchObject({ kind: 'reply', actor: { id: carol.user.id } });
    // Carol wrote in the topic, so Bob's answer concerns her; he is not told about his own reply.
    expect((await list(carol.client)).notifications.map((n: { kind: string }) => n.kind)).toEqual(['reply']);

    expect((await bob.client.get('/api/notifications/unread-count')).json()).toEqual({ unreadCount: 1 });
    expect((await bob.client.post(`/api/notifications/${forAlice[0].id}/read`)).statusCode).toBe(404);
    const read = await bob.client.post(`/api/notifications/${forBob[0].id}/read`);
    expect(read.json()).toEqual({ unreadCount: 0 });
    expect((await list(bob.client)).notifications[0].read).toBe(true);
    expect((await alice.client.post('/api/notifications/read-all')).json()).toEqual({ unreadCount: 0 });
  });

  it('tells of a reply only those who still take part in the network', async () => {
    const bob = await member();
    const carol = await member();
    const dave = await member();
    const topic = await topicBy(bob.client);
    await replyAs(carol.client, topic.id, 'Ich kenne das Amt.');
    await replyAs(dave.client, topic.id, 'Ich auch.');
    const db = t.ctx.database.db;
    // Carol is held at the agreement again, Dave left the network.
    await db.deleteFrom('documentAcceptances').where('userId', '=', carol.user.id).execute();
    await db
      .updateTable('memberships')
      .set({ status: 'left' })
      .where('userId', '=', dave.user.id)
      .where('networkId', '=', network.id)
      .execute();
    const post = await replyAs(bob.client, topic.id, 'Danke euch!');
    const about = async (userId: string) =>
      db
        .selectFrom('notifications')
        .select('id')
        .where('userId', '=', userId)
        .where('postId', '=', post.id)
        .execute();
    expect(await about(carol.user.id)).toHaveLength(0);
    expect(await about(dave.user.id)).toHaveLength(0);
    const erin = await member();
    await replyAs(erin.client, topic.id, 'Und ich.');
    expect((await list(bob.client)).notifications.map((n: { kind: string }) => n.kind)).toEqual([
      'reply',
      'reply',
      'reply',
    ]);
  });

  it('pages with a cursor and refuses bad input and strangers', async () => {
    const bob = await member();
    const carol = await member();
    const topic = await topicBy(bob.client);
    for (let i = 0; i < 3; i++) await replyAs(carol.client, topic.id, `${mention(bob.user)} reply ${i}`);
    const first = await list(bob.client, '?limit=2');
    expect(first.notifications).toHaveLength(2);
    const second = await list(bob.client, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.notifications).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.notifications, ...second.notifications].map((n: { id: string }) => n.id);
    expect(new Set(ids).size).toBe(3);

    expect(errorCode(await bob.client.get('/api/notifications?cursor=bm9wZQ'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await bob.client.get('/api/notifications?limit=0'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await bob.client.get('/api/notifications?unknown=1'))).toBe('VALIDATION_FAILED');
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/api/notifications')).statusCode).toBe(401);
    expect((await anonymous.get('/api/notifications/unread-count')).statusCode).toBe(401);
    expect((await anonymous.post('/api/notifications/read-all')).statusCode).toBe(401);
    expect((await anonymous.get('/api/me/notification-preferences')).statusCode).toBe(401);
  });

  it('groups unread messages of one conversation into one notification', async () => {
    const bob = await member();
    const carol = await member();
    const opened = await bob.client.post('/api/conversations/direct', { userId: carol.user.id });
    expect(opened.statusCode).toBe(201);
    const conversationId = opened.json().id;
    for (const n of [1, 2, 3]) {
      const sent = await bob.client.post(`/api/conversations/${conversationId}/messages`, {
        body: `Hallo ${n}`,
        clientId: `client-${n}-${newId()}`,
      });
      expect(sent.statusCode).toBe(201);
    }
    const notifications = (await list(carol.client)).notifications;
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      kind: 'message',
      count: 3,
      conversationId,
      actor: { id: bob.user.id },
    });
    expect((await list(bob.client)).notifications).toHaveLength(0);
  });

  it('keeps e-mail preferences per kind and validates them', async () => {
    const { client } = await member();
    const defaults = await client.get('/api/me/notification-preferences');
    expect(defaults.json()).toEqual({
      email: {
        mention: 'daily',
        reply: 'daily',
        message: 'daily',
        buddies: 'daily',
        help: 'daily',
        events: 'daily',
        applications: 'daily',
        progression: 'daily',
        reengagement: 'daily',
        missed: 'daily',
        help_wanted: 'daily',
        upcoming_events: 'daily',
        records: 'daily',
      },
      announcementsAlwaysEmailed: true,
    });
    const put = (body: unknown) => client.request('PUT', '/api/me/notification-preferences', body);
    expect(errorCode(await put({ email: { announcement: 'off' } }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await put({ email: {} }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await put({ email: { mention: 'weekly' } }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await put({}))).toBe('VALIDATION_FAILED');
    const changed = await put({ email: { mention: 'immediate', message: 'off', buddies: 'immediate' } });
    expect(changed.json().email).toEqual({
      mention: 'immediate',
      reply: 'daily',
      message: 'off',
      buddies: 'immediate',
      help: 'daily',
      events: 'daily',
      applications: 'daily',
      progression: 'daily',
      reengagement: 'daily',
      missed: 'daily',
      help_wanted: 'daily',
      upcoming_events: 'daily',
      records: 'daily',
    });
    expect((await client.get('/api/me/notification-preferences')).json().email.mention).toBe('immediate');
  });

  it('mails at once, in the digest or not at all, as each member chose', async () => {
    const bob = await member();
    const quick = await member();
    const silent = await member();
    await quick.client.request('PUT', '/api/me/notification-preferences', {
      email: { mention: 'immediate' },
    });
    await silent.client.request('PUT', '/api/me/notification-preferences', { email: { mention: 'off' } });
    const topic = await topicBy(bob.client);
    await replyAs(bob.client, topic.id, `${mention(quick.user)} ${mention(silent.user)} what do you think?`);
    await t.ctx.jobs.drain();

    const quickMails = await mailsTo(t.ctx, quick.user.email);
    expect(quickMails).toHaveLength(1);
    expect(quickMails[0]?.subject).toContain('mentioned you');
    expect(quickMails[0]?.text).toContain('Wohnungssuche in Musterstadt');
    expect(quickMails[0]?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(quickMails[0]?.text).toContain('http://mentornet.test/unsubscribe?token=');
    expect(quickMails[0]?.html).toContain('http://mentornet.test/unsubscribe?token=');
    expect(await mailsTo(t.ctx, silent.user.email)).toHaveLength(0);
    // Both still see it in the app.
    expect((await list(silent.client)).notifications).toHaveLength(1);
  });

  it('sends one daily digest per user for everything unread, in their language, and schedules the next', async () => {
    const db = t.ctx.database.db;
    const bob = await member();
    const dora = await member({}, 'de');
    const topic = await topicBy(dora.client, 'Sprachkurs für Erwachsene');
    await replyAs(bob.client, topic.id, 'Die VHS hat Kurse.');
    await replyAs(bob.client, topic.id, `${mention(dora.user)} schau mal hier.`);
    const conversationId = (
      await bob.client.post('/api/conversations/direct', { userId: dora.user.id })
    ).json().id;
    await bob.client.post(`/api/conversations/${conversationId}/messages`, {
      body: 'Hallo',
      clientId: `c-${newId()}`,
    });
    // A second message joins the first one's notification.
    const readOne = await bob.client.post(`/api/conversations/${conversationId}/messages`, {
      body: 'x',
      clientId: `c-${newId()}`,
    });
    expect(readOne.statusCode).toBe(201);
    await t.ctx.jobs.drain();
    expect(await mailsTo(t.ctx, dora.user.email)).toHaveLength(0);

    const [digestJob] = await db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', DIGEST_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(digestJob?.runAt).toBe(nextDigestAt(Date.now(), 6));
    expect(new Date(digestJob?.runAt ?? '').getUTCHours()).toBe(6);
    await db
      .updateTable('jobs')
      .set({ runAt: isoNow(Date.now() - 1000) })
      .where('id', '=', digestJob?.id ?? '')
      .execute();
    await t.ctx.jobs.drain();

    const mails = await mailsTo(t.ctx, dora.user.email);
    expect(mails).toHaveLength(1);
    const digest = mails[0];
    expect(digest?.subject).toContain('tägliche');
    expect(digest?.subject).toContain('3 neue Benachrichtigungen');
    expect(digest?.text).toContain('hat dich in „Sprachkurs für Erwachsene“ erwähnt');
    expect(digest?.text).toContain('hat in „Sprachkurs für Erwachsene“ geantwortet');
    expect(digest?.text).toContain('2 neue Nachrichten');
    expect(unsubscribeToken(digest)).toContain('.all.');

    // The next run is scheduled; running it again sends nothing new.
    const next = await db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', DIGEST_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(next).toHaveLength(1);
    expect(next[0]?.runAt).toBe(nextDigestAt(Date.now(), 6));
    await db
      .updateTable('jobs')
      .set({ runAt: isoNow(Date.now() - 1000) })
      .where('id', '=', next[0]?.id ?? '')
      .execute();
    await t.ctx.jobs.drain();
    expect(await mailsTo(t.ctx, dora.user.email)).toHaveLength(1);
    const settings = await db
      .selectFrom('notificationSettings')
      .selectAll()
      .where('userId', '=', dora.user.id)
      .executeTakeFirst();
    expect(settings?.lastDigestAt).not.toBeNull();
  });

  it('always mails announcements, once, through the notifications (with an unsubscribe link)', async () => {
    const author = await member({ role: 'meta_mentor' });
    const optedOut = await member();
    await optedOut.client.request('PUT', '/api/me/notification-preferences', {
      email: { mention: 'off', reply: 'off', message: 'off' },
    });
    const pending = await buildMember(t.ctx, network, { accepted: false });
    const outsider = await buildUser(t.ctx);
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
        pinned: 1,
        shareWithPartners: 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await notifyAnnouncement(t.ctx, id);
    await t.ctx.jobs.drain();
    const mails = await mailsTo(t.ctx, optedOut.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Sommerfest am Samstag');
    expect(mails[0]?.text).toContain('Alle sind eingeladen.');
    expect(mails[0]?.headers?.['List-Unsubscribe']).toContain('/api/notifications/unsubscribe?token=');
    expect((await list(optedOut.client)).notifications[0]).toMatchObject({
      kind: 'announcement',
      announcement: { id, title: 'Sommerfest am Samstag' },
    });
    expect(await mailsTo(t.ctx, author.user.email)).toHaveLength(0);
    // The announcements feature mails members still held at the agreement too (they must learn of changes).
    expect(await mailsTo(t.ctx, pending.email)).toHaveLength(1);
    expect(await mailsTo(t.ctx, outsider.email)).toHaveLength(0);
  });

  it('unsubscribes without signing in; forged and expired links are refused', async () => {
    const bob = await member();
    const eve = await member();
    await eve.client.request('PUT', '/api/me/notification-preferences', { email: { reply: 'immediate' } });
    const topic = await topicBy(eve.client);
    await replyAs(bob.client, topic.id, 'A reply that Eve gets by mail.');
    await t.ctx.jobs.drain();
    const [mail] = await mailsTo(t.ctx, eve.user.email);
    const token = unsubscribeToken(mail);
    expect(token).toContain('.reply.');
    const anonymous = new TestClient(t.app);
    const path = `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;

    const info = await anonymous.get(path);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({ scope: 'reply', email: `${eve.user.email[0]}…@example.org`, done: false });
    const page = await anonymous.get(path, { accept: 'text/html' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<form method="post"');
    // Looking changes nothing.
    expect((await eve.client.get('/api/me/notification-preferences')).json().email.reply).toBe('immediate');

    // Mail programs post `List-Unsubscribe=One-Click` (RFC 8058), without cookie or Origin.
    const oneClick = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json()).toMatchObject({ scope: 'reply', done: true });
    expect((await eve.client.get('/api/me/notification-preferences')).json().email).toEqual({
      mention: 'daily',
      reply: 'off',
      message: 'daily',
      buddies: 'daily',
      help: 'daily',
      events: 'daily',
      applications: 'daily',
      progression: 'daily',
      reengagement: 'daily',
      missed: 'daily',
      help_wanted: 'daily',
      upcoming_events: 'daily',
      records: 'daily',
    });
    const confirmed = await anonymous.post(path, undefined, { accept: 'text/html' });
    expect(confirmed.body).toContain('Done: these e-mails are turned off.');

    const [userId, scope, exp, sig] = token.split('.') as [string, string, string, string];
    const forgedSig = `${userId}.${scope}.${exp}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    const otherUser = `${bob.user.id}.${scope}.${exp}.${sig}`;
    const wider = `${userId}.all.${exp}.${sig}`;
    for (const bad of [forgedSig, otherUser, wider, 'garbage', `${userId}.reply.1.x`]) {
      const res = await anonymous.post(`/api/notifications/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(errorCode(res)).toBe('TOKEN_INVALID');
    }
    const key = (
      await t.ctx.database.db
        .selectFrom('notificationSettings')
        .selectAll()
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow()
    ).unsubscribeKey;
    const expired = signUnsubscribeToken(key, {
      userId,
      scope: 'all',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const expiredRes = await anonymous.get(
      `/api/notifications/unsubscribe?token=${encodeURIComponent(expired)}`,
    );
    expect(expiredRes.statusCode).toBe(410);
    expect(errorCode(expiredRes)).toBe('TOKEN_EXPIRED');
    const expiredPage = await anonymous.get(
      `/api/notifications/unsubscribe?token=${encodeURIComponent(expired)}`,
      {
        accept: 'text/html',
      },
    );
    expect(expiredPage.statusCode).toBe(410);
    expect(expiredPage.body).toContain('has expired');
    expect(errorCode(await anonymous.get('/api/notifications/unsubscribe'))).toBe('VALIDATION_FAILED');
  });

  it('delivers notifications live over the WebSocket with the unread count', async () => {
    const bob = await member();
    const alice = await member();
    const socket = await connectWs(wsUrl(t.app), { cookie: alice.client.cookie });
    try {
      const topic = await topicBy(bob.client);
      await replyAs(bob.client, topic.id, `${mention(alice.user)} see this`);
      const frame = await socket.waitFor('notification.created');
      expect(frame.data.notification).toMatchObject({ kind: 'mention', actor: { id: bob.user.id } });
      expect(frame.data.unreadCount).toBe(1);
      await alice.client.post('/api/notifications/read-all');
      const read = await socket.waitFor('notification.read');
      expect(read.data).toEqual({ id: null, unreadCount: 0 });
    } finally {
      await socket.close();
    }
  });
});
