import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileVisibilityCode } from '../../../common/contracts/profiles.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { makeImage, uploadAvatar } from '../../test/profiles.ts';

const fullProfile = {
  languages: ['ar', 'de', 'ar'],
  expertise: ['work', 'housing'],
  region: 'Musterstadt Nord',
  availability: 'Tuesday evenings',
  experienceLevel: 'experienced',
  bio: 'Retired teacher; I help with school enrolment and flat hunting.',
  visibility: 'platform',
};

describe.each(DIALECTS)('profiles on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const put = (client: TestClient, body: unknown) => client.request('PUT', '/api/me/profile', body);

  it('reads a never-saved profile as the defaults and refuses signed-out visitors', async () => {
    const user = await buildUser(t.ctx, { displayName: 'Ada Mentor' });
    const client = await signIn(t.app, user);
    const res = await client.get('/api/me/profile');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: user.id,
      displayName: 'Ada Mentor',
      languages: [],
      leaveUntil: null,
      expertise: [],
      region: '',
      availability: '',
      experienceLevel: null,
      bio: '',
      lookingForBuddy: false,
      openToBuddy: false,
      hasAvatar: false,
      avatarUrl: null,
      visibility: 'network',
    });
    const anonymous = new TestClient(t.app);
    expect(errorCode(await anonymous.get('/api/me/profile'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await anonymous.request('PUT', '/api/me/profile', fullProfile))).toBe('UNAUTHENTICATED');
  });

  it('saves and replaces the whole profile (languages deduplicated, expertise in list order)', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const saved = await put(client, fullProfile);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      languages: ['ar', 'de'],
      expertise: ['housing', 'work'],
      region: 'Musterstadt Nord',
      availability: 'Tuesday evenings',
      experienceLevel: 'experienced',
      visibility: 'platform',
    });
    expect((await client.get('/api/me/profile')).json()).toEqual(saved.json());

    const replaced = await put(client, {
      ...fullProfile,
      languages: ['uk'],
      expertise: [],
      experienceLevel: null,
      region: '  ',
      visibility: 'public',
    });
    expect(replaced.json()).toMatchObject({
      languages: ['uk'],
      expertise: [],
      experienceLevel: null,
      region: '',
      visibility: 'public',
    });
    const stored = await t.ctx.database.db
      .selectFrom('profileLanguages')
      .select('language')
      .where('userId', '=', user.id)
      .execute();
    expect(stored).toEqual([{ language: 'uk' }]);
  });

  it('rejects unknown languages, unknown expertise, overlong text, missing and unknown fields', async () => {
    const client = await signIn(t.app, await buildUser(t.ctx));
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ ...fullProfile, languages: ['de', 'xx'] }, ['languages', '1'], 'invalid_value'],
      [{ ...fullProfile, expertise: ['astrology'] }, ['expertise', '0'], 'invalid_value'],
      [{ ...fullProfile, bio: 'b'.repeat(2001) }, ['bio'], 'too_long'],
      [{ ...fullProfile, region: 'r'.repeat(121) }, ['region'], 'too_long'],
      [{ ...fullProfile, availability: 'a'.repeat(301) }, ['availability'], 'too_long'],
      [{ ...fullProfile, visibility: 'everyone' }, ['visibility'], 'invalid_value'],
      [{ ...fullProfile, experienceLevel: 'meta_mentor' }, ['experienceLevel'], 'invalid_value'],
      [{ ...fullProfile, avatarKey: '../../etc/passwd' }, ['avatarKey'], 'unknown_field'],
      [{ ...fullProfile, bio: undefined }, ['bio'], 'required'],
    ];
    for (const [body, path, code] of cases) {
      const res = await put(client, body);
      expect(res.statusCode, JSON.stringify(path)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toContainEqual(expect.objectContaining({ path, code }));
    }
    const tooMany = await put(client, {
      ...fullProfile,
      languages: [
        'de',
        'en',
        'fr',
        'it',
        'es',
        'pt',
        'nl',
        'pl',
        'cs',
        'sk',
        'hu',
        'ro',
        'bg',
        'el',
        'tr',
        'ar',
        'fa',
        'ps',
        'ku',
        'uk',
        'ru',
      ],
    });
    expect(tooMany.statusCode).toBe(400);
    expect((await client.get('/api/me/profile')).json().bio).toBe('');
  });

  it('refuses a profile change from another site (CSRF)', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const res = await client.request('PUT', '/api/me/profile', fullProfile, {
      origin: 'https://evil.example',
    });
    expect(errorCode(res)).toBe('CSRF_FAILED');
  });

  it('shows profiles and avatars by visibility: self, network members who accepted, platform, public, admins', async () => {
    const orgAdmin = await buildUser(t.ctx);
    const otherOrgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { visibility: 'public', organisationId: org.id });
    const elsewhere = await buildNetwork(t.ctx, {
      visibility: 'public',
      organisationId: (await buildOrganisation(t.ctx, { adminId: otherOrgAdmin.id })).id,
    });
    const owner = await buildMember(t.ctx, network);
    const ownerClient = await signIn(t.app, owner);
    expect((await uploadAvatar(ownerClient, await makeImage('png'))).statusCode).toBe(200);

    const colleague = await buildMember(t.ctx, network);
    const gated = await buildMember(t.ctx, network, { accepted: false });
    const former = await buildMember(t.ctx, network);
    await t.ctx.database.db
      .updateTable('memberships')
      .set({ status: 'left' })
      .where('userId', '=', former.id)
      .execute();
    const outsider = await buildMember(t.ctx, elsewhere);
    const stranger = await buildUser(t.ctx);
    const admin = await buildUser(t.ctx, { isPlatformAdmin: 1 });

    const viewers: Record<string, TestClient> = {
      self: ownerClient,
      colleague: await signIn(t.app, colleague),
      gated: await signIn(t.app, gated),
      former: await signIn(t.app, former),
      outsider: await signIn(t.app, outsider),
      stranger: await signIn(t.app, stranger),
      signedOut: new TestClient(t.app),
      platformAdmin: await signIn(t.app, admin),
      orgAdmin: await signIn(t.app, orgAdmin),
      otherOrgAdmin: await signIn(t.app, otherOrgAdmin),
    };
    const expected: Record<ProfileVisibilityCode, Record<string, 200 | 404>> = {
      public: {
        self: 200,
        colleague: 200,
        gated: 200,
        former: 200,
        outsider: 200,
        stranger: 200,
        signedOut: 200,
        platformAdmin: 200,
        orgAdmin: 200,
        otherOrgAdmin: 200,
      },
      platform: {
        self: 200,
        colleague: 200,
        gated: 200,
        former: 200,
        outsider: 200,
        stranger: 200,
        signedOut: 404,
        platformAdmin: 200,
        orgAdmin: 200,
        otherOrgAdmin: 200,
      },
      network: {
        self: 200,
        colleague: 200,
        gated: 404,
        former: 404,
        outsider: 404,
        stranger: 404,
        signedOut: 404,
        platformAdmin: 200,
        // Admins of the founding organisation see the directory, so they see its people.
        orgAdmin: 200,
        otherOrgAdmin: 404,
      },
    };

    for (const visibility of ['public', 'platform', 'network'] as const) {
      expect((await put(ownerClient, { ...fullProfile, visibility })).statusCode).toBe(200);
      for (const [who, client] of Object.entries(viewers)) {
        const want = expected[visibility][who];
        const profile = await client.get(`/api/users/${owner.id}/profile`);
        expect(profile.statusCode, `${visibility} profile for ${who}`).toBe(want);
        const avatar = await client.get(`/api/users/${owner.id}/avatar`);
        expect(avatar.statusCode, `${visibility} avatar for ${who}`).toBe(want);
        if (want === 200) {
          expect(profile.json()).toMatchObject({ id: owner.id, bio: fullProfile.bio, hasAvatar: true });
          expect('visibility' in profile.json()).toBe(who === 'self');
          expect(avatar.headers['content-type']).toBe('image/webp');
          expect(avatar.headers['cache-control']).toContain('private');
        } else {
          expect(errorCode(profile)).toBe('NOT_FOUND');
        }
      }
    }
  });

  it('keeps a gated viewer out even when the only shared network is one they have not accepted', async () => {
    const network = await buildNetwork(t.ctx);
    const owner = await buildMember(t.ctx, network);
    const ownerClient = await signIn(t.app, owner);
    await put(ownerClient, { ...fullProfile, visibility: 'network' });
    const gated = await signIn(t.app, await buildMember(t.ctx, network, { accepted: false }));
    expect((await gated.get(`/api/users/${owner.id}/profile`)).statusCode).toBe(404);
    // An owner who never saved a profile is network-visible by default.
    const quiet = await buildMember(t.ctx, network);
    expect((await ownerClient.get(`/api/users/${quiet.id}/profile`)).statusCode).toBe(200);
    expect((await new TestClient(t.app).get(`/api/users/${quiet.id}/profile`)).statusCode).toBe(404);
  });

  it('answers 404 for unknown users and for users without an avatar', async () => {
    const client = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    expect(errorCode(await client.get('/api/users/no-such-user/profile'))).toBe('NOT_FOUND');
    const plain = await buildUser(t.ctx);
    expect((await client.get(`/api/users/${plain.id}/profile`)).statusCode).toBe(200);
    expect(errorCode(await client.get(`/api/users/${plain.id}/avatar`))).toBe('NOT_FOUND');
  });
});
