import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser, mailsTo } from '../../test/factories.ts';
import { invitationTokenFrom } from '../../test/invitations.ts';
import type { NetworkRow } from '../networks/index.ts';
import { INVITATIONS_PER_NETWORK } from './invitations.service.ts';

describe.each(DIALECTS)('invitations on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A public network with an org admin and one accepted member per role. */
  async function fixture(overrides: Partial<NetworkRow> = {}) {
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, {
      organisationId: org.id,
      name: 'Riverside Mentors',
      ...overrides,
    });
    const metaMentor = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const office = await buildMember(t.ctx, network, { role: 'office' });
    const mentor = await buildMember(t.ctx, network, { role: 'mentor' });
    const url = `/api/networks/${network.slug}/invitations`;
    return { network, orgAdmin, metaMentor, office, mentor, url };
  }

  const auditActions = async (networkId: string) =>
    (
      await t.ctx.database.db
        .selectFrom('auditLog')
        .select(['action', 'details'])
        .where('networkId', '=', networkId)
        .orderBy('id')
        .execute()
    ).map((r) => ({ action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }));

  it('invites by e-mail: mails the link in the network language, shows no secret, writes the audit log', async () => {
    const fx = await fixture();
    const client = await signIn(t.app, fx.metaMentor);
    const res = await client.post(fx.url, { kind: 'email', email: 'New.Person@Example.org', role: 'mentor' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.url).toBeUndefined();
    expect(body.invitation).toMatchObject({
      kind: 'email',
      email: 'new.person@example.org',
      role: 'mentor',
      level: 'beginner',
      status: 'pending',
      uses: 0,
      invitedBy: { id: fx.metaMentor.id, displayName: fx.metaMentor.displayName },
    });
    const days = (Date.parse(body.invitation.expiresAt) - Date.now()) / (24 * HOUR);
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const [mail] = await mailsTo(t.ctx, 'new.person@example.org');
    expect(mail?.subject).toBe('Einladung in das Netzwerk Riverside Mentors');
    expect(mail?.html).toContain('lang="de"');
    expect(mail?.text).toContain('Hallo,');
    expect(mail?.text).toContain(`${fx.metaMentor.displayName} lädt dich ein`);
    expect(mail?.text).toContain('als Mentor*in');
    expect(mail?.text).toContain('14 Tage');
    expect(mail?.text).toContain(`${TEST_ORIGIN}/invitations/`);
    const token = invitationTokenFrom(mail);
    expect(res.body).not.toContain(token);
    const stored = await t.ctx.database.db.selectFrom('invitations').select('tokenHash').execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);

    expect(await auditActions(fx.network.id)).toContainEqual({
      action: 'invitation.created',
      details: expect.objectContaining({ invitationId: body.invitation.id, kind: 'email', role: 'mentor' }),
    });
  });

  it("mails in the invitee's own language when they have an account, else English for other network languages", async () => {
    // Swahili: a network language the platform does not speak.
    const fx = await fixture({ languages: JSON.stringify(['sw', 'en']) });
    const known = await buildUser(t.ctx, { locale: 'it', displayName: 'Giulia' });
    const client = await signIn(t.app, fx.metaMentor);
    const toKnown = await client.post(fx.url, {
      kind: 'email',
      email: known.email,
      role: 'mentor',
      level: 'experienced',
      expiresInDays: 1,
    });
    expect(toKnown.statusCode).toBe(201);
    const [italian] = await mailsTo(t.ctx, known.email);
    expect(italian?.subject).toBe('Invito alla rete Riverside Mentors');
    expect(italian?.text).toContain('Ciao Giulia,');
    expect(italian?.text).toContain('come mentore esperto');
    expect(italian?.text).toContain('1 giorno');

    await client.post(fx.url, { kind: 'email', email: 'stranger@example.org', role: 'office' });
    const [english] = await mailsTo(t.ctx, 'stranger@example.org');
    expect(english?.subject).toBe('Invitation to the network Riverside Mentors');
    expect(english?.text).toContain('as a member of the office');
  });

  it('creates a link invitation whose URL is shown once and never listed', async () => {
    const fx = await fixture();
    const client = await signIn(t.app, fx.office);
    const res = await client.post(fx.url, {
      kind: 'link',
      role: 'mentor',
      level: 'experienced',
      expiresInDays: 30,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { invitation, url } = res.json();
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/invitations/[A-Za-z0-9_-]{40,}$`));
    expect(invitation).toMatchObject({ kind: 'link', email: null, role: 'mentor', level: 'experienced' });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / (24 * HOUR);
    expect(Math.round(days)).toBe(30);

    const list = await client.get(fx.url);
    expect(list.statusCode).toBe(200);
    expect(list.json().invitations.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    expect(list.body).not.toContain(invitationTokenFrom(url));
  });

  it('refuses to invite an active member and replaces an open invitation to the same address', async () => {
    const fx = await fixture();
    const client = await signIn(t.app, fx.metaMentor);
    const member = await client.post(fx.url, { kind: 'email', email: fx.mentor.email, role: 'mentor' });
    expect(member.statusCode).toBe(409);
    expect(errorCode(member)).toBe('ALREADY_MEMBER');

    const first = await client.post(fx.url, { kind: 'email', email: 'twice@example.org', role: 'mentor' });
    const firstToken = invitationTokenFrom((await mailsTo(t.ctx, 'twice@example.org'))[0]);
    const second = await client.post(fx.url, { kind: 'email', email: 'twice@example.org', role: 'office' });
    expect(second.statusCode).toBe(201);
    const secondToken = invitationTokenFrom((await mailsTo(t.ctx, 'twice@example.org'))[0]);
    expect(secondToken).not.toBe(firstToken);

    expect((await freshClient(t.app).get(`/api/invitations/${firstToken}`)).json().status).toBe('revoked');
    expect((await freshClient(t.app).get(`/api/invitations/${secondToken}`)).json()).toMatchObject({
      status: 'valid',
      role: 'office',
    });
    const pending = (await client.get(`${fx.url}?status=pending`)).json().invitations;
    expect(pending.map((i: { id: string }) => i.id)).toEqual([second.json().invitation.id]);
    expect(await auditActions(fx.network.id)).toContainEqual({
      action: 'invitation.revoked',
      details: expect.objectContaining({
        invitationId: first.json().invitation.id,
        replacedBy: second.json().invitation.id,
      }),
    });
  });

  it('lets only meta-mentors and organisation or platform admins invite meta-mentors', async () => {
    const fx = await fixture();
    const platformAdmin = await buildUser(t.ctx, { isPlatformAdmin: 1 });
    const invite = (role: string, n: number) => ({
      kind: 'email',
      email: `role-${role}-${n}@example.org`,
      role,
    });
    let n = 0;
    for (const who of [fx.metaMentor, fx.orgAdmin, platformAdmin]) {
      const client = await signIn(t.app, who);
      const res = await client.post(fx.url, invite('meta_mentor', ++n));
      expect(res.statusCode, res.body).toBe(201);
    }
    const office = await signIn(t.app, fx.office);
    const asMeta = await office.post(fx.url, invite('meta_mentor', ++n));
    expect(asMeta.statusCode).toBe(403);
    expect(errorCode(asMeta)).toBe('FORBIDDEN');
    expect((await office.post(fx.url, invite('office', ++n))).statusCode).toBe(201);
    expect((await office.post(fx.url, { kind: 'link', role: 'meta_mentor' })).statusCode).toBe(403);
  });

  it('denies inviting, listing and revoking to everyone outside the staff', async () => {
    const fx = await fixture();
    const pendingMeta = await buildMember(t.ctx, fx.network, { role: 'meta_mentor', accepted: false });
    const outsider = await buildUser(t.ctx);
    const body = { kind: 'link', role: 'mentor' };
    const cases: [string, Awaited<ReturnType<typeof signIn>>, number, string][] = [
      ['mentor', await signIn(t.app, fx.mentor), 403, 'FORBIDDEN'],
      ['non-member', await signIn(t.app, outsider), 403, 'FORBIDDEN'],
      ['pending meta-mentor', await signIn(t.app, pendingMeta), 403, 'AGREEMENT_REQUIRED'],
      ['signed out', freshClient(t.app), 401, 'UNAUTHENTICATED'],
    ];
    const id = (await (await signIn(t.app, fx.metaMentor)).post(fx.url, body)).json().invitation.id;
    for (const [who, client, status, code] of cases) {
      for (const res of [
        await client.post(fx.url, body),
        await client.get(fx.url),
        await client.delete(`${fx.url}/${id}`),
      ]) {
        expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
        expect(errorCode(res)).toBe(code);
      }
    }
    const privateNet = await buildNetwork(t.ctx, { visibility: 'private' });
    const hidden = await cases[1]?.[1].post(`/api/networks/${privateNet.slug}/invitations`, body);
    expect(hidden?.statusCode).toBe(404);
    const unknown = await (await signIn(t.app, fx.metaMentor)).post(
      '/api/networks/no-such-network/invitations',
      body,
    );
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('rejects malformed invitations', async () => {
    const fx = await fixture();
    const client = await signIn(t.app, fx.metaMentor);
    const bad: unknown[] = [
      { kind: 'email', email: 'not-an-address', role: 'mentor' },
      { kind: 'email', role: 'mentor' },
      { kind: 'email', email: `${'a'.repeat(250)}@example.org`, role: 'mentor' },
      { kind: 'link', role: 'boss' },
      { kind: 'link', role: 'office', level: 'experienced' },
      { kind: 'link', role: 'mentor', level: 'expert' },
      { kind: 'link', role: 'mentor', expiresInDays: 0 },
      { kind: 'link', role: 'mentor', expiresInDays: 91 },
      { kind: 'link', role: 'mentor', expiresInDays: 2.5 },
      { kind: 'link', role: 'mentor', email: 'x@example.org' },
      { kind: 'sms', role: 'mentor' },
      { role: 'mentor' },
      [],
    ];
    for (const body of bad) {
      const res = await client.post(fx.url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const broken = await client.post(fx.url, '{"kind":', { 'content-type': 'application/json' });
    expect(broken.statusCode).toBe(400);
    expect(errorCode(broken)).toBe('INVALID_JSON');
    const count = await t.ctx.database.db
      .selectFrom('invitations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('networkId', '=', fx.network.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lists pending or all invitations with their status, page by page', async () => {
    const fx = await fixture();
    const client = await signIn(t.app, fx.metaMentor);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 2)); // ids order by millisecond
      const res = await client.post(fx.url, {
        kind: 'email',
        email: `list-${i}@example.org`,
        role: 'mentor',
      });
      ids.push(res.json().invitation.id);
    }
    const db = t.ctx.database.db;
    await db
      .updateTable('invitations')
      .set({ expiresAt: new Date(Date.now() - HOUR).toISOString() })
      .where('id', '=', ids[0] ?? '')
      .execute();
    await client.delete(`${fx.url}/${ids[1]}`);
    await db
      .updateTable('invitations')
      .set({ acceptedAt: new Date().toISOString(), uses: 1 })
      .where('id', '=', ids[2] ?? '')
      .execute();

    const all = (await client.get(`${fx.url}?status=all`)).json().invitations as {
      id: string;
      status: string;
    }[];
    expect(all.map((i) => [i.id, i.status])).toEqual([
      [ids[4], 'pending'],
      [ids[3], 'pending'],
      [ids[2], 'accepted'],
      [ids[1], 'revoked'],
      [ids[0], 'expired'],
    ]);
    const pending = (await client.get(fx.url)).json().invitations as { id: string }[];
    expect(pending.map((i) => i.id)).toEqual([ids[4], ids[3]]);

    const page1 = (await client.get(`${fx.url}?status=all&limit=2`)).json();
    expect(page1.invitations).toHaveLength(2);
    const page2 = (await client.get(`${fx.url}?status=all&limit=2&cursor=${page1.nextCursor}`)).json();
    const page3 = (await client.get(`${fx.url}?status=all&limit=2&cursor=${page2.nextCursor}`)).json();
    expect(page3.nextCursor).toBeNull();
    expect([...page1.invitations, ...page2.invitations, ...page3.invitations].map((i) => i.id)).toEqual(
      all.map((i) => i.id),
    );
    for (const query of ['cursor=forged!', 'limit=0', 'limit=101', 'status=open', 'extra=1']) {
      const res = await client.get(`${fx.url}?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('revokes an invitation of this network only, once; a used one stays used', async () => {
    const fx = await fixture();
    const other = await fixture();
    const client = await signIn(t.app, fx.metaMentor);
    const mine = (await client.post(fx.url, { kind: 'link', role: 'mentor' })).json();
    const theirs = (
      await (await signIn(t.app, other.metaMentor)).post(other.url, { kind: 'link', role: 'mentor' })
    ).json();

    const foreign = await client.delete(`${fx.url}/${theirs.invitation.id}`);
    expect(foreign.statusCode).toBe(404);
    expect((await client.delete(`${fx.url}/00000000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    expect(
      (await freshClient(t.app).get(`/api/invitations/${invitationTokenFrom(theirs.url)}`)).json().status,
    ).toBe('valid');

    const revoked = await client.delete(`${fx.url}/${mine.invitation.id}`);
    expect(revoked.statusCode).toBe(200);
    expect((await client.delete(`${fx.url}/${mine.invitation.id}`)).statusCode).toBe(200);
    const revocations = (await auditActions(fx.network.id)).filter((a) => a.action === 'invitation.revoked');
    expect(revocations).toHaveLength(1);
    expect(revocations[0]?.details).toMatchObject({ invitationId: mine.invitation.id });

    const invited = await buildUser(t.ctx);
    await client.post(fx.url, { kind: 'email', email: invited.email, role: 'mentor' });
    const token = invitationTokenFrom((await mailsTo(t.ctx, invited.email))[0]);
    const accept = await (await signIn(t.app, invited)).post(`/api/invitations/${token}/accept`);
    expect(accept.statusCode, accept.body).toBe(200);
    const used = (await client.get(`${fx.url}?status=all`))
      .json()
      .invitations.find((i: { email: string | null }) => i.email === invited.email);
    const again = await client.delete(`${fx.url}/${used.id}`);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('INVITATION_USED');
  });

  it('limits how many invitations a network sends per hour', async () => {
    const fx = await fixture();
    const windowStart =
      Math.floor(Date.now() / INVITATIONS_PER_NETWORK.windowMs) * INVITATIONS_PER_NETWORK.windowMs;
    await t.ctx.database.db
      .insertInto('rateLimits')
      .values({
        key: `invitations:network:${fx.network.id}`,
        windowStart,
        hits: INVITATIONS_PER_NETWORK.limit,
      })
      .execute();
    const res = await (await signIn(t.app, fx.metaMentor)).post(fx.url, { kind: 'link', role: 'mentor' });
    expect(res.statusCode).toBe(429);
    expect(errorCode(res)).toBe('RATE_LIMITED');
  });
});
