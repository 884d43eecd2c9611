import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import {
  buildMember,
  buildNetwork,
  buildOrganisation,
  buildUser,
  mailsTo,
  tokenFrom,
} from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';

const APPLICATION = {
  motivation: 'I have supported newcomers with paperwork for years and want to share it.',
  experience: 'Five years as a volunteer mentor in a refugee counselling centre.',
  languages: ['uk', 'pl'],
};
const account = (email: string) => ({
  email,
  password: 'amber-kite-meadow-42',
  displayName: 'Olena Visitor',
  locale: 'uk',
});

describe.each(DIALECTS)('applying with a new account on %s', (dialect) => {
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
      name: 'Riverside Mentors',
      ...overrides,
    });
    const metaMentor = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    return { network, metaMentor, url: `/api/networks/${network.slug}/applications/with-account` };
  }
  const pendingOf = (networkId: string) =>
    t.ctx.database.db
      .selectFrom('applications')
      .selectAll()
      .where('networkId', '=', networkId)
      .where('status', '=', 'pending')
      .execute();

  it('creates the account, and the application reaches the staff only once the address is confirmed', async () => {
    const fx = await fixture();
    const visitor = freshClient(t.app);
    const res = await visitor.post(fx.url, {
      ...account('olena@example.org'),
      ...APPLICATION,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });
    expect(await pendingOf(fx.network.id)).toEqual([]);
    const staffBefore = await (await signIn(t.app, fx.metaMentor)).get(
      `/api/networks/${fx.network.slug}/applications`,
    );
    expect(staffBefore.json().applications).toEqual([]);

    const [mail] = await mailsTo(t.ctx, 'olena@example.org');
    const verify = await visitor.post('/api/auth/verify-email', { token: tokenFrom(mail) });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toEqual({
      ok: true,
      application: { network: { slug: fx.network.slug, name: 'Riverside Mentors' } },
    });
    const pending = await pendingOf(fx.network.id);
    expect(pending).toHaveLength(1);
    expect(JSON.parse(pending[0]?.languages ?? '[]')).toEqual(['uk', 'pl']);

    // The staff see it and are told, as with any application.
    const staff = await signIn(t.app, fx.metaMentor);
    const list = await staff.get(`/api/networks/${fx.network.slug}/applications`);
    expect(list.json().applications).toHaveLength(1);
    expect(list.json().applications[0].applicant.displayName).toBe('Olena Visitor');
    const notes = await staff.get('/api/notifications');
    expect(JSON.stringify(notes.json())).toContain('application_received');

    // The applicant signs in and finds it pending.
    const me = await signIn(t.app, { email: 'olena@example.org', password: 'amber-kite-meadow-42' });
    const mine = await me.get('/api/me/applications');
    expect(mine.json().applications).toMatchObject([
      { network: { slug: fx.network.slug }, status: 'pending' },
    ]);
  });

  it('sends nothing for a known address, and says the same as for a new one', async () => {
    const fx = await fixture();
    const known = await buildUser(t.ctx, { email: 'known@example.org' });
    const res = await freshClient(t.app).post(fx.url, {
      ...account(known.email),
      ...APPLICATION,
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });
    expect(await pendingOf(fx.network.id)).toEqual([]);
    const draft = await t.ctx.database.db
      .selectFrom('applicationDrafts')
      .selectAll()
      .where('userId', '=', known.id)
      .execute();
    expect(draft).toEqual([]);
  });

  it('refuses networks that take no applications, and bad input without creating an account', async () => {
    const hidden = await fixture({ visibility: 'unlisted' });
    const visitor = freshClient(t.app);
    const unlisted = await visitor.post(hidden.url, {
      ...account('una@example.org'),
      ...APPLICATION,
    });
    expect(unlisted.statusCode).toBe(404);
    expect(errorCode(unlisted)).toBe('NOT_FOUND');
    const missing = await visitor.post('/api/networks/no-such-network/applications/with-account', {
      ...account('una@example.org'),
      ...APPLICATION,
    });
    expect(missing.statusCode).toBe(404);

    const open = await fixture();
    const short = await visitor.post(open.url, {
      ...account('una@example.org'),
      ...APPLICATION,
      motivation: 'too short',
    });
    expect(short.statusCode).toBe(400);
    expect(errorCode(short)).toBe('VALIDATION_FAILED');
    const users = await t.ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'una@example.org')
      .execute();
    expect(users).toEqual([]);
  });

  it('drops the waiting application when the network stopped taking applications before the confirmation', async () => {
    const fx = await fixture();
    const visitor = freshClient(t.app);
    await visitor.post(fx.url, { ...account('late@example.org'), ...APPLICATION });
    await t.ctx.database.db
      .updateTable('networks')
      .set({ visibility: 'private' })
      .where('id', '=', fx.network.id)
      .execute();
    const [mail] = await mailsTo(t.ctx, 'late@example.org');
    const verify = await visitor.post('/api/auth/verify-email', { token: tokenFrom(mail) });
    expect(verify.json()).toEqual({ ok: true });
    expect(await pendingOf(fx.network.id)).toEqual([]);
  });
});
