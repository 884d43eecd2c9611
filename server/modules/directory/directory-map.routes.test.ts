import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DirectoryEntry,
  DirectoryMapSettings,
  GeocodeResult,
} from '../../../common/contracts/directory.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildUser } from '../../test/factories.ts';
import { geocode } from './geocoder.ts';

/** A small stand-in for Nominatim: how it answers depends on the words asked about. */
async function startFakeNominatim(): Promise<{ server: Server; url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    seen.push(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const q = url.searchParams.get('q') ?? '';
    if (url.pathname !== '/search' || url.searchParams.get('format') !== 'json') {
      response.writeHead(404).end();
    } else if (q.includes('Burgstraße')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify([
          { lat: '51.3397', lon: '12.3731', display_name: 'Burgstraße 27, Leipzig, Sachsen, Deutschland' },
          { lat: '50.1', lon: '8.6', display_name: 'Burgstraße, Frankfurt am Main' },
        ]),
      );
    } else if (q.includes('Nowhere')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    } else if (q.includes('Broken')) {
      response.writeHead(500).end('oops');
    } else if (q.includes('Garbage')) {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    } else if (q.includes('Slow')) {
      setTimeout(() => response.writeHead(200).end('[]'), 2_000);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).end('[{"lat":"95","lon":"0"}]');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, seen };
}

describe.each(DIALECTS)('directory map and locations on %s', (dialect) => {
  let t: TestApp;
  let off: TestApp;
  let admin: TestClient;
  let fake: Awaited<ReturnType<typeof startFakeNominatim>>;
  beforeAll(async () => {
    fake = await startFakeNominatim();
    t = await buildTestApp(dialect, { GEOCODER_URL: `${fake.url}/` });
    off = await buildTestApp('sqlite');
    admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
  });
  afterAll(async () => {
    await t.close();
    await off.close();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  it('tells anyone the tile server and whether addresses can be looked up', async () => {
    const res = await freshClient(t.app).get('/api/directory/map-settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual<DirectoryMapSettings>({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: expect.stringContaining('OpenStreetMap'),
      geocoding: true,
    });
    // The geocoder's own address stays on the server.
    expect(res.body).not.toContain(fake.url);
    const without = await freshClient(off.app).get('/api/directory/map-settings');
    expect(without.json()).toMatchObject({ geocoding: false });
  });

  it('looks up an address for a platform admin through the geocoder', async () => {
    const res = await admin.get(`/api/directory/geocode?q=${encodeURIComponent('Burgstraße 27, Leipzig')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual<GeocodeResult>({
      places: [
        { label: 'Burgstraße 27, Leipzig, Sachsen, Deutschland', latitude: 51.3397, longitude: 12.3731 },
        { label: 'Burgstraße, Frankfurt am Main', latitude: 50.1, longitude: 8.6 },
      ],
    });
    const asked = fake.seen.at(-1);
    expect(asked?.headers['user-agent']).toContain('mentorNET');
    expect(asked?.url).toContain('limit=5');
    const none = await admin.get('/api/directory/geocode?q=Nowhere%20street');
    expect(none.json()).toEqual({ places: [] });
  });

  it('maps a failing, odd or slow geocoder to 503 GEOCODER_UNAVAILABLE', async () => {
    for (const q of ['Broken street', 'Garbage street', 'Out of range']) {
      const res = await admin.get(`/api/directory/geocode?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(503);
      expect(errorCode(res)).toBe('GEOCODER_UNAVAILABLE');
      expect(res.json().error.message).toMatch(/coordinates/);
    }
    const config = { geocoderUrl: fake.url, platformName: 'mentorNET', publicUrl: 'http://localhost' };
    await expect(geocode(config, 'Slow street', { timeoutMs: 200 })).rejects.toMatchObject({
      code: 'GEOCODER_UNAVAILABLE',
      status: 503,
    });
    const unreachable = { ...config, geocoderUrl: 'http://127.0.0.1:1' };
    await expect(geocode(unreachable, 'Burgstraße')).rejects.toMatchObject({ status: 503 });
  });

  it('keeps lookups to platform admins, off without a geocoder, and limited', async () => {
    const anonymous = await freshClient(t.app).get('/api/directory/geocode?q=Burgstra%C3%9Fe');
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const member = await signIn(t.app, await buildUser(t.ctx));
    expect(errorCode(await member.get('/api/directory/geocode?q=Burgstra%C3%9Fe'))).toBe('FORBIDDEN');
    expect((await admin.get('/api/directory/geocode?q=ab')).statusCode).toBe(400);

    const offAdmin = await signIn(off.app, await buildUser(off.ctx, { isPlatformAdmin: 1 }));
    const disabled = await offAdmin.get('/api/directory/geocode?q=Burgstra%C3%9Fe');
    expect(disabled.statusCode).toBe(404);
    expect(errorCode(disabled)).toBe('GEOCODER_OFF');

    const busy = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    const codes: number[] = [];
    for (let i = 0; i < 21; i += 1)
      codes.push((await busy.get('/api/directory/geocode?q=Nowhere')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('takes a location as both coordinates or neither, and a change of location keeps the rest', async () => {
    const half = await admin.post('/api/directory', {
      name: 'Halb verortet',
      kind: 'ngo',
      country: 'DE',
      latitude: 51.3,
    });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('longitude');
    const outOfRange = await admin.post('/api/directory', {
      name: 'Im Nirgendwo',
      kind: 'ngo',
      country: 'DE',
      latitude: 91,
      longitude: 12,
    });
    expect(outOfRange.statusCode).toBe(400);

    const created = await admin.post('/api/directory', {
      name: 'Beratung am Markt',
      kind: 'ngo',
      country: 'DE',
      city: 'Leipzig',
      services: ['housing'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as DirectoryEntry;
    const placed = await admin.patch(`/api/directory/${id}`, { latitude: 51.3397, longitude: 12.3731 });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json()).toMatchObject({
      latitude: 51.3397,
      longitude: 12.3731,
      city: 'Leipzig',
      services: ['housing'],
    });
    expect((await admin.patch(`/api/directory/${id}`, { longitude: 13 })).statusCode).toBe(400);
    const cleared = await admin.patch(`/api/directory/${id}`, { latitude: null, longitude: null });
    expect(cleared.json()).toMatchObject({ latitude: null, longitude: null, city: 'Leipzig' });
  });
});
