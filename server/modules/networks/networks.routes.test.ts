import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser, mailsTo } from '../../test/factories.ts';

describe.each(DIALECTS)('organisations and networks on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function signedIn(overrides: Parameters<typeof buildUser>[1] = {}, locale?: string) {
    const user = await buildUser(t.ctx, overrides);
    return { user, client: await signIn(t.app, user, { locale }) };
  }

  const orgBody = {
    name: 'Willkommen in Musterstadt e.V.',
    kind: 'ngo',
    country: 'de',
    city: 'Musterstadt',
    languages: ['de', 'ar'],
    services: ['housing', 'language_learning'],
    website: 'https://welcome.example.org',
    contactEmail: 'Info@Welcome.example.org',
  };

  it('creates an organisation (creator becomes admin), edits it, adds staff, and lets platform admins verify it', async () => {
    const { client } = await signedIn();
    const created = await client.post('/api/organisations', orgBody);
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({
      slug: 'willkommen-in-musterstadt-e-v',
      country: 'DE',
      contactEmail: 'info@welcome.example.org',
      verified: false,
      isAdmin: true,
    });
    expect(errorCode(await client.post('/api/organisations', orgBody))).toBe('SLUG_TAKEN');

    const edited = await client.patch(`/api/organisations/${org.slug}`, { city: 'Beispielburg' });
    expect(edited.json().city).toBe('Beispielburg');

    const { user: staff, client: staffClient } = await signedIn();
    expect((await staffClient.patch(`/api/organisations/${org.slug}`, { city: 'X' })).statusCode).toBe(403);
    expect(
      errorCode(await client.post(`/api/organisations/${org.slug}/admins`, { email: 'nobody@example.org' })),
    ).toBe('USER_NOT_FOUND');
    expect(
      (await client.post(`/api/organisations/${org.slug}/admins`, { email: staff.email })).statusCode,
    ).toBe(200);
    expect((await staffClient.patch(`/api/organisations/${org.slug}`, { city: 'Y' })).statusCode).toBe(200);
    const admins = (await client.get(`/api/organisations/${org.slug}/admins`)).json().admins;
    expect(admins).toHaveLength(2);

    expect(
      (await client.post(`/api/organisations/${org.slug}/verification`, { verified: true })).statusCode,
    ).toBe(403);
    const { client: platform } = await signedIn({ isPlatformAdmin: 1 });
    const verified = await platform.post(`/api/organisations/${org.slug}/verification`, { verified: true });
    expect(verified.json().verified).toBe(true);
    const visitor = new TestClient(t.app);
    expect((await visitor.get(`/api/organisations/${org.slug}`)).json()).toMatchObject({
      verified: true,
      isAdmin: false,
    });
  });

  it('validates organisation input', async () => {
    const { client } = await signedIn();
    const res = await client.post('/api/organisations', {
      ...orgBody,
      country: 'Germany',
      languages: ['xx'],
      kind: 'club',
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as { path: string[] }[]).map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['country', 'languages.0', 'kind']));
  });

  it('lets an organisation admin found a network with the default agreement in its first language', async () => {
    const { user, client } = await signedIn();
    const org = await buildOrganisation(t.ctx, { adminId: user.id });
    const res = await client.post(`/api/organisations/${org.slug}/networks`, {
      name: 'Mentoring Musterstadt',
      description: 'Ehrenamtliche begleiten Neuangekommene.',
      region: 'Musterstadt',
      languages: ['de', 'en'],
      visibility: 'public',
    });
    expect(res.statusCode).toBe(201);
    const network = res.json();
    expect(network).toMatchObject({ slug: 'mentoring-musterstadt', memberCount: 0, metaMentors: [] });
    expect(network.organisations).toEqual([expect.objectContaining({ slug: org.slug, founding: true })]);
    expect(network.viewer).toMatchObject({ role: null, orgAdmin: true });
    expect(network.viewer.permissions).toContain('network.edit');

    const docs = (await client.get('/api/networks/mentoring-musterstadt/documents')).json();
    expect(docs.documents.map((d: { kind: string; version: number }) => `${d.kind}@${d.version}`)).toEqual([
      'agreement@1',
      'rules@1',
    ]);
    expect(docs.documents[0].title).toBe('Vereinbarung des Netzwerks Mentoring Musterstadt');
    expect(docs.documents[0].body).toContain('Vertraulichkeit');

    const { client: stranger } = await signedIn();
    const denied = await stranger.post(`/api/organisations/${org.slug}/networks`, {
      name: 'Nope',
      languages: ['en'],
    });
    expect(denied.statusCode).toBe(403);
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('network.founded');
  });

  it("lists an organisation's networks as far as the caller may see them", async () => {
    const { user, client } = await signedIn();
    const org = await buildOrganisation(t.ctx, { adminId: user.id });
    const pub = await buildNetwork(t.ctx, {
      organisationId: org.id,
      visibility: 'public',
      name: 'A public one',
    });
    const priv = await buildNetwork(t.ctx, {
      organisationId: org.id,
      visibility: 'private',
      name: 'B private one',
    });
    const mine = (await client.get(`/api/organisations/${org.slug}/networks`)).json().networks;
    expect(mine.map((n: { slug: string }) => n.slug)).toEqual([pub.slug, priv.slug]);
    const visitor = (await new TestClient(t.app).get(`/api/organisations/${org.slug}/networks`)).json()
      .networks;
    expect(visitor.map((n: { slug: string }) => n.slug)).toEqual([pub.slug]);
  });

  it('hides private networks from non-members (404) and shows public ones to visitors', async () => {
    const priv = await buildNetwork(t.ctx, { visibility: 'private' });
    const pub = await buildNetwork(t.ctx, { visibility: 'public' });
    const visitor = new TestClient(t.app);
    const { client: stranger } = await signedIn();
    expect((await visitor.get(`/api/networks/${priv.slug}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/networks/${priv.slug}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/networks/${priv.slug}/documents`)).statusCode).toBe(404);
    expect((await visitor.get(`/api/networks/${pub.slug}`)).statusCode).toBe(200);
    expect((await visitor.get('/api/networks/does-not-exist')).statusCode).toBe(404);
    const list = (await visitor.get('/api/networks?limit=100')).json();
    const slugs = list.networks.map((n: { slug: string }) => n.slug);
    expect(slugs).toContain(pub.slug);
    expect(slugs).not.toContain(priv.slug);
  });

  it('enforces the agreement: until a member accepts the current versions, only the documents open', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const fresh = await buildMember(t.ctx, network, {
      role: 'mentor',
      accepted: false,
      user: await buildUser(t.ctx, { locale: 'de' }),
    });
    const client = await signIn(t.app, fresh);

    const members = await client.get(`/api/networks/${network.slug}/members`);
    expect(members.statusCode).toBe(403);
    expect(members.json().error).toMatchObject({ code: 'AGREEMENT_REQUIRED' });
    expect(members.json().error.message).toContain('Vereinbarung');
    expect((await client.get(`/api/networks/${network.slug}`)).json().viewer).toMatchObject({
      role: 'mentor',
      acceptedCurrent: false,
      // Public events are open to anyone, member or not.
      permissions: [
        'network.view',
        'membership.leave',
        'documents.view',
        'documents.accept',
        'office.view',
        'events.public',
      ],
    });

    const docs = (await client.get(`/api/networks/${network.slug}/documents`)).json();
    expect(docs.acceptedCurrent).toBe(false);
    expect(
      errorCode(
        await client.post(`/api/networks/${network.slug}/documents/accept`, {
          agreementVersion: 1,
          rulesVersion: 2,
        }),
      ),
    ).toBe('DOCUMENT_CHANGED');
    const accepted = await client.post(`/api/networks/${network.slug}/documents/accept`, {
      agreementVersion: 1,
      rulesVersion: 1,
    });
    expect(accepted.statusCode).toBe(200);
    expect((await client.get(`/api/networks/${network.slug}/members`)).statusCode).toBe(200);

    // A new version of the rules: everyone but its publisher must accept again.
    const metaClient = await signIn(t.app, meta);
    const published = await metaClient.post(`/api/networks/${network.slug}/documents/rules`, {
      title: 'Communication rules v2',
      body: 'We answer within two days. Be kind. Never share details about mentees.',
    });
    expect(published.json()).toEqual({ version: 2 });
    expect(errorCode(await client.get(`/api/networks/${network.slug}/members`))).toBe('AGREEMENT_REQUIRED');
    expect((await metaClient.get(`/api/networks/${network.slug}/members`)).statusCode).toBe(200);

    const report = (await metaClient.get(`/api/networks/${network.slug}/documents/acceptances`)).json();
    expect(report.current).toEqual({ agreement: 1, rules: 2 });
    const row = report.members.find((m: { userId: string }) => m.userId === fresh.id);
    expect(row.acceptedCurrent).toBe(false);
    expect(row.acceptances).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'agreement', version: 1 }),
        expect.objectContaining({ kind: 'rules', version: 1 }),
      ]),
    );
    expect((await client.get(`/api/networks/${network.slug}/documents/acceptances`)).statusCode).toBe(403);
    const versions = (await client.get(`/api/networks/${network.slug}/documents/rules/versions`)).json()
      .versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(
      (
        await client.post(`/api/networks/${network.slug}/documents/rules`, {
          title: 'Mine',
          body: 'x'.repeat(30),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('sets up the network office and shows its staff', async () => {
    const network = await buildNetwork(t.ctx);
    await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const office = await buildMember(t.ctx, network, { role: 'office' });
    const mentor = await buildMember(t.ctx, network, { role: 'mentor' });
    const client = await signIn(t.app, office);
    const bad = await client.request('PUT', `/api/networks/${network.slug}/office`, {
      contactEmail: null,
      contactPhone: null,
      address: null,
      onlineOnly: false,
      officeHours: '',
    });
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: ['address'] })]);
    const saved = await client.request('PUT', `/api/networks/${network.slug}/office`, {
      contactEmail: 'office@network.example.org',
      contactPhone: '+49 000 000000',
      address: 'Beispielstraße 1, Musterstadt',
      onlineOnly: false,
      officeHours: 'Tue and Thu 10–13',
    });
    const meta = await t.ctx.database.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select(['u.id', 'u.displayName'])
      .where('m.networkId', '=', network.id)
      .where('m.role', '=', 'meta_mentor')
      .orderBy('m.joinedAt')
      .orderBy('m.id')
      .execute();
    expect(meta.length).toBeGreaterThan(0);
    expect(saved.json()).toMatchObject({ officeHours: 'Tue and Thu 10–13' });
    // Who staffs it, with their roles: the office members first, then the meta-mentors.
    expect(saved.json().staff).toEqual([
      { id: office.id, displayName: office.displayName, role: 'office' },
      ...meta.map((m) => ({ id: m.id, displayName: m.displayName, role: 'meta_mentor' })),
    ]);
    const visitor = new TestClient(t.app);
    expect((await visitor.get(`/api/networks/${network.slug}/office`)).json().contactEmail).toBe(
      'office@network.example.org',
    );
    const mentorClient = await signIn(t.app, mentor);
    expect(
      (await mentorClient.request('PUT', `/api/networks/${network.slug}/office`, saved.json())).statusCode,
    ).toBe(400);
  });

  it('keeps at least one meta-mentor; leaving, removal and role changes go to the audit log', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const mentor = await buildMember(t.ctx, network, { role: 'mentor', level: 'beginner' });
    const leaver = await buildMember(t.ctx, network, { role: 'mentor' });
    const metaClient = await signIn(t.app, meta);

    expect(errorCode(await metaClient.post(`/api/networks/${network.slug}/leave`))).toBe('LAST_META_MENTOR');
    expect(
      errorCode(
        await metaClient.patch(`/api/networks/${network.slug}/members/${meta.id}`, { role: 'mentor' }),
      ),
    ).toBe('LAST_META_MENTOR');

    expect(
      (await metaClient.patch(`/api/networks/${network.slug}/members/${mentor.id}`, { level: 'experienced' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await metaClient.patch(`/api/networks/${network.slug}/members/${mentor.id}`, { role: 'meta_mentor' }))
        .statusCode,
    ).toBe(200);
    // Now there are two: the first may step down.
    expect(
      (await metaClient.patch(`/api/networks/${network.slug}/members/${meta.id}`, { role: 'mentor' }))
        .statusCode,
    ).toBe(200);

    const mentorClient = await signIn(t.app, mentor);
    const noReason = await mentorClient.post(`/api/networks/${network.slug}/members/${meta.id}/remove`, {
      reason: '',
    });
    expect(errorCode(noReason)).toBe('VALIDATION_FAILED');
    expect(
      (
        await mentorClient.post(`/api/networks/${network.slug}/members/${meta.id}/remove`, {
          reason: 'Moved away, asked to be removed',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      errorCode(
        await mentorClient.post(`/api/networks/${network.slug}/members/${meta.id}/remove`, {
          reason: 'again please',
        }),
      ),
    ).toBe('NOT_A_MEMBER');
    expect(errorCode(await mentorClient.post(`/api/networks/${network.slug}/leave`))).toBe(
      'LAST_META_MENTOR',
    );

    const leaverClient = await signIn(t.app, leaver);
    expect((await leaverClient.post(`/api/networks/${network.slug}/leave`)).statusCode).toBe(200);
    expect((await leaverClient.get(`/api/networks/${network.slug}/members`)).statusCode).toBe(403);
    expect((await leaverClient.get(`/api/networks/${network.slug}/audit`)).statusCode).toBe(403);

    const audit = (await mentorClient.get(`/api/networks/${network.slug}/audit?limit=50`)).json();
    const actions = audit.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['member.joined', 'member.role_changed', 'member.removed', 'member.left']),
    );
    const removal = audit.entries.find((e: { action: string }) => e.action === 'member.removed');
    expect(removal).toMatchObject({
      subject: { id: meta.id },
      actor: { id: mentor.id },
      details: { reason: 'Moved away, asked to be removed' },
    });

    const page1 = (await mentorClient.get(`/api/networks/${network.slug}/audit?limit=3`)).json();
    const page2 = (
      await mentorClient.get(`/api/networks/${network.slug}/audit?limit=3&cursor=${page1.nextCursor}`)
    ).json();
    const ids = [...page1.entries, ...page2.entries].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(errorCode(await mentorClient.get(`/api/networks/${network.slug}/audit?cursor=garbage`))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('pages through members without duplicates and filters by role', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    for (let i = 0; i < 6; i++) await buildMember(t.ctx, network);
    const client = await signIn(t.app, meta);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/networks/${network.slug}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await client.get(url)).json();
      seen.push(...page.members.map((m: { userId: string }) => m.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const metas = (await client.get(`/api/networks/${network.slug}/members?role=meta_mentor`)).json().members;
    expect(metas).toEqual([expect.objectContaining({ userId: meta.id, acceptedCurrent: true })]);
  });

  it('adds member organisations and names meta-mentors from existing accounts', async () => {
    const { user: founder, client } = await signedIn();
    const org = await buildOrganisation(t.ctx, { adminId: founder.id });
    const network = await buildNetwork(t.ctx, { organisationId: org.id });
    const partner = await buildOrganisation(t.ctx);
    expect(
      (await client.post(`/api/networks/${network.slug}/organisations`, { organisationSlug: partner.slug }))
        .statusCode,
    ).toBe(200);
    const page = (await client.get(`/api/networks/${network.slug}`)).json();
    expect(page.organisations.map((o: { slug: string; founding: boolean }) => [o.slug, o.founding])).toEqual([
      [org.slug, true],
      [partner.slug, false],
    ]);
    expect((await client.delete(`/api/networks/${network.slug}/organisations/${org.slug}`)).statusCode).toBe(
      403,
    );
    expect(
      (await client.delete(`/api/networks/${network.slug}/organisations/${partner.slug}`)).statusCode,
    ).toBe(200);

    const candidate = await buildUser(t.ctx);
    const appointed = await client.post(`/api/networks/${network.slug}/meta-mentors`, {
      email: candidate.email,
    });
    expect(appointed.json()).toEqual({ status: 'appointed' });
    expect(
      errorCode(await client.post(`/api/networks/${network.slug}/meta-mentors`, { email: candidate.email })),
    ).toBe('ALREADY_MEMBER');
    const after = (await client.get(`/api/networks/${network.slug}`)).json();
    expect(after.metaMentors).toEqual([{ id: candidate.id, displayName: candidate.displayName }]);

    // An unknown address gets an e-mail invitation with the meta-mentor role.
    const invited = await client.post(`/api/networks/${network.slug}/meta-mentors`, {
      email: 'new.coordinator@example.org',
    });
    expect(invited.json()).toEqual({ status: 'invited' });
    const [mail] = await mailsTo(t.ctx, 'new.coordinator@example.org');
    expect(mail?.text).toContain('/invitations/');
    const invitation = await t.ctx.database.db
      .selectFrom('invitations')
      .select(['role', 'kind'])
      .where('email', '=', 'new.coordinator@example.org')
      .executeTakeFirst();
    expect(invitation).toEqual({ role: 'meta_mentor', kind: 'email' });
  });
});
