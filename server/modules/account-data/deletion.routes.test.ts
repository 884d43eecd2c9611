import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeletionState } from '../../../common/contracts/account-data.ts';
import type { Conversation } from '../../../common/contracts/messages.ts';
import type { Notification } from '../../../common/contracts/notifications.ts';
import { buildPersonWithData, runJobs, TYPED } from '../../test/account-data.ts';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../../test/build-app.ts';
import { buildEvent } from '../../test/events.ts';
import { buildResource } from '../../test/resources.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser, mailsTo } from '../../test/factories.ts';
import {
  type CreationOptionsJson,
  type RequestOptionsJson,
  SoftwareAuthenticator,
} from '../../test/passkey-authenticator.ts';

/** The code an authenticator app shows for the secret, `steps` 30-second steps from now. */
function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** The words of a text as a search index keeps them: lower case, accents folded, four letters or more. */
function indexWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4);
}

describe.each(DIALECTS)('deleting an account on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** The grace period passes: the deletion and its job are due now. */
  async function graceOver(userId: string) {
    const past = new Date(Date.now() - 1000).toISOString();
    await t.ctx.database.db
      .updateTable('accountDeletions')
      .set({ eraseAfter: past })
      .where('userId', '=', userId)
      .execute();
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ runAt: past })
      .where('kind', '=', 'account.erase')
      .where('status', '=', 'pending')
      .execute();
    await runJobs(t.ctx);
  }

  /** The person's notifications, newest first. */
  async function notificationsOf(client: Awaited<ReturnType<typeof signIn>>) {
    return ((await client.get('/api/notifications')).json() as { notifications: Notification[] })
      .notifications;
  }

  /** Every term the full-text index holds, as it stores them (lower case, accents folded). */
  async function indexedTerms(on: typeof dialect): Promise<string[]> {
    const db = t.ctx.database.db;
    if (on === 'postgres') {
      const { rows } = await sql<{ word: string }>`
        SELECT word FROM ts_stat('SELECT tsv FROM search_documents')`.execute(db);
      return rows.map((r) => r.word);
    }
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_fts, row)`.execute(
      db,
    );
    const { rows } = await sql<{ term: string }>`SELECT term FROM temp.search_terms`.execute(db);
    return rows.map((r) => r.term);
  }

  it('deactivates at once after the password, warns about networks and is cancelled by signing in', async () => {
    const admin = await buildUser(t.ctx);
    const organisation = await buildOrganisation(t.ctx, { adminId: admin.id, name: 'Welcome Rhein-Main' });
    const network = await buildNetwork(t.ctx, { organisationId: organisation.id, name: 'Mentors Offenbach' });
    const user = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const client = await signIn(t.app, user);

    const before = (await client.get('/api/me/delete')).json() as DeletionState;
    expect(before).toEqual({
      eraseAfter: null,
      graceDays: 14,
      soleMetaMentorOf: [
        { slug: network.slug, name: 'Mentors Offenbach', organisation: 'Welcome Rhein-Main' },
      ],
    });

    const wrong = await client.post('/api/me/delete', { password: 'not-my-password-at-all' });
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await client.post('/api/me/delete', {}))).toBe('VALIDATION_FAILED');

    const deleted = await client.post('/api/me/delete', { password: user.password });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const state = deleted.json() as DeletionState;
    expect(Date.parse(state.eraseAfter ?? '') - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    // Every session ended, this one too.
    expect(errorCode(await client.get('/api/me'))).toBe('UNAUTHENTICATED');
    const mail = (await mailsTo(t.ctx, user.email)).find((m) => m.template === 'account_deletion');
    expect(mail?.subject).toBe('Your account will be deleted');

    // Signing in during the grace period cancels, and the answer says so.
    const again = freshClient(t.app);
    const login = await again.post('/api/auth/login', { email: user.email, password: user.password });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ id: user.id, deletionCancelled: true });
    expect(((await again.get('/api/me/delete')).json() as DeletionState).eraseAfter).toBeNull();
    await graceOver(user.id);
    expect((await again.get('/api/me')).json()).toMatchObject({ email: user.email });
    // A later sign-in has nothing to cancel.
    const later = await freshClient(t.app).post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(later.json()).toMatchObject({ deletionCancelled: false });
  });

  it('erases after the grace period: no table holds the address, the name or the profile texts', async () => {
    const person = await buildPersonWithData(t);
    const { anna, client, benClient, network, topicId, conversationId } = person;
    // Anna is also the only meta-mentor of a network whose organisation has an admin.
    const admin = await buildUser(t.ctx);
    const organisation = await buildOrganisation(t.ctx, { adminId: admin.id });
    const led = await buildNetwork(t.ctx, { organisationId: organisation.id });
    await buildMember(t.ctx, led, { role: 'meta_mentor', user: anna });
    // A data export waits, and a mail to Ben that names her.
    await client.post('/api/me/export');
    await runJobs(t.ctx);
    // She has a passkey, named by her.
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN);
    const options = await client.post('/api/me/passkeys/registration/options', {
      currentPassword: anna.password,
    });
    const added = await client.post('/api/me/passkeys', {
      name: `Phone of ${anna.displayName}`,
      credential: authenticator.create(options.json() as CreationOptionsJson),
    });
    expect(added.statusCode, added.body).toBe(201);

    // She organises an event and wrote a page of the library.
    const event = await buildEvent(t.ctx, network, anna.id);
    const resourceId = await buildResource(t.ctx, { networkId: network.id, authorId: anna.id });

    expect((await client.post('/api/me/delete', { password: anna.password })).statusCode).toBe(200);
    await graceOver(anna.id);

    // Her post stays for Ben, by a former member.
    const topic = await benClient.get(`/api/networks/${network.slug}/topics/${topicId}`);
    expect(topic.json().opening).toMatchObject({
      author: { id: anna.id, displayName: '', formerMember: true },
      bodyHtml: expect.stringContaining('Volkshochschule'),
    });
    // Every list that shows her says so by the flag, not by an empty name.
    const topics = (await benClient.get(`/api/networks/${network.slug}/topics`)).json();
    expect(topics.topics.find((x: { id: string }) => x.id === topicId)?.author).toEqual({
      id: anna.id,
      displayName: '',
      formerMember: true,
    });
    const request = (
      await benClient.get(`/api/networks/${network.slug}/help-requests/${person.helpRequestId}`)
    ).json();
    expect(request.requester).toMatchObject({ id: anna.id, displayName: '', formerMember: true });
    const former = { id: anna.id, displayName: '', formerMember: true };
    const shownEvent = (await benClient.get(`/api/networks/${network.slug}/events/${event.id}`)).json();
    expect(shownEvent.organisers).toEqual([former]);
    const resource = (await benClient.get(`/api/networks/${network.slug}/resources/${resourceId}`)).json();
    expect([resource.createdBy, resource.updatedBy]).toEqual([former, former]);
    const told = await notificationsOf(benClient);
    expect(told.find((n) => n.kind === 'message')?.actor).toEqual({
      id: anna.id,
      displayName: '',
      formerMember: true,
    });
    const conversations = (await benClient.get('/api/conversations')).json() as {
      conversations: Conversation[];
    };
    const conversation = conversations.conversations.find((c) => c.id === conversationId);
    expect(conversation?.participants.find((p) => p.userId === anna.id)).toMatchObject({
      displayName: '',
      formerMember: true,
    });
    expect(conversation?.lastMessage?.body).toBe(TYPED.message);

    // The network she led went to the founding organisation's admin.
    const membership = await t.ctx.database.db
      .selectFrom('memberships')
      .select(['role', 'status'])
      .where('networkId', '=', led.id)
      .where('userId', '=', admin.id)
      .executeTakeFirst();
    expect(membership).toEqual({ role: 'meta_mentor', status: 'active' });
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('networkId', '=', led.id)
      .where('action', 'in', ['member.erased', 'network.handed_over'])
      .orderBy('action')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['member.erased', 'network.handed_over']);

    // Her files are gone from the storage too.
    const stored: string[] = [];
    for await (const entry of t.ctx.files.list()) stored.push(entry.key);
    expect(stored.filter((key) => key.startsWith('avatars/') || key.startsWith('exports/'))).toEqual([]);

    // The whole database, every row of every table.
    const needles = [anna.email, anna.displayName, TYPED.bio, TYPED.region, TYPED.availability, TYPED.note];
    const found: string[] = [];
    const tables = await t.ctx.database.db.introspection.getTables();
    expect(tables.length).toBeGreaterThan(50);
    for (const table of tables) {
      const rows = await t.ctx.database.db
        .selectFrom(table.name as 'users')
        .selectAll()
        .execute();
      for (const row of rows) {
        const text = JSON.stringify(row, (_key, value) =>
          value && typeof value === 'object' && value.type === 'Buffer'
            ? Buffer.from(value.data).toString('latin1')
            : value,
        ).toLowerCase();
        for (const needle of needles)
          if (text.includes(needle.toLowerCase())) found.push(`${table.name}: ${needle}`);
      }
    }
    expect(found).toEqual([]);

    // The search index too: the words of her name and profile are in no FTS5 term list (SQLite)
    // and in no tsvector (PostgreSQL), where they are kept folded and split, so a dump misses them.
    // Words of her post, which stays readable, may stay.
    const kept = new Set([TYPED.topicTitle, TYPED.post, TYPED.message].flatMap(indexWords));
    const personal = [
      ...new Set(
        [anna.displayName, TYPED.bio, TYPED.region, TYPED.availability, TYPED.note].flatMap(indexWords),
      ),
    ].filter((word) => !kept.has(word));
    expect(personal).toEqual(expect.arrayContaining(['wisniewska', 'okonkwo', 'thessaloniki']));
    const terms = new Set(await indexedTerms(dialect));
    expect(terms.size).toBeGreaterThan(5);
    expect(terms.has('volkshochschule')).toBe(true);
    expect(personal.filter((word) => terms.has(word))).toEqual([]);
    for (const q of ['Wiśniewska', 'Thessaloniki', 'sourdough']) {
      const results = (await benClient.get(`/api/search?q=${encodeURIComponent(q)}`)).json();
      expect(results.results, q).toEqual([]);
    }

    // She cannot sign in any more (after the dump: a wrong guess is counted under the address typed).
    const login = await freshClient(t.app).post('/api/auth/login', {
      email: anna.email,
      password: anna.password,
    });
    expect(errorCode(login)).toBe('INVALID_CREDENTIALS');
    // Nor with her passkey.
    const passkeyClient = freshClient(t.app);
    const signInOptions = await passkeyClient.post('/api/auth/passkey/options');
    const withPasskey = await passkeyClient.post('/api/auth/passkey', {
      credential: authenticator.get(signInOptions.json() as RequestOptionsJson),
    });
    expect(errorCode(withPasskey)).toBe('PASSKEY_INVALID');
  });

  it("tells the founding organisation's admins, in the app and by mail as each chose and in their language, when a network is handed to them", async () => {
    const german = await buildUser(t.ctx, { locale: 'de' });
    const quiet = await buildUser(t.ctx, { locale: 'en' });
    const organisation = await buildOrganisation(t.ctx, { adminId: german.id });
    await t.ctx.database.db
      .insertInto('organisationAdmins')
      .values({ organisationId: organisation.id, userId: quiet.id, createdAt: new Date().toISOString() })
      .execute();
    const network = await buildNetwork(t.ctx, { organisationId: organisation.id, name: 'Mentoring Hanau' });
    const leaving = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const germanClient = await signIn(t.app, german);
    const quietClient = await signIn(t.app, quiet);
    const chose = async (client: typeof germanClient, progression: string) =>
      expect(
        (await client.request('PUT', '/api/me/notification-preferences', { email: { progression } }))
          .statusCode,
      ).toBe(200);
    await chose(germanClient, 'immediate');
    await chose(quietClient, 'off');

    const leavingClient = await signIn(t.app, leaving);
    expect((await leavingClient.post('/api/me/delete', { password: leaving.password })).statusCode).toBe(200);
    expect(await notificationsOf(germanClient)).toEqual([]);
    await graceOver(leaving.id);

    for (const client of [germanClient, quietClient]) {
      expect(await notificationsOf(client)).toEqual([
        expect.objectContaining({
          kind: 'network_handed_over',
          read: false,
          network: expect.objectContaining({ slug: network.slug, name: 'Mentoring Hanau' }),
        }),
      ]);
    }
    const told = (await mailsTo(t.ctx, german.email)).filter((m) => m.template === 'notification');
    expect(told.map((m) => m.subject)).toEqual(['Mentoring Hanau wurde dir übergeben']);
    expect(told[0]?.text).toContain('Du bist jetzt Meta-Mentor:in');
    expect((await mailsTo(t.ctx, quiet.email)).filter((m) => m.template === 'notification')).toEqual([]);
  });

  it("removes the posts' text too when asked", async () => {
    const { anna, client, benClient, network, topicId } = await buildPersonWithData(t, 'Kalinda Petrović');
    expect(
      (await client.post('/api/me/delete', { password: anna.password, removePostText: true })).statusCode,
    ).toBe(200);
    await graceOver(anna.id);
    const topic = (await benClient.get(`/api/networks/${network.slug}/topics/${topicId}`)).json();
    expect(topic.opening.author).toMatchObject({ formerMember: true });
    expect(topic.opening.bodyHtml ?? '').not.toContain('Volkshochschule');
    const posts = await t.ctx.database.db
      .selectFrom('posts')
      .select('bodySource')
      .where('authorId', '=', anna.id)
      .execute();
    expect(posts.map((p) => p.bodySource)).toEqual(['']);
  });

  it('takes a code from the second factor instead of the password; a wrong code is refused and counted, an account without one needs the password', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const { secret } = (await client.post('/api/me/two-factor/totp')).json() as { secret: string };
    // Confirmed with the previous step's code: the current one is left for the deletion.
    const confirm = await client.post('/api/me/two-factor/totp/confirm', { code: totpCode(secret, -1) });
    expect(confirm.statusCode, confirm.body).toBe(200);

    const wrong = await client.post('/api/me/delete', {
      code: '000000' === totpCode(secret) ? '111111' : '000000',
    });
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([400, 'SECOND_FACTOR_INVALID']);
    expect(wrong.json().error.details).toEqual({ field: 'code' });
    const counted = await t.ctx.database.db
      .selectFrom('rateLimits')
      .select('hits')
      .where('key', '=', `second-factor:account:${user.id}`)
      .execute();
    expect(counted.map((r) => r.hits)).toEqual([1]);
    expect((await client.get('/api/me')).statusCode).toBe(200);

    const deleted = await client.post('/api/me/delete', { code: totpCode(secret) });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((deleted.json() as DeletionState).eraseAfter).not.toBeNull();
    expect(errorCode(await client.get('/api/me'))).toBe('UNAUTHENTICATED');

    // Without a second factor a code alone does not do.
    const plain = await buildUser(t.ctx);
    const plainClient = await signIn(t.app, plain);
    const noFactor = await plainClient.post('/api/me/delete', { code: '123456' });
    expect([noFactor.statusCode, errorCode(noFactor)]).toEqual([409, 'TWO_FACTOR_OFF']);
    expect(errorCode(await plainClient.post('/api/me/delete', { removePostText: true }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(((await plainClient.get('/api/me/delete')).json() as DeletionState).eraseAfter).toBeNull();
  });
});
