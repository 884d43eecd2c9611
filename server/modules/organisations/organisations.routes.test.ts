import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { buildOrganisation, buildUser } from '../../test/factories.ts';

describe.each(DIALECTS)('organisation routes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Every route that declares an organisation action, for one organisation slug. */
  const actionRoutes = (slug: string, adminId = 'no-such-user') =>
    [
      ['PATCH', `/api/organisations/${slug}`, { city: 'Beispielburg' }],
      ['GET', `/api/organisations/${slug}/admins`, undefined],
      ['POST', `/api/organisations/${slug}/admins`, { email: 'someone@example.org' }],
      ['DELETE', `/api/organisations/${slug}/admins/${adminId}`, undefined],
      ['POST', `/api/organisations/${slug}/verification`, { verified: true }],
      ['POST', `/api/organisations/${slug}/networks`, { name: 'A network', languages: ['en'] }],
    ] as const;

  it('answers 401 to visitors before looking the organisation up, then 404, then 403', async () => {
    const admin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: admin.id });
    const visitor = new TestClient(t.app);
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    for (const [method, url, body] of actionRoutes('no-such-organisation')) {
      const res = await visitor.request(method, url, body);
      expect([method, url, res.statusCode, errorCode(res)]).toEqual([method, url, 401, 'UNAUTHENTICATED']);
      const signedIn = await stranger.request(method, url, body);
      expect([method, url, signedIn.statusCode]).toEqual([method, url, 404]);
    }
    for (const [method, url, body] of actionRoutes(org.slug, admin.id)) {
      expect([method, url, (await visitor.request(method, url, body)).statusCode]).toEqual([
        method,
        url,
        401,
      ]);
      expect([method, url, (await stranger.request(method, url, body)).statusCode]).toEqual([
        method,
        url,
        403,
      ]);
    }
  });

  it('validates the request before authorizing it', async () => {
    const visitor = new TestClient(t.app);
    const res = await visitor.patch('/api/organisations/no-such-organisation', { city: 42 });
    expect(res.statusCode).toBe(400);
    const verify = await visitor.post('/api/organisations/no-such-organisation/verification', {});
    expect(verify.statusCode).toBe(400);
  });

  it('shows an organisation to anyone, and whether the caller administers it', async () => {
    const admin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: admin.id, name: 'Open Doors (fictional)' });
    const visitor = new TestClient(t.app);
    expect((await visitor.get('/api/organisations/no-such-organisation')).statusCode).toBe(404);
    expect((await visitor.get(`/api/organisations/${org.slug}`)).json()).toMatchObject({
      slug: org.slug,
      name: 'Open Doors (fictional)',
      languages: ['de', 'en'],
      services: ['housing'],
      verified: false,
      isAdmin: false,
    });
    const client = await signIn(t.app, admin);
    expect((await client.get(`/api/organisations/${org.slug}`)).json()).toMatchObject({ isAdmin: true });
  });

  it('lists the organisations you administer, by name', async () => {
    const admin = await buildUser(t.ctx);
    await buildOrganisation(t.ctx, { adminId: admin.id, name: 'Zeta Aid (fictional)' });
    await buildOrganisation(t.ctx, { adminId: admin.id, name: 'Alpha Aid (fictional)' });
    await buildOrganisation(t.ctx, { name: 'Not mine (fictional)' });
    expect((await new TestClient(t.app).get('/api/me/organisations')).statusCode).toBe(401);
    const client = await signIn(t.app, admin);
    const list = (await client.get('/api/me/organisations')).json().organisations;
    expect(list.map((o: { name: string; isAdmin: boolean }) => [o.name, o.isAdmin])).toEqual([
      ['Alpha Aid (fictional)', true],
      ['Zeta Aid (fictional)', true],
    ]);
  });

  it('keeps at least one admin and records who changed the admins', async () => {
    const admin = await buildUser(t.ctx);
    const staff = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: admin.id });
    const client = await signIn(t.app, admin);
    const last = await client.delete(`/api/organisations/${org.slug}/admins/${admin.id}`);
    expect(last.statusCode).toBe(403);
    expect(last.json().error.details).toMatchObject({ reason: 'last_admin' });
    expect((await client.delete(`/api/organisations/${org.slug}/admins/${staff.id}`)).statusCode).toBe(404);

    expect(
      (await client.post(`/api/organisations/${org.slug}/admins`, { email: staff.email })).statusCode,
    ).toBe(200);
    const admins = (await client.get(`/api/organisations/${org.slug}/admins`)).json().admins;
    expect(admins.map((a: { id: string }) => a.id)).toEqual([admin.id, staff.id]);
    expect(admins[1]).toEqual({ id: staff.id, displayName: staff.displayName, email: staff.email });

    expect((await client.delete(`/api/organisations/${org.slug}/admins/${admin.id}`)).statusCode).toBe(200);
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'subjectUserId'])
      .where('organisationId', '=', org.id)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'organisation.admin_added', subjectUserId: staff.id },
        { action: 'organisation.admin_removed', subjectUserId: admin.id },
      ]),
    );
  });

  it('creates an organisation with its first admin and an audit entry, all or nothing', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const body = {
      name: 'Harbour Welcome (fictional)',
      kind: 'ngo',
      country: 'de',
      city: 'Musterstadt',
      languages: ['de'],
      services: ['housing'],
    };
    const created = await client.post('/api/organisations', body);
    expect(created.statusCode).toBe(201);
    const org = created.json();
    const taken = await client.post('/api/organisations', body);
    expect(errorCode(taken)).toBe('SLUG_TAKEN');
    // Only countries of ISO 3166-1: a withdrawn code (the Soviet Union) or a made-up one is refused.
    for (const country of ['SU', 'XX', 'UK']) {
      const refused = await client.post('/api/organisations', {
        ...body,
        name: 'Another (fictional)',
        country,
      });
      expect(refused.statusCode).toBe(400);
    }
    const rows = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('organisationId', '=', org.id)
      .execute();
    expect(rows).toEqual([{ action: 'organisation.created' }]);
    const admins = (await client.get(`/api/organisations/${org.slug}/admins`)).json().admins;
    expect(admins.map((a: { id: string }) => a.id)).toEqual([user.id]);
  });
});
