import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import {
  buildMember,
  buildNetwork,
  buildUser,
  mailsTo,
  membershipOf,
  tokenFrom,
} from '../../test/factories.ts';
import { invitationTokenFrom } from '../../test/invitations.ts';

const NEW_ACCOUNT = { displayName: 'Nadia Newcomer', password: 'amber-kite-meadow-42', locale: 'pl' };

describe.each(DIALECTS)('accepting invitations on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function fixture() {
    const network = await buildNetwork(t.ctx, { name: 'Harbour Mentors' });
    const metaMentor = await buildMember(t.ctx, network, {
      role: 'meta_mentor',
      user: await buildUser(t.ctx, { displayName: 'Mira Meta' }),
    });
    const staff = await signIn(t.app, metaMentor);
    const url = `/api/networks/${network.slug}/invitations`;
    /** Invites an address by e-mail and returns the secret from the mail. */
    const inviteByEmail = async (email: string, extra: Record<string, unknown> = {}) => {
      const res = await staff.post(url, { kind: 'email', email, role: 'mentor', ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return {
        id: res.json().invitation.id as string,
        token: invitationTokenFrom((await mailsTo(t.ctx, email))[0]),
      };
    };
    const inviteByLink = async (extra: Record<string, unknown> = {}) => {
      const res = await staff.post(url, { kind: 'link', role: 'mentor', ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return { id: res.json().invitation.id as string, token: invitationTokenFrom(res.json().url) };
    };
    return { network, metaMentor, staff, url, inviteByEmail, inviteByLink };
  }

  it('previews an invitation without revealing more than the invitee needs', async () => {
    const fx = await fixture();
    const { token } = await fx.inviteByEmail('preview@example.org', { level: 'experienced' });
    const res = await freshClient(t.app).get(`/api/invitations/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      network: { slug: fx.network.slug, name: 'Harbour Mentors' },
      role: 'mentor',
      level: 'experienced',
      inviterName: 'Mira Meta',
      kind: 'email',
      email: 'preview@example.org',
      status: 'valid',
      accountExists: false,
    });
    const link = await fx.inviteByLink({ role: 'office' });
    expect((await freshClient(t.app).get(`/api/invitations/${link.token}`)).json()).toMatchObject({
      kind: 'link',
      email: null,
      accountExists: null,
      role: 'office',
      level: null,
    });
    for (const bad of ['not-a-token', 'x'.repeat(43)]) {
      const unknown = await freshClient(t.app).get(`/api/invitations/${bad}`);
      expect(unknown.statusCode).toBe(404);
      expect(errorCode(unknown)).toBe('INVITATION_INVALID');
    }
    const accept = await freshClient(t.app).post(`/api/invitations/${'y'.repeat(43)}/accept`, NEW_ACCOUNT);
    expect(accept.statusCode).toBe(404);
    expect(errorCode(accept)).toBe('INVITATION_INVALID');
  });

  it('creates a verified account from an e-mail invitation, signs it in, and holds it at the agreement', async () => {
    const fx = await fixture();
    const { token } = await fx.inviteByEmail('nadia@example.org', { level: 'experienced' });
    const client = freshClient(t.app);
    const res = await client.post(`/api/invitations/${token}/accept`, NEW_ACCOUNT);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      network: { slug: fx.network.slug, name: 'Harbour Mentors' },
      role: 'mentor',
      level: 'experienced',
      accountCreated: true,
    });
    expect(client.cookie).toBeDefined();
    const me = (await client.get('/api/me')).json();
    expect(me).toMatchObject({
      email: 'nadia@example.org',
      emailVerified: true,
      locale: 'pl',
      displayName: 'Nadia Newcomer',
    });
    expect(await membershipOf(t.ctx, fx.network.id, me.id)).toMatchObject({
      role: 'mentor',
      level: 'experienced',
      status: 'active',
    });
    expect(await mailsTo(t.ctx, 'nadia@example.org')).toHaveLength(1); // the invitation only, no verification mail

    const blocked = await client.get(`/api/networks/${fx.network.slug}/members`);
    expect(blocked.statusCode).toBe(403);
    expect(errorCode(blocked)).toBe('AGREEMENT_REQUIRED');

    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('networkId', '=', fx.network.id)
      .where('action', '=', 'member.joined')
      .where('subjectUserId', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({
      via: 'invitation',
      role: 'mentor',
      level: 'experienced',
      invitedBy: fx.metaMentor.id,
    });
    // The member who accepted acted (they joined), not the inviter.
    expect(audit.actorId).toBe(me.id);

    const again = await client.post(`/api/invitations/${token}/accept`);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('INVITATION_USED');
    const preview = (await freshClient(t.app).get(`/api/invitations/${token}`)).json();
    expect(preview).toMatchObject({ status: 'used', accountExists: true });
    const listed = (await fx.staff.get(`${fx.url}?status=all`)).json().invitations[0];
    expect(listed).toMatchObject({ status: 'accepted', uses: 1 });
  });

  it('lets a signed-in invitee join, but only with the invited address', async () => {
    const fx = await fixture();
    const invitee = await buildUser(t.ctx, { emailVerifiedAt: null });
    const other = await buildUser(t.ctx);
    const { token } = await fx.inviteByEmail(invitee.email, { role: 'office' });

    const wrong = await (await signIn(t.app, other)).post(`/api/invitations/${token}/accept`);
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe('INVITATION_WRONG_ACCOUNT');
    expect(await membershipOf(t.ctx, fx.network.id, other.id)).toBeUndefined();

    const signedOut = await freshClient(t.app).post(`/api/invitations/${token}/accept`, NEW_ACCOUNT);
    expect(signedOut.statusCode).toBe(409);
    expect(errorCode(signedOut)).toBe('EMAIL_TAKEN');
    expect((await freshClient(t.app).get(`/api/invitations/${token}`)).json().accountExists).toBe(true);

    const client = await signIn(t.app, invitee);
    const res = await client.post(`/api/invitations/${token}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'office', level: null, accountCreated: false });
    expect(await membershipOf(t.ctx, fx.network.id, invitee.id)).toMatchObject({
      role: 'office',
      status: 'active',
    });
    expect((await client.get('/api/me')).json().emailVerified).toBe(true);
  });

  it('refuses an invitation for someone who is a member already, and leaves it usable', async () => {
    const fx = await fixture();
    const invitee = await buildUser(t.ctx);
    const { token } = await fx.inviteByEmail(invitee.email);
    await buildMember(t.ctx, fx.network, { user: invitee });
    const res = await (await signIn(t.app, invitee)).post(`/api/invitations/${token}/accept`);
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('ALREADY_MEMBER');
    expect((await freshClient(t.app).get(`/api/invitations/${token}`)).json().status).toBe('valid');
  });

  it('lets many people join through a link, each with an unverified account and a verification mail', async () => {
    const fx = await fixture();
    const { id, token } = await fx.inviteByLink({ level: 'experienced' });
    const first = freshClient(t.app);
    const noEmail = await first.post(`/api/invitations/${token}/accept`, NEW_ACCOUNT);
    expect(noEmail.statusCode).toBe(400);
    expect(errorCode(noEmail)).toBe('VALIDATION_FAILED');
    expect(noEmail.json().error.details).toEqual([
      expect.objectContaining({ path: ['email'], code: 'required' }),
    ]);

    const res = await first.post(`/api/invitations/${token}/accept`, {
      ...NEW_ACCOUNT,
      email: 'Link.One@example.org',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await first.get('/api/me')).json()).toMatchObject({
      email: 'link.one@example.org',
      emailVerified: false,
    });
    const [verify] = await mailsTo(t.ctx, 'link.one@example.org');
    expect(verify?.subject).toBe('Potwierdź swój adres e-mail');
    expect(tokenFrom(verify).length).toBeGreaterThan(20);

    const existing = await buildUser(t.ctx);
    const second = await signIn(t.app, existing);
    expect((await second.post(`/api/invitations/${token}/accept`)).statusCode).toBe(200);
    expect(await membershipOf(t.ctx, fx.network.id, existing.id)).toMatchObject({
      role: 'mentor',
      level: 'experienced',
    });

    const twice = await second.post(`/api/invitations/${token}/accept`);
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('ALREADY_MEMBER');
    const taken = await freshClient(t.app).post(`/api/invitations/${token}/accept`, {
      ...NEW_ACCOUNT,
      email: existing.email,
    });
    expect(taken.statusCode).toBe(409);
    expect(errorCode(taken)).toBe('EMAIL_TAKEN');

    const listed = (await fx.staff.get(fx.url)).json().invitations.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({ status: 'pending', uses: 2 });
  });

  it('refuses expired and revoked invitations', async () => {
    const fx = await fixture();
    const expired = await fx.inviteByEmail('late@example.org');
    await t.ctx.database.db
      .updateTable('invitations')
      .set({ expiresAt: new Date(Date.now() - HOUR).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    const revoked = await fx.inviteByLink();
    await fx.staff.delete(`${fx.url}/${revoked.id}`);

    const lateRes = await freshClient(t.app).post(`/api/invitations/${expired.token}/accept`, NEW_ACCOUNT);
    expect(lateRes.statusCode).toBe(410);
    expect(errorCode(lateRes)).toBe('INVITATION_EXPIRED');
    expect((await freshClient(t.app).get(`/api/invitations/${expired.token}`)).json().status).toBe('expired');

    const user = await buildUser(t.ctx);
    const revokedRes = await (await signIn(t.app, user)).post(`/api/invitations/${revoked.token}/accept`);
    expect(revokedRes.statusCode).toBe(410);
    expect(errorCode(revokedRes)).toBe('INVITATION_REVOKED');
    expect(await membershipOf(t.ctx, fx.network.id, user.id)).toBeUndefined();
    const users = await t.ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'late@example.org')
      .execute();
    expect(users).toHaveLength(0);
  });

  it('lets exactly one of two simultaneous acceptances of an e-mail invitation through', async () => {
    const fx = await fixture();
    const invitee = await buildUser(t.ctx);
    const { token } = await fx.inviteByEmail(invitee.email);
    const [a, b] = [await signIn(t.app, invitee), await signIn(t.app, invitee)];
    const results = await Promise.all([a, b].map((c) => c.post(`/api/invitations/${token}/accept`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.map((r) => (r.statusCode === 409 ? errorCode(r) : 'ok')).sort()).toEqual([
      'INVITATION_USED',
      'ok',
    ]);

    const fresh = await fx.inviteByEmail('race@example.org');
    const racers = await Promise.all(
      ['Racer One', 'Racer Two'].map((displayName) =>
        freshClient(t.app).post(`/api/invitations/${fresh.token}/accept`, { ...NEW_ACCOUNT, displayName }),
      ),
    );
    expect(racers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const accounts = await t.ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'race@example.org')
      .execute();
    expect(accounts).toHaveLength(1);
    const row = await t.ctx.database.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', fresh.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ uses: 1, acceptedBy: accounts[0]?.id });
  });

  it('rejects bad account details and asks signed-out callers without them to sign in', async () => {
    const fx = await fixture();
    const { token } = await fx.inviteByEmail('careful@example.org');
    const url = `/api/invitations/${token}/accept`;
    const client = freshClient(t.app);
    const none = await client.post(url);
    expect(none.statusCode).toBe(401);
    expect(errorCode(none)).toBe('UNAUTHENTICATED');

    const weak = await client.post(url, { ...NEW_ACCOUNT, password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');
    for (const body of [
      { ...NEW_ACCOUNT, displayName: 'x'.repeat(81) },
      { ...NEW_ACCOUNT, displayName: '' },
      { ...NEW_ACCOUNT, locale: 'sw' },
      { ...NEW_ACCOUNT, password: 'p'.repeat(201) },
      { ...NEW_ACCOUNT, role: 'meta_mentor' },
    ]) {
      const res = await client.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const partial = await client.post(url, { displayName: 'Only a name' });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.details.map((d: { path: string[] }) => d.path[0])).toEqual([
      'password',
      'locale',
    ]);
    expect((await freshClient(t.app).get(`/api/invitations/${token}`)).json().status).toBe('valid');
  });
});
