import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { invitationTokenFrom } from '../../test/invitations.ts';

const SETUP_TOKEN = 'setup-token-for-tests-0123456789';

/** The versions each person accepted, as [email, kind, version], by address then kind. */
async function acceptancesOf(t: TestApp, emails: string[]) {
  const rows = await t.ctx.database.db
    .selectFrom('legalAcceptances')
    .innerJoin('users', 'users.id', 'legalAcceptances.userId')
    .select(['users.email', 'legalAcceptances.kind', 'legalAcceptances.version'])
    .where('users.email', 'in', emails)
    .orderBy('users.email')
    .orderBy('legalAcceptances.kind')
    .execute();
  return rows.map((r) => [r.email, r.kind, Number(r.version)]);
}

/**
 * Accounts made another way than signing up — by accepting an invitation, or as the first admin —
 * accept the published privacy notice and terms of use the same way: the versions shown are
 * recorded, an old or missing version is refused as DOCUMENT_CHANGED.
 */
describe.each(DIALECTS)('consent when an invitation creates the account on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('records the versions accepted with the new account and refuses an old or missing one', async () => {
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    await admin.post('/api/admin/legal/privacy', { body: '# Privacy notice' });
    await admin.post('/api/admin/legal/privacy', { body: '# Privacy notice, second version' });
    await admin.post('/api/admin/legal/terms', { body: '# Terms of use' });
    const current = (await freshClient(t.app).get('/api/legal')).json();
    const accepted = { privacy: current.privacy.version, terms: current.terms.version };
    expect(accepted).toEqual({ privacy: 2, terms: 1 });

    const network = await buildNetwork(t.ctx);
    const staff = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const invite = async (body: Record<string, unknown>) => {
      const res = await staff.post(`/api/networks/${network.slug}/invitations`, { role: 'mentor', ...body });
      expect(res.statusCode, res.body).toBe(201);
      return invitationTokenFrom(res.json().url);
    };
    const link = await invite({ kind: 'link' });
    const accept = (email: string, acceptedLegal?: unknown) =>
      freshClient(t.app).post(`/api/invitations/${link}/accept`, {
        displayName: 'Noor Newcomer',
        password: 'amber-kite-meadow-42',
        locale: 'ar',
        email,
        ...(acceptedLegal !== undefined && { acceptedLegal }),
      });

    const missing = await accept('no-consent@example.org');
    expect([missing.statusCode, errorCode(missing)]).toEqual([409, 'DOCUMENT_CHANGED']);
    const stale = await accept('stale@example.org', { ...accepted, privacy: 1 });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'DOCUMENT_CHANGED']);
    const partly = await accept('partly@example.org', { privacy: accepted.privacy });
    expect(errorCode(partly)).toBe('DOCUMENT_CHANGED');
    // Nothing was created by the refusals: the link is still open.
    const ok = await accept('consenting@example.org', accepted);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ accountCreated: true });

    // Someone signed in joins with the consent they gave before: nothing is asked again.
    const member = await buildUser(t.ctx);
    const memberClient = await signIn(t.app, member);
    const joined = await memberClient.post(`/api/invitations/${await invite({ kind: 'link' })}/accept`);
    expect(joined.statusCode, joined.body).toBe(200);

    expect(
      await acceptancesOf(t, [
        'consenting@example.org',
        'stale@example.org',
        'no-consent@example.org',
        'partly@example.org',
        member.email,
      ]),
    ).toEqual([
      ['consenting@example.org', 'privacy', 2],
      ['consenting@example.org', 'terms', 1],
    ]);
    const users = await t.ctx.database.db
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['stale@example.org', 'no-consent@example.org', 'partly@example.org'])
      .execute();
    expect(users).toEqual([]);
  });
});

describe.each(DIALECTS)('consent at first-run setup on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { setupToken: SETUP_TOKEN });
  });
  afterAll(() => t.close());

  const body = {
    token: SETUP_TOKEN,
    email: 'first@example.org',
    password: 'harbor-quartz-meadow',
    displayName: 'First Admin',
    locale: 'en',
  };

  it('asks for no consent while nothing is published', async () => {
    expect((await freshClient(t.app).get('/api/legal')).json()).toEqual({ privacy: null, terms: null });
    const wrong = await new TestClient(t.app).post('/api/setup', { ...body, acceptedLegal: { privacy: 1 } });
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([409, 'DOCUMENT_CHANGED']);
  });

  it('records the accepted versions of texts already in the database (a restored platform) and refuses others', async () => {
    // Texts carried over from an earlier installation: the first admin accepts them like anyone.
    await t.ctx.database.db
      .insertInto('legalVersions')
      .values({
        id: 'legal-carried-over',
        kind: 'privacy',
        version: 3,
        body: '# Privacy notice',
        summary: '',
        publishedBy: null,
        publishedAt: new Date().toISOString(),
      })
      .execute();
    const missing = await new TestClient(t.app).post('/api/setup', body);
    expect([missing.statusCode, errorCode(missing)]).toEqual([409, 'DOCUMENT_CHANGED']);
    const stale = await new TestClient(t.app).post('/api/setup', { ...body, acceptedLegal: { privacy: 2 } });
    expect(errorCode(stale)).toBe('DOCUMENT_CHANGED');
    expect((await new TestClient(t.app).get('/api/setup/status')).json()).toEqual({ needsSetup: true });

    const ok = await new TestClient(t.app).post('/api/setup', { ...body, acceptedLegal: { privacy: 3 } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await acceptancesOf(t, ['first@example.org'])).toEqual([['first@example.org', 'privacy', 3]]);
  });
});
