import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DirectoryClaim,
  DirectoryEntry,
  DirectoryImportResult,
  DirectoryList,
} from '../../../common/contracts/directory.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';

describe.each(DIALECTS)('public directory on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
  });
  afterAll(() => t.close());

  async function add(body: Record<string, unknown>): Promise<DirectoryEntry> {
    const res = await admin.post('/api/directory', { kind: 'ngo', country: 'DE', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as DirectoryEntry;
  }
  const list = async (query: string) => {
    const res = await freshClient(t.app).get(`/api/directory?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DirectoryList;
  };
  const names = (l: DirectoryList) => l.entries.map((e) => e.name);

  it('lets a visitor filter by text, service, language, country, city and kind', async () => {
    await add({
      name: 'Flüchtlingsrat Zeta',
      services: ['legal_asylum', 'counselling'],
      languages: ['ar', 'de'],
      city: 'Zetastadt',
      region: 'Zetaland',
      description: 'Asylberatung und Begleitung',
    });
    await add({ name: 'Zeta Housing Help', services: ['housing'], languages: ['ar'], city: 'Zetastadt' });
    await add({
      name: 'Zeta Casa Aperta',
      kind: 'association',
      services: ['legal_asylum'],
      languages: ['it'],
      country: 'IT',
      city: 'Zetanova',
    });
    expect(names(await list('text=zeta'))).toEqual([
      'Flüchtlingsrat Zeta',
      'Zeta Casa Aperta',
      'Zeta Housing Help',
    ]);
    // Accents and case do not matter; every word must occur.
    expect(names(await list('text=FLUCHTLINGSRAT%20zeta'))).toEqual(['Flüchtlingsrat Zeta']);
    expect(names(await list('text=asylberatung'))).toEqual(['Flüchtlingsrat Zeta']);
    expect(names(await list('text=zeta&service=legal_asylum&language=ar'))).toEqual(['Flüchtlingsrat Zeta']);
    expect(names(await list('text=zeta&service=legal_asylum'))).toEqual([
      'Flüchtlingsrat Zeta',
      'Zeta Casa Aperta',
    ]);
    expect(names(await list('text=zeta&country=it'))).toEqual(['Zeta Casa Aperta']);
    expect(names(await list('text=zeta&city=zetaland'))).toEqual(['Flüchtlingsrat Zeta']);
    expect(names(await list('text=zeta&city=Zetastadt'))).toEqual([
      'Flüchtlingsrat Zeta',
      'Zeta Housing Help',
    ]);
    expect(names(await list('text=zeta&kind=association'))).toEqual(['Zeta Casa Aperta']);
    // LIKE's own characters are plain text.
    expect(names(await list('text=%25'))).toEqual([]);
    const bad = await freshClient(t.app).get('/api/directory?service=cooking');
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
  });

  it('sorts by distance when a location is given, entries without one last, and pages', async () => {
    // Around Athens: Piraeus 10 km, Marousi 12 km, Thessaloniki 300 km.
    await add({ name: 'Omega Thessaloniki', country: 'GR', latitude: 40.64, longitude: 22.94 });
    await add({ name: 'Omega Marousi', country: 'GR', latitude: 38.05, longitude: 23.81 });
    await add({ name: 'Omega Nowhere', country: 'GR' });
    await add({ name: 'Omega Piraeus', country: 'GR', latitude: 37.94, longitude: 23.65 });
    const near = await list('text=omega&lat=37.98&lng=23.73');
    expect(names(near)).toEqual(['Omega Piraeus', 'Omega Marousi', 'Omega Thessaloniki', 'Omega Nowhere']);
    expect(near.entries[0]?.distanceKm).toBeGreaterThan(5);
    expect(near.entries[0]?.distanceKm).toBeLessThan(12);
    expect(near.entries[3]?.distanceKm).toBeNull();
    const first = await list('text=omega&limit=3');
    expect(first.nextPage).toBe(2);
    const second = await list('text=omega&limit=3&page=2');
    expect(second.nextPage).toBeNull();
    expect([...names(first), ...names(second)]).toEqual([
      'Omega Marousi',
      'Omega Nowhere',
      'Omega Piraeus',
      'Omega Thessaloniki',
    ]);
  });

  it('answers with ETag, Cache-Control and an open CORS header, and 304 when unchanged', async () => {
    const entry = await add({ name: 'Cache Test Centre', services: ['work'] });
    const visitor = freshClient(t.app);
    for (const url of ['/api/directory?text=cache%20test', `/api/directory/${entry.id}`]) {
      const res = await visitor.get(url, { origin: 'https://elsewhere.example' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await visitor.get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    const before = (await visitor.get(`/api/directory/${entry.id}`)).headers.etag as string;
    await admin.patch(`/api/directory/${entry.id}`, { city: 'Neustadt' });
    const after = await visitor.get(`/api/directory/${entry.id}`, { 'if-none-match': before });
    expect(after.statusCode).toBe(200);
    expect((after.json() as DirectoryEntry).city).toBe('Neustadt');
  });

  it('shows listed organisations and public networks, and follows their changes', async () => {
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, {
      name: 'Kappa Welcome Association',
      services: JSON.stringify(['housing', 'asylum_residence']),
      adminId: orgAdmin.id,
    });
    await buildNetwork(t.ctx, { name: 'Kappa Mentors', visibility: 'public' });
    await buildNetwork(t.ctx, { name: 'Kappa Secret Circle', visibility: 'private' });
    expect(names(await list('text=kappa'))).toEqual(['Kappa Mentors']);
    const client = await signIn(t.app, orgAdmin);
    const listed = await client.request('PUT', `/api/organisations/${org.slug}/directory-listing`, {
      listed: true,
    });
    expect(listed.json()).toEqual({ listed: true, latitude: null, longitude: null });
    const found = await list('text=kappa');
    expect(names(found)).toEqual(['Kappa Mentors', 'Kappa Welcome Association']);
    const mirror = found.entries[1] as DirectoryEntry;
    expect(mirror).toMatchObject({ source: 'organisation', organisation: { slug: org.slug } });
    expect(mirror.services).toEqual(['housing', 'legal_asylum']);
    expect(found.entries[0]).toMatchObject({ source: 'network', kind: 'network' });
    // Mirrored entries are not curated here.
    const edit = await admin.patch(`/api/directory/${mirror.id}`, { name: 'Other' });
    expect(errorCode(edit)).toBe('DIRECTORY_ENTRY_NOT_CURATED');
    // Someone who is not the organisation's admin may not list it.
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    const denied = await stranger.request('PUT', `/api/organisations/${org.slug}/directory-listing`, {
      listed: false,
    });
    expect(denied.statusCode).toBe(403);
    await client.request('PUT', `/api/organisations/${org.slug}/directory-listing`, { listed: false });
    expect(names(await list('text=kappa'))).toEqual(['Kappa Mentors']);
  });

  it('lets an organisation claim a curated entry, which a platform admin approves', async () => {
    const entry = await add({ name: 'Lambda Advice Point', services: ['counselling'] });
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { name: 'Lambda e.V.', adminId: orgAdmin.id });
    const client = await signIn(t.app, orgAdmin);
    const claimed = await client.post(`/api/organisations/${org.slug}/directory-claims`, {
      entryId: entry.id,
    });
    expect(claimed.statusCode, claimed.body).toBe(201);
    const claim = claimed.json() as DirectoryClaim;
    expect(claim).toMatchObject({ status: 'pending', entryName: 'Lambda Advice Point' });
    const twice = await client.post(`/api/organisations/${org.slug}/directory-claims`, { entryId: entry.id });
    expect(errorCode(twice)).toBe('DIRECTORY_CLAIM_EXISTS');
    // Only platform admins see and decide claims.
    expect((await client.get('/api/directory/claims')).statusCode).toBe(403);
    const pending = (await admin.get('/api/directory/claims')).json() as { claims: DirectoryClaim[] };
    expect(pending.claims.map((c) => c.id)).toContain(claim.id);
    const decided = await admin.post(`/api/directory/claims/${claim.id}/decision`, { approve: true });
    expect(decided.json()).toMatchObject({ status: 'approved' });
    const again = await admin.post(`/api/directory/claims/${claim.id}/decision`, { approve: false });
    expect(errorCode(again)).toBe('DIRECTORY_CLAIM_DECIDED');
    const shown = (await freshClient(t.app).get(`/api/directory/${entry.id}`)).json() as DirectoryEntry;
    expect(shown.organisation).toEqual({ slug: org.slug, name: 'Lambda e.V.' });
  });

  it('documents the public API under its own tag in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    for (const path of ['/api/directory', '/api/directory/{id}', '/api/directory/export'])
      expect(doc.paths[path]?.get?.tags).toEqual(['public directory']);
    expect(doc.paths['/api/directory']?.post?.tags).toEqual(['directory administration']);
  });

  it('keeps curation to platform admins', async () => {
    const entry = await add({ name: 'Mu Centre' });
    const user = await signIn(t.app, await buildUser(t.ctx));
    const visitor = freshClient(t.app);
    for (const client of [user, visitor]) {
      const want = client === visitor ? 401 : 403;
      expect(
        (await client.post('/api/directory', { name: 'X Y', kind: 'ngo', country: 'DE' })).statusCode,
      ).toBe(want);
      expect((await client.patch(`/api/directory/${entry.id}`, { name: 'Mu' })).statusCode).toBe(want);
      expect((await client.delete(`/api/directory/${entry.id}`)).statusCode).toBe(want);
      expect((await client.post('/api/directory/import/preview', [])).statusCode).toBe(want);
    }
    const invalid = await admin.post('/api/directory', {
      name: 'Bad link',
      kind: 'ngo',
      country: 'DE',
      website: 'javascript:alert(1)',
    });
    expect(errorCode(invalid)).toBe('VALIDATION_FAILED');
    const unknownCountry = await admin.post('/api/directory', {
      name: 'Nowhere',
      kind: 'ngo',
      country: 'XX',
    });
    expect(errorCode(unknownCountry)).toBe('VALIDATION_FAILED');
    expect((await admin.delete(`/api/directory/${entry.id}`)).statusCode).toBe(204);
    expect((await freshClient(t.app).get(`/api/directory/${entry.id}`)).statusCode).toBe(404);
  });

  it('previews a semicolon CSV with row-level errors and imports its valid rows', async () => {
    const csv = [
      'Name;Kind;Services;Languages;Country;City;Latitude;Longitude;Website;Last checked',
      'Nu Beratung;ngo;legal_asylum|counselling;de|ar;DE;Nustadt;52,52;13,40;https://nu.example.org;2026-11-30',
      ';ngo;housing;de;DE;Nustadt;;;;',
      'Nu Wrong;ngo;cooking;xx;ZZ;Nustadt;95;13;ftp://nu.example.org;30.11.2026',
      '"Nu ""Quoted""; Haus";association;women;uk;de;Nustadt;;;;',
    ].join('\r\n');
    const headers = { 'content-type': 'text/csv' };
    const preview = await admin.post('/api/directory/import/preview', csv, headers);
    expect(preview.statusCode, preview.body).toBe(200);
    const result = preview.json() as DirectoryImportResult;
    expect(result).toMatchObject({ format: 'csv', valid: 2, invalid: 2, imported: 0 });
    expect(result.rows[1]).toMatchObject({ line: 3, problems: [{ problem: 'name_missing', field: 'name' }] });
    expect(result.rows[2]?.problems.map((p) => p.problem).sort()).toEqual([
      'coordinates_invalid',
      'country_invalid',
      'date_invalid',
      'language_invalid',
      'service_invalid',
      'website_invalid',
    ]);
    expect(names(await list('text=nu'))).not.toContain('Nu Beratung');
    const imported = (
      await admin.post('/api/directory/import', csv, headers)
    ).json() as DirectoryImportResult;
    expect(imported.imported).toBe(2);
    const found = await list('text=nu&city=nustadt');
    expect(names(found)).toEqual(['Nu "Quoted"; Haus', 'Nu Beratung']);
    expect(found.entries[1]).toMatchObject({ latitude: 52.52, longitude: 13.4, lastCheckedOn: '2026-11-30' });
    const missing = await admin.post('/api/directory/import/preview', 'Title;Town\nA;B\n', headers);
    expect(errorCode(missing)).toBe('CSV_COLUMNS_MISSING');
  });

  it('exports the filtered list as CSV and JSON that imports again', async () => {
    await add({
      name: 'Xi Sprachcafé',
      services: ['language_courses'],
      languages: ['de', 'uk'],
      city: 'Xistadt',
    });
    await add({ name: '=HYPERLINK Xi', services: ['work'], city: 'Xistadt' });
    const csv = await freshClient(t.app).get('/api/directory/export?city=xistadt&service=language_courses');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'name,kind,services,languages,country,city,region,address,latitude,longitude,email,phone,website,opening_hours,description,last_checked',
    );
    expect(lines.slice(1)).toEqual(['Xi Sprachcafé,ngo,language_courses,de|uk,DE,Xistadt,,,,,,,,,,']);
    const all = await freshClient(t.app).get('/api/directory/export?city=xistadt');
    // A spreadsheet must not run a name as a formula.
    expect(all.body).toContain("\r\n'=HYPERLINK Xi,ngo,work");
    const json = await freshClient(t.app).get('/api/directory/export?city=xistadt&format=json');
    const exported = json.json() as { entries: DirectoryEntry[] };
    expect(exported.entries.map((e) => e.name)).toEqual(['=HYPERLINK Xi', 'Xi Sprachcafé']);
    const preview = await admin.post('/api/directory/import/preview', exported);
    expect(preview.json()).toMatchObject({ format: 'json', valid: 2, invalid: 0 });
  });
});

describe.each(DIALECTS)('public directory read limit on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { DIRECTORY_READS_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 to an address past its reads of the minute, and not to another', async () => {
    const visitor = freshClient(t.app);
    for (let i = 0; i < 3; i++) expect((await visitor.get('/api/directory')).statusCode).toBe(200);
    const limited = await visitor.get('/api/directory/export');
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect((await freshClient(t.app).get('/api/directory')).statusCode).toBe(200);
  });
});
