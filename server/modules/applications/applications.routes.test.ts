import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import {
  buildMember,
  buildNetwork,
  buildOrganisation,
  buildUser,
  mailsTo,
  membershipOf,
} from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';

const APPLICATION = {
  motivation: 'I have supported newcomers with paperwork for years and want to share it.',
  experience: 'Five years as a volunteer mentor in a refugee counselling centre.',
  languages: ['de', 'ar'],
};

/** Ids are time-ordered to the millisecond; lists sorted by id need rows from distinct milliseconds. */
const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 2));

describe.each(DIALECTS)('applications on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function fixture(overrides: Partial<NetworkRow> = {}) {
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, {
      organisationId: org.id,
      name: 'Lakeside Mentors',
      ...overrides,
    });
    const metaMentor = await buildMember(t.ctx, network, {
      role: 'meta_mentor',
      user: await buildUser(t.ctx, { displayName: 'Mira Meta' }),
    });
    const office = await buildMember(t.ctx, network, { role: 'office' });
    const mentor = await buildMember(t.ctx, network, { role: 'mentor' });
    const applicant = await buildUser(t.ctx, { locale: 'de', displayName: 'Amir Applicant' });
    const url = `/api/networks/${network.slug}/applications`;
    return { network, orgAdmin, metaMentor, office, mentor, applicant, url };
  }

  /** The applicant applies; returns the new application's id. */
  async function apply(fx: Awaited<ReturnType<typeof fixture>>) {
    const res = await (await signIn(t.app, fx.applicant)).post(fx.url, APPLICATION);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it('takes one pending application per network and shows it to the applicant', async () => {
    const fx = await fixture();
    const client = await signIn(t.app, fx.applicant);
    const res = await client.post(fx.url, APPLICATION);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      network: { slug: fx.network.slug, name: 'Lakeside Mentors' },
      status: 'pending',
      languages: ['de', 'ar'],
      decisionMessage: null,
    });
    const again = await client.post(fx.url, APPLICATION);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('APPLICATION_EXISTS');

    const mine = await client.get('/api/me/applications');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().applications).toEqual([res.json()]);
    expect((await freshClient(t.app).get('/api/me/applications')).statusCode).toBe(401);
  });

  it('tells the meta-mentors and office in the app and by mail as each chose, not the mentors', async () => {
    const fx = await fixture();
    const metaClient = await signIn(t.app, fx.metaMentor);
    const put = await metaClient.request('PUT', '/api/me/notification-preferences', {
      email: { applications: 'immediate' },
    });
    expect(put.json().email.applications).toBe('immediate');
    await apply(fx);
    await t.ctx.jobs.drain();

    const listOf = async (user: { email: string; password: string }) =>
      (await (await signIn(t.app, user)).get('/api/notifications')).json().notifications as {
        kind: string;
        actor: { displayName: string } | null;
        network: { slug: string } | null;
      }[];
    for (const staff of [fx.metaMentor, fx.office]) {
      const [first, ...rest] = await listOf(staff);
      expect(rest).toHaveLength(0);
      expect(first).toMatchObject({
        kind: 'application_received',
        actor: { displayName: 'Amir Applicant' },
        network: { slug: fx.network.slug },
      });
    }
    expect(await listOf(fx.mentor)).toHaveLength(0);

    // The meta-mentor asked for these at once; the office keeps the default, the daily digest.
    const [mail, ...more] = await mailsTo(t.ctx, fx.metaMentor.email);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe('Amir Applicant applied to join Lakeside Mentors');
    expect(mail?.text).toContain('the application is waiting for a decision');
    expect(await mailsTo(t.ctx, fx.office.email)).toHaveLength(0);
    const officeMail = await t.ctx.database.db
      .selectFrom('notifications')
      .select('email')
      .where('userId', '=', fx.office.id)
      .executeTakeFirstOrThrow();
    expect(officeMail.email).toBe('daily');
  });

  it('keeps two simultaneous applications from both getting through', async () => {
    const fx = await fixture();
    const [a, b] = [await signIn(t.app, fx.applicant), await signIn(t.app, fx.applicant)];
    const results = await Promise.all([a, b].map((c) => c.post(fx.url, APPLICATION)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('only lets signed-in non-members apply to public networks', async () => {
    const fx = await fixture();
    const cases: [string, Awaited<ReturnType<typeof signIn>>, number, string][] = [
      ['mentor', await signIn(t.app, fx.mentor), 403, 'FORBIDDEN'],
      ['meta-mentor', await signIn(t.app, fx.metaMentor), 403, 'FORBIDDEN'],
      ['org admin', await signIn(t.app, fx.orgAdmin), 403, 'FORBIDDEN'],
      ['signed out', freshClient(t.app), 401, 'UNAUTHENTICATED'],
    ];
    for (const [who, client, status, code] of cases) {
      const res = await client.post(fx.url, APPLICATION);
      expect(res.statusCode, who).toBe(status);
      expect(errorCode(res)).toBe(code);
    }
    const client = await signIn(t.app, fx.applicant);
    const unlisted = await buildNetwork(t.ctx, { visibility: 'unlisted' });
    const toUnlisted = await client.post(`/api/networks/${unlisted.slug}/applications`, APPLICATION);
    expect(toUnlisted.statusCode).toBe(403);
    const secret = await buildNetwork(t.ctx, { visibility: 'private' });
    expect((await client.post(`/api/networks/${secret.slug}/applications`, APPLICATION)).statusCode).toBe(
      404,
    );
    const unknown = await client.post('/api/networks/no-such-network/applications', APPLICATION);
    expect(unknown.statusCode).toBe(404);
  });

  it('rejects applications that are too short, too long or malformed', async () => {
    const fx = await fixture();
    const client = await signIn(t.app, fx.applicant);
    const bad: unknown[] = [
      { ...APPLICATION, motivation: 'Too short to judge.' },
      { ...APPLICATION, motivation: `   ${'a'.repeat(19)}   ` },
      { ...APPLICATION, experience: 'x'.repeat(4001) },
      { ...APPLICATION, languages: [] },
      { ...APPLICATION, languages: ['xx'] },
      { ...APPLICATION, languages: 'de' },
      { ...APPLICATION, status: 'approved' },
      { motivation: APPLICATION.motivation },
    ];
    for (const body of bad) {
      const res = await client.post(fx.url, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const broken = await client.post(fx.url, '{"motivation":', { 'content-type': 'application/json' });
    expect(errorCode(broken)).toBe('INVALID_JSON');
    const longest = await client.post(fx.url, { ...APPLICATION, motivation: 'm'.repeat(4000) });
    expect(longest.statusCode).toBe(201);
  });

  it('shows applications to meta-mentors, office and admins, with the applicant, by status and page', async () => {
    const fx = await fixture();
    const ids = [await apply(fx)];
    for (let i = 0; i < 2; i += 1) {
      await nextMillisecond();
      const other = await buildUser(t.ctx);
      const res = await (await signIn(t.app, other)).post(fx.url, APPLICATION);
      ids.push(res.json().id);
    }
    const platformAdmin = await buildUser(t.ctx, { isPlatformAdmin: 1 });
    for (const who of [fx.metaMentor, fx.office, fx.orgAdmin, platformAdmin]) {
      const res = await (await signIn(t.app, who)).get(fx.url);
      expect(res.statusCode).toBe(200);
      expect(res.json().applications.map((a: { id: string }) => a.id)).toEqual([...ids].reverse());
    }
    const staff = await signIn(t.app, fx.office);
    const first = (await staff.get(fx.url)).json().applications.at(-1);
    expect(first).toMatchObject({
      applicant: { id: fx.applicant.id, displayName: 'Amir Applicant', email: fx.applicant.email },
      motivation: APPLICATION.motivation,
      experience: APPLICATION.experience,
      languages: ['de', 'ar'],
      status: 'pending',
      decidedBy: null,
    });
    const page1 = (await staff.get(`${fx.url}?limit=2`)).json();
    const page2 = (await staff.get(`${fx.url}?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.applications, ...page2.applications].map((a) => a.id)).toEqual([...ids].reverse());
    expect(page2.nextCursor).toBeNull();
    await staff.post(`${fx.url}/${ids[0]}/decision`, { decision: 'decline' });
    expect((await staff.get(`${fx.url}?status=declined`)).json().applications).toMatchObject([
      { id: ids[0], status: 'declined', decidedBy: { id: fx.office.id } },
    ]);
    expect((await staff.get(`${fx.url}?status=withdrawn`)).statusCode).toBe(400);
    expect((await staff.get(`${fx.url}?cursor=forged`)).statusCode).toBe(400);

    const pendingMeta = await buildMember(t.ctx, fx.network, { role: 'meta_mentor', accepted: false });
    const denied: [Awaited<ReturnType<typeof signIn>>, number, string][] = [
      [await signIn(t.app, fx.mentor), 403, 'FORBIDDEN'],
      [await signIn(t.app, fx.applicant), 403, 'FORBIDDEN'],
      [await signIn(t.app, pendingMeta), 403, 'AGREEMENT_REQUIRED'],
      [freshClient(t.app), 401, 'UNAUTHENTICATED'],
    ];
    for (const [client, status, code] of denied) {
      for (const res of [
        await client.get(fx.url),
        await client.post(`${fx.url}/${ids[1]}/decision`, { decision: 'approve' }),
      ]) {
        expect(res.statusCode).toBe(status);
        expect(errorCode(res)).toBe(code);
      }
    }
  });

  it('approves: the applicant becomes an experienced mentor, held at the agreement, and is told by mail', async () => {
    const fx = await fixture();
    const id = await apply(fx);
    const staff = await signIn(t.app, fx.metaMentor);
    const res = await staff.post(`${fx.url}/${id}/decision`, {
      decision: 'approve',
      message: 'Welcome aboard, we meet on Tuesdays.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await membershipOf(t.ctx, fx.network.id, fx.applicant.id)).toMatchObject({
      role: 'mentor',
      level: 'experienced',
      status: 'active',
    });
    const [mail] = await mailsTo(t.ctx, fx.applicant.email);
    expect(mail?.subject).toBe('Deine Bewerbung bei Lakeside Mentors wurde angenommen');
    expect(mail?.text).toContain('Hallo Amir Applicant,');
    expect(mail?.text).toContain('Eine Nachricht von Mira Meta:');
    expect(mail?.text).toContain('Welcome aboard, we meet on Tuesdays.');
    expect(mail?.text).toContain(`${TEST_ORIGIN}/networks/${fx.network.slug}`);

    const applicant = await signIn(t.app, fx.applicant);
    const blocked = await applicant.get(`/api/networks/${fx.network.slug}/members`);
    expect(errorCode(blocked)).toBe('AGREEMENT_REQUIRED');
    expect((await applicant.get('/api/me/applications')).json().applications[0]).toMatchObject({
      status: 'approved',
      decisionMessage: 'Welcome aboard, we meet on Tuesdays.',
    });

    const again = await staff.post(`${fx.url}/${id}/decision`, { decision: 'decline' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('APPLICATION_DECIDED');
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('networkId', '=', fx.network.id)
      .where('subjectUserId', '=', fx.applicant.id)
      .orderBy('id')
      .execute();
    // Entries written within one millisecond have no fixed order (ids are time-ordered), so compare as a set.
    expect(audit.map((a) => a.action).sort()).toEqual([
      'application.approved',
      'application.created',
      'member.joined',
    ]);
    const joined = audit.find((a) => a.action === 'member.joined');
    expect(JSON.parse(joined?.details ?? '{}')).toMatchObject({ via: 'application', applicationId: id });
  });

  it('declines with a message; the applicant may apply again', async () => {
    const fx = await fixture();
    const id = await apply(fx);
    const staff = await signIn(t.app, fx.office);
    const res = await staff.post(`${fx.url}/${id}/decision`, {
      decision: 'decline',
      message: 'We are full.',
    });
    expect(res.statusCode).toBe(200);
    expect(await membershipOf(t.ctx, fx.network.id, fx.applicant.id)).toBeUndefined();
    const [mail] = await mailsTo(t.ctx, fx.applicant.email);
    expect(mail?.subject).toBe('Deine Bewerbung bei Lakeside Mentors');
    expect(mail?.text).toContain('We are full.');
    expect(mail?.text).toContain(`${TEST_ORIGIN}/networks`);

    const withoutMessage = await fixture();
    const second = await apply(withoutMessage);
    await (await signIn(t.app, withoutMessage.metaMentor)).post(`${withoutMessage.url}/${second}/decision`, {
      decision: 'decline',
    });
    const [plain] = await mailsTo(t.ctx, withoutMessage.applicant.email);
    expect(plain?.text).not.toContain('Eine Nachricht von');

    expect(await apply(fx)).not.toBe(id);
  });

  it('lets exactly one of two simultaneous decisions through', async () => {
    const fx = await fixture();
    const id = await apply(fx);
    const [a, b] = [await signIn(t.app, fx.metaMentor), await signIn(t.app, fx.office)];
    const results = await Promise.all([
      a.post(`${fx.url}/${id}/decision`, { decision: 'approve' }),
      b.post(`${fx.url}/${id}/decision`, { decision: 'decline' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const row = await t.ctx.database.db
      .selectFrom('applications')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const member = await membershipOf(t.ctx, fx.network.id, fx.applicant.id);
    expect(member !== undefined).toBe(row.status === 'approved');
  });

  it('keeps the application pending when the applicant joined another way meanwhile', async () => {
    const fx = await fixture();
    const id = await apply(fx);
    await buildMember(t.ctx, fx.network, { user: fx.applicant });
    const res = await (await signIn(t.app, fx.metaMentor)).post(`${fx.url}/${id}/decision`, {
      decision: 'approve',
    });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('ALREADY_MEMBER');
    const row = await t.ctx.database.db
      .selectFrom('applications')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('rejects bad decisions and ids from elsewhere', async () => {
    const fx = await fixture();
    const other = await fixture();
    const id = await apply(fx);
    const foreignId = await apply(other);
    const staff = await signIn(t.app, fx.metaMentor);
    for (const body of [
      { decision: 'maybe' },
      { decision: 'approve', message: 'x'.repeat(2001) },
      { decision: 'approve', role: 'meta_mentor' },
      {},
    ]) {
      const res = await staff.post(`${fx.url}/${id}/decision`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    for (const target of [foreignId, '00000000-0000-7000-8000-000000000000']) {
      const res = await staff.post(`${fx.url}/${target}/decision`, { decision: 'approve' });
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('NOT_FOUND');
    }
    const ok = await staff.post(`${fx.url}/${id}/decision`, {
      decision: 'decline',
      message: 'y'.repeat(2000),
    });
    expect(ok.statusCode).toBe(200);
  });

  it('lets applicants withdraw their own pending applications', async () => {
    const fx = await fixture();
    const id = await apply(fx);
    const client = await signIn(t.app, fx.applicant);
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    expect((await stranger.delete(`/api/me/applications/${id}`)).statusCode).toBe(404);
    expect((await freshClient(t.app).delete(`/api/me/applications/${id}`)).statusCode).toBe(401);

    expect((await client.delete(`/api/me/applications/${id}`)).statusCode).toBe(200);
    const twice = await client.delete(`/api/me/applications/${id}`);
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('APPLICATION_DECIDED');
    expect((await client.get('/api/me/applications')).json().applications[0].status).toBe('withdrawn');
    const staff = await signIn(t.app, fx.metaMentor);
    expect((await staff.get(fx.url)).json().applications).toEqual([]);
    const decide = await staff.post(`${fx.url}/${id}/decision`, { decision: 'approve' });
    expect(errorCode(decide)).toBe('APPLICATION_DECIDED');
    expect(await apply(fx)).not.toBe(id);
  });
});
