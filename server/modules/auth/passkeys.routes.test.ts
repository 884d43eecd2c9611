import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { type AppContext, createContext } from '../../context.ts';
import { createLogger } from '../../logger.ts';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser, DEFAULT_PASSWORD, mailsTo } from '../../test/factories.ts';
import {
  type CreationOptionsJson,
  type RequestOptionsJson,
  SoftwareAuthenticator,
} from '../../test/passkey-authenticator.ts';

type User = Awaited<ReturnType<typeof buildUser>>;

describe.each(DIALECTS)('passkeys on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Options to add a passkey (after the password), as the account page asks for them. */
  async function registrationOptions(client: TestClient) {
    const res = await client.post('/api/me/passkeys/registration/options', {
      currentPassword: DEFAULT_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CreationOptionsJson & Record<string, unknown>;
  }

  /** Adds a passkey made by the authenticator to the signed-in account. */
  async function addPasskey(client: TestClient, authenticator: SoftwareAuthenticator, name = 'Laptop') {
    const credential = authenticator.create(await registrationOptions(client));
    const res = await client.post('/api/me/passkeys', { name, credential });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  }

  async function userWithPasskey() {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN);
    const passkey = await addPasskey(client, authenticator);
    return { user, client, authenticator, passkey };
  }

  /** A password-less sign-in with the authenticator, from a fresh browser. */
  async function passkeySignIn(authenticator: SoftwareAuthenticator) {
    const client = freshClient(t.app);
    const options = await client.post('/api/auth/passkey/options');
    expect(options.statusCode, options.body).toBe(200);
    const res = await client.post('/api/auth/passkey', {
      credential: authenticator.get(options.json() as RequestOptionsJson),
    });
    return { client, res };
  }

  async function passwordStep(client: TestClient, user: User) {
    const res = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(res.statusCode, res.body).toBe(202);
    return res.json() as { pendingToken: string; methods: string[] };
  }

  const methodOf = async (client: TestClient) =>
    (
      (await client.get('/api/me/sessions')).json() as {
        sessions: { current: boolean; signInMethod: string }[];
      }
    ).sessions.find((s) => s.current)?.signInMethod;

  it('adds a passkey after the password: discoverable, verified, other sessions ended, the owner mailed, audited', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const otherDevice = await signIn(t.app, user);

    const wrong = await client.post('/api/me/passkeys/registration/options', {
      currentPassword: 'not the password',
    });
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(
      errorCode(
        await freshClient(t.app).post('/api/me/passkeys/registration/options', {
          currentPassword: DEFAULT_PASSWORD,
        }),
      ),
    ).toBe('UNAUTHENTICATED');

    const options = await registrationOptions(client);
    expect(options.rp).toEqual({ id: 'mentornet.test', name: 'mentorNET' });
    expect(options.user.name).toBe(user.email);
    expect(Buffer.from(options.user.id, 'base64url').toString()).toBe(user.id);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    expect(options.attestation).toBe('none');
    const stored = await t.ctx.database.db
      .selectFrom('webauthnChallenges')
      .selectAll()
      .where('challenge', '=', options.challenge)
      .executeTakeFirstOrThrow();
    expect([stored.purpose, stored.userId]).toEqual(['register', user.id]);

    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN);
    const credential = authenticator.create(options);
    const added = await client.post('/api/me/passkeys', { name: '  Phone ', credential });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Phone', lastUsedAt: null, backedUp: false });

    // The challenge is used up: the same answer again is refused, and nothing is added twice.
    const again = await client.post('/api/me/passkeys', { name: 'Phone', credential });
    expect([again.statusCode, errorCode(again)]).toEqual([400, 'PASSKEY_INVALID']);

    const list = (await client.get('/api/me/passkeys')).json() as { passkeys: Record<string, unknown>[] };
    expect(list.passkeys).toHaveLength(1);
    expect(Object.keys(list.passkeys[0] ?? {}).sort()).toEqual([
      'backedUp',
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
    ]);

    expect((await otherDevice.get('/api/me')).statusCode).toBe(401);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await mailsTo(t.ctx, user.email)).map((m) => m.subject)).toEqual(['A passkey was added']);
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'subjectUserId', 'details'])
      .where('actorId', '=', user.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'account.passkey_added',
        actorId: user.id,
        subjectUserId: user.id,
        details: '{"name":"Phone"}',
      },
    ]);
  });

  it('refuses answers that do not verify: another origin, no user verification, a stranger’s challenge', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const elsewhere = new SoftwareAuthenticator('https://phishing.example');
    const phished = await client.post('/api/me/passkeys', {
      name: 'Phished',
      credential: elsewhere.create(await registrationOptions(client)),
    });
    expect([phished.statusCode, errorCode(phished)]).toEqual([400, 'PASSKEY_INVALID']);

    const unverified = new SoftwareAuthenticator(TEST_ORIGIN, false);
    const noUv = await client.post('/api/me/passkeys', {
      name: 'No PIN',
      credential: unverified.create(await registrationOptions(client)),
    });
    expect([noUv.statusCode, errorCode(noUv)]).toEqual([400, 'PASSKEY_INVALID']);

    // Options handed to one account cannot add a passkey to another.
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    const theirs = new SoftwareAuthenticator(TEST_ORIGIN).create(await registrationOptions(client));
    const crossed = await stranger.post('/api/me/passkeys', { name: 'Crossed', credential: theirs });
    expect([crossed.statusCode, errorCode(crossed)]).toEqual([400, 'PASSKEY_INVALID']);

    // An expired challenge is refused too.
    const options = await registrationOptions(client);
    await t.ctx.database.db
      .updateTable('webauthnChallenges')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('challenge', '=', options.challenge)
      .execute();
    const late = await client.post('/api/me/passkeys', {
      name: 'Late',
      credential: new SoftwareAuthenticator(TEST_ORIGIN).create(options),
    });
    expect([late.statusCode, errorCode(late)]).toEqual([400, 'PASSKEY_INVALID']);

    const bad = await client.post('/api/me/passkeys', { name: '', credential: { id: 'x' } });
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await client.get('/api/me/passkeys')).json()).toEqual({ passkeys: [] });
  });

  it('signs in without a password: the passkey names the account, the session says so, each answer once', async () => {
    const { user, authenticator, passkey } = await userWithPasskey();
    const { client, res } = await passkeySignIn(authenticator);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, email: user.email, deletionCancelled: false });
    expect(await methodOf(client)).toBe('passkey');
    const listed = (await client.get('/api/me/passkeys')).json() as {
      passkeys: { id: string; lastUsedAt: string }[];
    };
    expect(listed.passkeys.find((p) => p.id === passkey.id)?.lastUsedAt).toEqual(expect.any(String));

    // Replaying an answer, or answering options never handed out, signs nobody in.
    const options = (await freshClient(t.app).post('/api/auth/passkey/options')).json() as RequestOptionsJson;
    const answer = authenticator.get(options);
    const first = await freshClient(t.app).post('/api/auth/passkey', { credential: answer });
    expect(first.statusCode).toBe(200);
    const replay = await freshClient(t.app).post('/api/auth/passkey', { credential: answer });
    expect([replay.statusCode, errorCode(replay)]).toEqual([400, 'PASSKEY_INVALID']);
    const forged = authenticator.get({
      challenge: Buffer.from('made up by the client').toString('base64url'),
    });
    const made = await freshClient(t.app).post('/api/auth/passkey', { credential: forged });
    expect([made.statusCode, errorCode(made)]).toEqual([400, 'PASSKEY_INVALID']);

    // Without user verification (no PIN, no biometrics) a passkey alone does not sign in.
    authenticator.userVerified = false;
    const { res: unverified } = await passkeySignIn(authenticator);
    expect([unverified.statusCode, errorCode(unverified)]).toEqual([400, 'PASSKEY_INVALID']);

    // A passkey nobody registered here is refused the same way.
    const unknown = new SoftwareAuthenticator(TEST_ORIGIN);
    unknown.create({
      challenge: 'AA',
      rp: { id: 'mentornet.test', name: 'x' },
      user: { id: 'AA', name: 'x', displayName: 'x' },
    });
    const { res: stranger } = await passkeySignIn(unknown);
    expect([stranger.statusCode, errorCode(stranger)]).toEqual([400, 'PASSKEY_INVALID']);
  });

  it('refuses a password-less sign-in to a suspended account', async () => {
    const { user, authenticator } = await userWithPasskey();
    await t.ctx.database.db
      .updateTable('users')
      .set({ suspendedAt: new Date().toISOString() })
      .where('id', '=', user.id)
      .execute();
    const { res } = await passkeySignIn(authenticator);
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'ACCOUNT_SUSPENDED']);
  });

  it('is a second factor: after the password, the passkey finishes the sign-in instead of a code', async () => {
    const { user, authenticator } = await userWithPasskey();
    const client = freshClient(t.app);
    const step = await passwordStep(client, user);
    expect(step.methods).toEqual(['passkey']);
    expect(client.cookie).toBeUndefined();

    // A code cannot finish it (the account has no TOTP); another account's passkey cannot either.
    const code = await client.post('/api/auth/login/second-factor', {
      pendingToken: step.pendingToken,
      code: '123456',
    });
    expect(errorCode(code)).toBe('TWO_FACTOR_OFF');
    const optionsRes = await client.post('/api/auth/login/second-factor/passkey/options', {
      pendingToken: step.pendingToken,
    });
    expect(optionsRes.statusCode, optionsRes.body).toBe(200);
    const options = optionsRes.json() as RequestOptionsJson;
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([
      authenticator.credentials[0]?.id.toString('base64url'),
    ]);
    const other = await userWithPasskey();
    const otherCredential = other.authenticator.credentials[0];
    const crossed = await client.post('/api/auth/login/second-factor/passkey', {
      pendingToken: step.pendingToken,
      credential: other.authenticator.get({ ...options, allowCredentials: [] }, otherCredential),
    });
    expect([crossed.statusCode, errorCode(crossed)]).toEqual([400, 'PASSKEY_INVALID']);
    expect(client.cookie).toBeUndefined();

    const fresh = (
      await client.post('/api/auth/login/second-factor/passkey/options', {
        pendingToken: step.pendingToken,
      })
    ).json() as RequestOptionsJson;
    const done = await client.post('/api/auth/login/second-factor/passkey', {
      pendingToken: step.pendingToken,
      credential: authenticator.get(fresh),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await methodOf(client)).toBe('password_passkey');

    // The pending token opened one sign-in.
    const reuse = await freshClient(t.app).post('/api/auth/login/second-factor/passkey/options', {
      pendingToken: step.pendingToken,
    });
    expect([reuse.statusCode, errorCode(reuse)]).toEqual([409, 'TOKEN_USED']);
  });

  it('with TOTP as well, the second step offers both', async () => {
    const { user, client } = await userWithPasskey();
    const { Secret, TOTP } = await import('otpauth');
    const start = (await client.post('/api/me/two-factor/totp')).json() as { secret: string };
    const code = new TOTP({ secret: Secret.fromBase32(start.secret) }).generate();
    expect((await client.post('/api/me/two-factor/totp/confirm', { code })).statusCode).toBe(200);
    expect((await passwordStep(freshClient(t.app), user)).methods).toEqual([
      'totp',
      'recovery_code',
      'passkey',
    ]);
  });

  it('renames and removes a passkey (password again); removing ends other sessions, mails and audits', async () => {
    const { user, client, passkey, authenticator } = await userWithPasskey();
    const renamed = await client.patch(`/api/me/passkeys/${passkey.id}`, { name: 'Work laptop' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(
      ((await client.get('/api/me/passkeys')).json() as { passkeys: { name: string }[] }).passkeys[0]?.name,
    ).toBe('Work laptop');
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    expect((await stranger.patch(`/api/me/passkeys/${passkey.id}`, { name: 'Mine now' })).statusCode).toBe(
      404,
    );
    const theirs = await stranger.post(`/api/me/passkeys/${passkey.id}/remove`, {
      currentPassword: DEFAULT_PASSWORD,
    });
    expect([theirs.statusCode, errorCode(theirs)]).toEqual([404, 'NOT_FOUND']);

    const { client: otherDevice } = await passkeySignIn(authenticator);
    const wrong = await client.post(`/api/me/passkeys/${passkey.id}/remove`, {
      currentPassword: 'wrong password',
    });
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([401, 'INVALID_CREDENTIALS']);
    const removed = await client.post(`/api/me/passkeys/${passkey.id}/remove`, {
      currentPassword: DEFAULT_PASSWORD,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await client.get('/api/me/passkeys')).json()).toEqual({ passkeys: [] });
    expect((await otherDevice.get('/api/me')).statusCode).toBe(401);
    expect((await mailsTo(t.ctx, user.email)).map((m) => m.subject).sort()).toEqual([
      'A passkey was added',
      'A passkey was removed',
    ]);
    const actions = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('actorId', '=', user.id)
      .orderBy('createdAt')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['account.passkey_added', 'account.passkey_removed']);

    // No second factor left: the password alone signs in again, and the passkey no longer does.
    expect(
      (await freshClient(t.app).post('/api/auth/login', { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(200);
    const { res } = await passkeySignIn(authenticator);
    expect(errorCode(res)).toBe('PASSKEY_INVALID');
  });

  it('satisfies the rule that requires a second factor of meta-mentors', async () => {
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    const adminKey = new SoftwareAuthenticator(TEST_ORIGIN);
    await addPasskey(admin, adminKey);
    const network = await buildNetwork(t.ctx);
    const metaUser = await buildUser(t.ctx);
    await buildMember(t.ctx, network, { role: 'meta_mentor', user: metaUser });
    const meta = await signIn(t.app, metaUser);
    const put = await admin.request('PUT', '/api/admin/settings/security', { requireSecondFactor: true });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const url = `/api/networks/${network.slug}`;
      expect(errorCode(await meta.get(url))).toBe('SECOND_FACTOR_REQUIRED');
      // The passkey routes stay open to set one up.
      await addPasskey(meta, new SoftwareAuthenticator(TEST_ORIGIN));
      expect((await meta.get(url)).statusCode).toBe(200);
    } finally {
      await admin.request('PUT', '/api/admin/settings/security', { requireSecondFactor: false });
    }
  });
});

describe.each(DIALECTS)('passkey ceremonies across two instances on one %s database', (dialect) => {
  let a: TestApp;
  let bCtx: AppContext;
  let bApp: FastifyInstance;
  beforeAll(async () => {
    a = await buildTestApp(dialect);
    const config = loadConfig({
      PASSWORD_HASH_COST: 'low',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: TEST_ORIGIN,
      ...a.database.env,
    });
    bCtx = createContext(config, createLogger(config));
    bApp = await buildApp(bCtx, { checkResponses: true });
  });
  afterAll(async () => {
    await bApp.close();
    await bCtx.close();
    await a.close();
  });

  it('takes the options from one instance and the answer at the other, each challenge once', async () => {
    const user = await buildUser(a.ctx);
    const onA = await signIn(a.app, user);
    const onB = new TestClient(bApp, { ip: '10.99.0.1' });
    onB.cookie = onA.cookie;
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN);
    const options = await onA.post('/api/me/passkeys/registration/options', {
      currentPassword: DEFAULT_PASSWORD,
    });
    const added = await onB.post('/api/me/passkeys', {
      name: 'Laptop',
      credential: authenticator.create(options.json() as CreationOptionsJson),
    });
    expect(added.statusCode, added.body).toBe(201);

    const visitorA = freshClient(a.app);
    const visitorB = new TestClient(bApp, { ip: '10.99.0.2' });
    const signInOptions = (await visitorB.post('/api/auth/passkey/options')).json() as RequestOptionsJson;
    const answer = authenticator.get(signInOptions);
    // Both instances get the same answer at once: exactly one signs in.
    const [first, second] = await Promise.all([
      visitorA.post('/api/auth/passkey', { credential: answer }),
      visitorB.post('/api/auth/passkey', { credential: answer }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 400]);
  });
});
