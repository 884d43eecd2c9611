import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntry, DirectoryList, DirectoryListing } from '../../../common/contracts/directory.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildOrganisation, buildUser } from '../../test/factories.ts';

/** A stand-in for Nominatim that knows one address. */
async function startFakeGeocoder(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const q = new URL(request.url ?? '/', 'http://fake').searchParams.get('q') ?? '';
    const places = q.includes('Hafenstraße')
      ? [{ lat: '53.5438', lon: '9.9665', display_name: 'Hafenstraße 1, Hamburg' }]
      : [];
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(places));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.each(DIALECTS)('an organisation’s location in the directory on %s', (dialect) => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeGeocoder>>;
  let orgAdmin: TestClient;
  let slug = '';
  let organisationId = '';
  beforeAll(async () => {
    fake = await startFakeGeocoder();
    t = await buildTestApp(dialect, { GEOCODER_URL: fake.url });
    const admin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { name: 'Sigma Harbour Welcome', adminId: admin.id });
    slug = org.slug;
    organisationId = org.id;
    orgAdmin = await signIn(t.app, admin);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  const listingUrl = () => `/api/organisations/${slug}/directory-listing`;
  const list = async (query: string) => {
    const res = await freshClient(t.app).get(`/api/directory?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DirectoryList;
  };

  it('lets its admins set where it is, and its entry shows on the map and nearest first', async () => {
    const before = (await orgAdmin.get(listingUrl())).json() as DirectoryListing;
    expect(before).toEqual({ listed: false, latitude: null, longitude: null });

    // Hamburg harbour; a curated entry in Bremen and one in Munich to sort against.
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    for (const [name, latitude, longitude] of [
      ['Sigma Bremen Advice', 53.08, 8.8],
      ['Sigma Munich Advice', 48.14, 11.58],
    ] as const) {
      const res = await admin.post('/api/directory', {
        name,
        kind: 'ngo',
        country: 'DE',
        latitude,
        longitude,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const set = await orgAdmin.request('PUT', listingUrl(), {
      listed: true,
      latitude: 53.5438,
      longitude: 9.9665,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ listed: true, latitude: 53.5438, longitude: 9.9665 });
    expect((await orgAdmin.get(listingUrl())).json()).toEqual(set.json());

    const entry = (
      await freshClient(t.app).get(`/api/directory/o-${organisationId}`)
    ).json() as DirectoryEntry;
    expect(entry).toMatchObject({ source: 'organisation', latitude: 53.5438, longitude: 9.9665 });

    // Near the Hamburg town hall: the organisation first, about 1.5 km away; Munich last.
    const near = await list('text=sigma&lat=53.55&lng=9.99');
    expect(near.entries.map((e) => e.name)).toEqual([
      'Sigma Harbour Welcome',
      'Sigma Bremen Advice',
      'Sigma Munich Advice',
    ]);
    expect(near.entries[0]?.distanceKm).toBeGreaterThan(1);
    expect(near.entries[0]?.distanceKm).toBeLessThan(3);
  });

  it('keeps the location when only the listing changes, and clears it with null', async () => {
    await orgAdmin.request('PUT', listingUrl(), { listed: true, latitude: 53.5438, longitude: 9.9665 });
    // The earlier contract, `{ listed }` alone, still works and leaves the location.
    const off = await orgAdmin.request('PUT', listingUrl(), { listed: false });
    expect(off.json()).toEqual({ listed: false, latitude: 53.5438, longitude: 9.9665 });
    expect((await list('text=sigma%20harbour')).entries).toEqual([]);
    const on = await orgAdmin.request('PUT', listingUrl(), { listed: true });
    expect(on.json()).toMatchObject({ listed: true, latitude: 53.5438 });

    // A new location alone: the listing stays, and the directory follows at once.
    const moved = await orgAdmin.request('PUT', listingUrl(), { latitude: 53.55, longitude: 10 });
    expect(moved.json()).toEqual({ listed: true, latitude: 53.55, longitude: 10 });
    expect((await list('text=sigma%20harbour')).entries[0]).toMatchObject({ latitude: 53.55, longitude: 10 });

    const cleared = await orgAdmin.request('PUT', listingUrl(), { latitude: null, longitude: null });
    expect(cleared.json()).toEqual({ listed: true, latitude: null, longitude: null });
    const near = await list('text=sigma&lat=53.55&lng=9.99');
    expect(near.entries.at(-1)).toMatchObject({ name: 'Sigma Harbour Welcome', distanceKm: null });
  });

  it('answers a half, out-of-range, empty or unknown change with 400 by field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ latitude: 53.5 }, 'longitude'],
      [{ longitude: 9.9 }, 'latitude'],
      [{ latitude: 91, longitude: 9.9 }, 'latitude'],
      [{ latitude: 53.5, longitude: -181 }, 'longitude'],
      [{ latitude: '53.5', longitude: 9.9 }, 'latitude'],
      [{}, 'listed'],
      [{ listed: true, address: 'Hafenstraße 1' }, 'address'],
    ];
    const before = (await orgAdmin.get(listingUrl())).json() as DirectoryListing;
    for (const [body, field] of cases) {
      const res = await orgAdmin.request('PUT', listingUrl(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      const paths = (res.json().error.details as { path: string[] }[]).map((d) => d.path[0]);
      expect(paths, JSON.stringify(body)).toContain(field);
    }
    // In the asker's language, by field.
    const german = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1, locale: 'de' }));
    const res = await german.request('PUT', listingUrl(), { latitude: 95, longitude: 9 });
    const details = res.json().error.details as { path: string[]; message: string }[];
    expect(details[0]).toMatchObject({ path: ['latitude'], message: 'Dieser Wert ist ungültig.' });
    // Nothing was changed by the refused requests.
    expect((await orgAdmin.get(listingUrl())).json()).toEqual(before);
  });

  it('keeps the location to the organisation’s admins (and platform admins)', async () => {
    const body = { latitude: 1, longitude: 1 };
    expect(errorCode(await freshClient(t.app).request('PUT', listingUrl(), body))).toBe('UNAUTHENTICATED');
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    expect(errorCode(await stranger.request('PUT', listingUrl(), body))).toBe('FORBIDDEN');
    expect(errorCode(await stranger.get(listingUrl()))).toBe('FORBIDDEN');
    // The admin of another organisation is a stranger here.
    const otherAdmin = await buildUser(t.ctx);
    await buildOrganisation(t.ctx, { name: 'Other Harbour', adminId: otherAdmin.id });
    const other = await signIn(t.app, otherAdmin);
    expect(errorCode(await other.request('PUT', listingUrl(), body))).toBe('FORBIDDEN');
    expect(errorCode(await other.get(`/api/organisations/${slug}/geocode?q=Hafenstra%C3%9Fe`))).toBe(
      'FORBIDDEN',
    );
    const platformAdmin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    const placed = await platformAdmin.request('PUT', listingUrl(), { latitude: 53.5438, longitude: 9.9665 });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(((await orgAdmin.get(listingUrl())).json() as DirectoryListing).latitude).toBe(53.5438);
  });

  it('looks up the address for its admins through the configured geocoder', async () => {
    const found = await orgAdmin.get(
      `/api/organisations/${slug}/geocode?q=${encodeURIComponent('Hafenstraße 1')}`,
    );
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toEqual({
      places: [{ label: 'Hafenstraße 1, Hamburg', latitude: 53.5438, longitude: 9.9665 }],
    });
    expect((await orgAdmin.get(`/api/organisations/${slug}/geocode?q=ab`)).statusCode).toBe(400);
    expect(errorCode(await freshClient(t.app).get(`/api/organisations/${slug}/geocode?q=Hafen`))).toBe(
      'UNAUTHENTICATED',
    );
    // The platform-wide lookup stays for platform admins.
    expect(errorCode(await orgAdmin.get('/api/directory/geocode?q=Hafenstra%C3%9Fe'))).toBe('FORBIDDEN');

    const off = await buildTestApp('sqlite');
    try {
      const admin = await buildUser(off.ctx);
      const org = await buildOrganisation(off.ctx, { adminId: admin.id });
      const client = await signIn(off.app, admin);
      const res = await client.get(`/api/organisations/${org.slug}/geocode?q=Hafenstra%C3%9Fe`);
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('GEOCODER_OFF');
    } finally {
      await off.close();
    }
  });
});
