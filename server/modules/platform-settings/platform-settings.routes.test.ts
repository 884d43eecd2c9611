import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../../common/i18n/de.json';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';

const SETTINGS = '/api/admin/settings/security';

/** The code an authenticator app shows for the secret, `steps` 30-second steps from now. */
function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** Sets up TOTP for the signed-in client as a person would: start, then the first code. */
async function setUpTotp(client: TestClient) {
  const start = await client.post('/api/me/two-factor/totp');
  expect(start.statusCode, start.body).toBe(200);
  const { secret } = start.json() as { secret: string };
  const confirm = await client.post('/api/me/two-factor/totp/confirm', { code: totpCode(secret, -1) });
  expect(confirm.statusCode, confirm.body).toBe(200);
}

describe.each(DIALECTS)('requiring a second factor on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let slug: string;
  const requireSecondFactor = (value: boolean) =>
    admin.request('PUT', SETTINGS, { requireSecondFactor: value });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    // The admin sets up a second factor first, so turning the rule on never locks them out.
    await setUpTotp(admin);
    slug = (await buildNetwork(t.ctx)).slug;
  });
  afterAll(() => t.close());

  it('is off by default; a platform admin turns it on and off, each change in the audit log', async () => {
    expect((await admin.get(SETTINGS)).json()).toEqual({ requireSecondFactor: false });
    const on = await requireSecondFactor(true);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ requireSecondFactor: true });
    expect((await admin.get(SETTINGS)).json()).toEqual({ requireSecondFactor: true });
    expect((await requireSecondFactor(false)).json()).toEqual({ requireSecondFactor: false });
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('action', 'like', 'platform.second_factor_%')
      .orderBy('createdAt')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'platform.second_factor_required',
      'platform.second_factor_optional',
    ]);
  });

  it('refuses bad input with VALIDATION_FAILED', async () => {
    const res = await admin.request('PUT', SETTINGS, { requireSecondFactor: 'yes' });
    expect([res.statusCode, errorCode(res)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('keeps a meta-mentor without TOTP out until they set it up; a plain mentor is unaffected', async () => {
    const network = await buildNetwork(t.ctx);
    // A German account: the refusal comes in its language.
    const metaUser = await buildUser(t.ctx, { locale: 'de' });
    const meta = await signIn(
      t.app,
      await buildMember(t.ctx, network, { role: 'meta_mentor', user: metaUser }),
    );
    const mentor = await signIn(t.app, await buildMember(t.ctx, network, { role: 'mentor' }));
    const networkUrl = `/api/networks/${network.slug}`;
    expect((await meta.get(networkUrl)).statusCode).toBe(200);
    await requireSecondFactor(true);

    const refused = await meta.get(networkUrl);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'SECOND_FACTOR_REQUIRED']);
    expect((refused.json() as { error: { message: string } }).error.message).toBe(
      de.errors.SECOND_FACTOR_REQUIRED,
    );
    expect(errorCode(await meta.get('/api/notifications'))).toBe('SECOND_FACTOR_REQUIRED');
    // What they need to set it up stays open.
    expect((await meta.get('/api/me')).statusCode).toBe(200);
    expect((await meta.get('/api/session')).json()).toMatchObject({ secondFactorRequired: true });
    expect((await mentor.get('/api/session')).json()).toMatchObject({ secondFactorRequired: false });
    expect((await meta.get('/api/me/two-factor')).statusCode).toBe(200);
    expect((await meta.get('/api/legal')).statusCode).toBe(200);

    expect((await mentor.get(networkUrl)).statusCode).toBe(200);

    await setUpTotp(meta);
    expect((await meta.get(networkUrl)).statusCode).toBe(200);
    expect((await meta.get('/api/session')).json()).toMatchObject({ secondFactorRequired: false });
    await requireSecondFactor(false);
  });

  it('covers organisation admins and platform admins; turning it off frees them', async () => {
    const orgAdminUser = await buildUser(t.ctx);
    await buildOrganisation(t.ctx, { adminId: orgAdminUser.id });
    const orgAdmin = await signIn(t.app, orgAdminUser);
    const otherAdmin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    await requireSecondFactor(true);

    expect(errorCode(await orgAdmin.get(`/api/networks/${slug}`))).toBe('SECOND_FACTOR_REQUIRED');
    expect(errorCode(await otherAdmin.get(SETTINGS))).toBe('SECOND_FACTOR_REQUIRED');
    // Signing out is among what stays open.
    expect((await otherAdmin.post('/api/auth/logout')).statusCode).toBeLessThan(300);

    await requireSecondFactor(false);
    expect((await orgAdmin.get(`/api/networks/${slug}`)).statusCode).toBe(200);
  });
});
