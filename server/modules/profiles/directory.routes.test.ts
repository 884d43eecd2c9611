import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../common/contracts/profiles.ts';
import type { MentorLevel, NetworkRole } from '../../../common/permissions.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { makeImage, uploadAvatar } from '../../test/profiles.ts';
import type { NetworkRow } from '../networks/index.ts';
import { saveProfile } from './profiles.repository.ts';

interface Person {
  name: string;
  role?: NetworkRole;
  level?: MentorLevel | null;
  accepted?: boolean;
  languages?: string[];
  expertise?: string[];
  region?: string;
}

describe.each(DIALECTS)('member directory on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  let viewer: TestClient;
  const ids = new Map<string, string>();
  const passwords = new Map<string, { email: string; password: string }>();

  async function addPerson(target: NetworkRow, person: Person) {
    const user = await buildUser(t.ctx, { displayName: person.name });
    await buildMember(t.ctx, target, {
      user,
      role: person.role ?? 'mentor',
      level: person.level,
      accepted: person.accepted,
    });
    if (person.languages || person.expertise || person.region) {
      await saveProfile(
        t.ctx.database.db,
        user.id,
        {
          region: person.region ?? '',
          availability: 'weekends',
          experienceLevel: null,
          bio: 'Not shown in the directory.',
          visibility: 'network',
        },
        person.languages ?? [],
        person.expertise ?? [],
        isoNow(),
      );
    }
    ids.set(person.name, user.id);
    passwords.set(person.name, user);
    return user;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    network = await buildNetwork(t.ctx, { visibility: 'public' });
    const meta = await addPerson(network, { name: 'Meta Mentorin', role: 'meta_mentor', languages: ['de'] });
    viewer = await signIn(t.app, meta);
    const anna = await addPerson(network, {
      name: 'Anna Schmidt',
      level: 'beginner',
      languages: ['de', 'ar'],
      expertise: ['housing'],
      region: 'Musterstadt Nord',
    });
    await uploadAvatar(await signIn(t.app, anna), await makeImage('png'));
    await addPerson(network, {
      name: 'bernd Müller',
      level: 'experienced',
      languages: ['de', 'uk'],
      expertise: ['work', 'housing'],
      region: 'musterstadt Süd',
    });
    await addPerson(network, {
      name: 'Chiara Rossi',
      level: 'experienced',
      languages: ['it', 'en'],
      expertise: ['education'],
      region: 'Beispielburg',
    });
    await addPerson(network, { name: 'Dana Office', role: 'office' });
    await addPerson(network, { name: 'Emil Neu', level: 'beginner', accepted: false, languages: ['ar'] });
    await addPerson(network, {
      name: 'Zoë 100% Sicher',
      level: 'beginner',
      languages: ['fa'],
      region: 'Nord_Ost',
    });
    const former = await addPerson(network, { name: 'Fritz Former', languages: ['de', 'ar'] });
    await t.ctx.database.db
      .updateTable('memberships')
      .set({ status: 'left' })
      .where('userId', '=', former.id)
      .execute();
    // Someone in another network matches every filter but never appears here.
    const other = await buildNetwork(t.ctx, { visibility: 'public' });
    await addPerson(other, {
      name: 'Anna Elsewhere',
      languages: ['de', 'ar'],
      expertise: ['housing'],
      region: 'Musterstadt',
    });
  });
  afterAll(() => t.close());

  const names = (entries: DirectoryEntry[]) => entries.map((e) => e.displayName);
  async function directory(query = '', client = viewer) {
    const res = await client.get(`/api/networks/${network.slug}/directory${query ? `?${query}` : ''}`);
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    return res.json() as { entries: DirectoryEntry[]; nextCursor: string | null };
  }

  it('lists active members ordered by name (case-insensitive) with role, level and profile basics', async () => {
    const page = await directory();
    expect(names(page.entries)).toEqual([
      'Anna Schmidt',
      'bernd Müller',
      'Chiara Rossi',
      'Dana Office',
      'Emil Neu',
      'Meta Mentorin',
      'Zoë 100% Sicher',
    ]);
    expect(page.nextCursor).toBeNull();
    const anna = page.entries[0];
    expect(anna).toEqual({
      userId: ids.get('Anna Schmidt'),
      displayName: 'Anna Schmidt',
      role: 'mentor',
      level: 'beginner',
      languages: ['ar', 'de'],
      expertise: ['housing'],
      region: 'Musterstadt Nord',
      availability: 'weekends',
      avatarUrl: expect.stringMatching(new RegExp(`^/api/users/${anna?.userId}/avatar\\?v=`)),
      lookingForBuddy: false,
      openToBuddy: false,
      leaveUntil: null,
    });
    expect(page.entries.find((e) => e.displayName === 'bernd Müller')?.expertise).toEqual([
      'housing',
      'work',
    ]);
    expect(page.entries.find((e) => e.displayName === 'Dana Office')).toMatchObject({
      role: 'office',
      level: null,
      languages: [],
      region: '',
      availability: '',
      avatarUrl: null,
    });
    // The avatar URL in the directory works for its viewer.
    expect((await viewer.get(anna?.avatarUrl as string)).statusCode).toBe(200);
  });

  it('filters by language, expertise, level, region and name, and combines filters', async () => {
    const cases: [string, string[]][] = [
      ['language=ar', ['Anna Schmidt', 'Emil Neu']],
      ['language=uk', ['bernd Müller']],
      ['language=sw', []],
      ['expertise=housing', ['Anna Schmidt', 'bernd Müller']],
      ['level=experienced', ['bernd Müller', 'Chiara Rossi']],
      ['level=beginner', ['Anna Schmidt', 'Emil Neu', 'Zoë 100% Sicher']],
      ['region=MUSTERSTADT', ['Anna Schmidt', 'bernd Müller']],
      ['region=nord', ['Anna Schmidt', 'Zoë 100% Sicher']],
      ['region=d_o', ['Zoë 100% Sicher']],
      // `_` and `%` are literal characters, not wildcards ('t_n' would otherwise match 'Musterstadt Nord').
      ['region=t_n', []],
      ['region=t%25n', []],
      ['q=BERND', ['bernd Müller']],
      ['q=mül', ['bernd Müller']],
      ['q=%20ro', ['Chiara Rossi']],
      ['q=100%25', ['Zoë 100% Sicher']],
      ['q=%25', ['Zoë 100% Sicher']],
      ['q=_', []],
      ['q=', names((await directory()).entries)],
      ['language=de&expertise=housing&level=experienced', ['bernd Müller']],
      ['language=de&region=nord', ['Anna Schmidt']],
      ['expertise=housing&q=chiara', []],
    ];
    for (const [query, expected] of cases) {
      expect(names((await directory(query)).entries), query).toEqual(expected);
    }
  });

  it('pages through results without duplicates or gaps, with and without filters', async () => {
    for (const filter of ['', 'language=de&', 'level=beginner&']) {
      const all = names((await directory(filter.replace(/&$/, ''))).entries);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `${filter}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await directory(query);
        expect(page.entries.length).toBeLessThanOrEqual(2);
        seen.push(...names(page.entries));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen, filter).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages).toBe(Math.max(1, Math.ceil(all.length / 2)));
    }
  });

  it('rejects bad queries', async () => {
    for (const query of [
      'limit=51',
      'limit=0',
      'language=xx',
      'expertise=astrology',
      'level=meta_mentor',
      'cursor=bm9wZQ',
      'colour=red',
    ]) {
      const res = await viewer.get(`/api/networks/${network.slug}/directory?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    expect((await directory('limit=50')).entries.length).toBe(7);
  });

  it('is open to members who accepted, org admins and platform admins only', async () => {
    const url = (n: NetworkRow) => `/api/networks/${n.slug}/directory`;
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    const gated = await signIn(t.app, passwords.get('Emil Neu') as { email: string; password: string });
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    const orgAdminUser = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdminUser.id });
    const ownNetwork = await buildNetwork(t.ctx, { organisationId: org.id, visibility: 'private' });
    const orgAdmin = await signIn(t.app, orgAdminUser);

    expect(errorCode(await new TestClient(t.app).get(url(network)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await stranger.get(url(network)))).toBe('FORBIDDEN');
    expect(errorCode(await gated.get(url(network)))).toBe('AGREEMENT_REQUIRED');
    expect((await admin.get(url(network))).statusCode).toBe(200);
    expect((await orgAdmin.get(url(ownNetwork))).statusCode).toBe(200);

    const hidden = await buildNetwork(t.ctx, { visibility: 'private' });
    const unlisted = await buildNetwork(t.ctx, { visibility: 'unlisted' });
    expect(errorCode(await stranger.get(url(hidden)))).toBe('NOT_FOUND');
    expect(errorCode(await new TestClient(t.app).get(url(hidden)))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.get(url(unlisted)))).toBe('FORBIDDEN');
    expect(errorCode(await viewer.get('/api/networks/no-such-network/directory'))).toBe('NOT_FOUND');
    // A member of one network sees nothing of another network's directory.
    expect(errorCode(await viewer.get(url(hidden)))).toBe('NOT_FOUND');
  });
});
