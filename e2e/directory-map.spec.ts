import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { DirectoryEntry } from '../common/contracts/directory.ts';
import { checkBothWidths, launchBrowser, VIEWPORTS, type Viewport } from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let adminCookie = '';
let unplacedId = '';
const violations: string[] = [];
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
/** The default tile server: blocked in these tests, as on a phone without data for it. */
const TILES = 'https://tile.openstreetmap.org/**';

async function addEntry(body: Record<string, unknown>): Promise<DirectoryEntry> {
  const answer = await apiCall(
    server,
    'POST',
    '/directory',
    { kind: 'ngo', country: 'DE', ...body },
    adminCookie,
  );
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json as DirectoryEntry;
}

/** Three entries close together in Leipzig (a cluster), one in Berlin, one without a location. */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  const admin = { email: 'admin@example.org', password: 'admin platform passphrase' };
  await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    ...admin,
    displayName: 'Admin',
    locale: 'en',
  });
  adminCookie = (await apiCall(server, 'POST', '/auth/login', admin)).cookie ?? '';
  await addEntry({ name: 'Law Clinic Leipzig', city: 'Leipzig', latitude: 51.34, longitude: 12.37 });
  await addEntry({ name: 'Beratung Connewitz', city: 'Leipzig', latitude: 51.31, longitude: 12.38 });
  await addEntry({ name: 'Café Welcome', city: 'Leipzig', latitude: 51.35, longitude: 12.4 });
  await addEntry({ name: 'Berlin Hilft', city: 'Berlin', latitude: 52.52, longitude: 13.4 });
  unplacedId = (await addEntry({ name: 'Ohne Ort', city: 'Halle' })).id;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport: Viewport, locale: string, cookie?: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: viewport.width, height: viewport.height },
    colorScheme: viewport.colorScheme,
    locale,
    serviceWorkers: 'block',
  });
  if (cookie) {
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
  }
  await context.route(TILES, (route) => route.abort());
  const page = await context.newPage();
  onTestFailed(async () => {
    await page
      .screenshot({ path: 'e2e/screenshots/failure-directory-map.png', fullPage: true })
      .catch(() => {});
  });
  return page;
}

describe('the directory map', () => {
  it('shows a visitor on a phone, in Arabic and without tiles, clusters and markers that lead to entries', async () => {
    const page = await newPage(phone, 'ar');
    await page.goto('/directory');
    const results = page.getByRole('list', { name: arabic('public_directory.results') });
    await results.getByRole('link', { name: 'Berlin Hilft' }).waitFor();
    // No map code before the map is asked for.
    expect(await page.locator('.leaflet-container').count()).toBe(0);

    await page.getByRole('button', { name: arabic('public_directory.view_map') }).click();
    await page.waitForURL(/view=map/);
    const map = page.getByTestId('directory-map');
    const cluster = map.locator('.map-cluster').first();
    await cluster.waitFor();
    await map.locator('.map-pin').first().waitFor();
    expect(await cluster.textContent()).toContain('3');
    // The list still works below the map.
    await results.getByRole('link', { name: 'Ohne Ort' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'directory-map-ar', violations);

    // A cluster zooms in when chosen, until its places show one by one.
    const zoomBefore = Number(await map.getAttribute('data-zoom'));
    await cluster.click();
    await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBeGreaterThan(zoomBefore);
    for (let i = 0; i < 6 && (await map.locator('.map-cluster').count()) > 0; i += 1) {
      await map.locator('.map-cluster').first().click();
      await page.waitForTimeout(200);
    }
    await expect.poll(() => map.locator('.map-pin').count()).toBeGreaterThanOrEqual(3);

    // A marker's popup leads to the entry page, which has its own small map.
    await map.locator('.map-pin', { hasText: 'Café Welcome' }).click();
    await map.locator('.leaflet-popup').getByRole('link', { name: 'Café Welcome' }).click();
    await page.getByRole('heading', { level: 1, name: 'Café Welcome' }).waitFor();
    await page.getByTestId('entry-map').locator('.map-pin').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'directory-entry-map-ar', violations);
    await page.context().close();
  });

  it('lets an admin place an entry by typing coordinates and by clicking the map', async () => {
    const page = await newPage(laptop, 'en', adminCookie);
    await page.goto(`/directory/${unplacedId}`);
    const section = page.getByRole('region', { name: 'Location on the map' });
    await section.waitFor();
    await section.getByLabel('Latitude').fill('51.48');
    await section.getByLabel('Longitude').fill('east');
    await section.getByRole('button', { name: 'Save location' }).click();
    await section.getByText('Enter a longitude between -180 and 180, e.g. 12.3731.').waitFor();
    await section.getByLabel('Longitude').fill('11,97');
    await section.getByRole('button', { name: 'Save location' }).click();
    await section.getByRole('status').getByText('Location saved.').waitFor();
    await expect
      .poll(async () => (await apiCall(server, 'GET', `/directory/${unplacedId}`)).json)
      .toMatchObject({ latitude: 51.48, longitude: 11.97 });
    await page.getByTestId('entry-map').locator('.map-pin').waitFor();

    await section.getByRole('button', { name: 'Pick on the map' }).click();
    const pickMap = section.getByTestId('pick-map');
    await pickMap.locator('.map-pin').waitFor();
    await pickMap.scrollIntoViewIfNeeded();
    const box = await pickMap.boundingBox();
    if (!box) throw new Error('the map is not on screen');
    await pickMap.click({ position: { x: box.width * 0.25, y: box.height * 0.25 } });
    await expect.poll(() => section.getByLabel('Latitude').inputValue()).not.toBe('51.48');
    const picked = {
      latitude: Number(await section.getByLabel('Latitude').inputValue()),
      longitude: Number(await section.getByLabel('Longitude').inputValue()),
    };
    expect(picked.latitude).toBeGreaterThan(51.48);
    expect(picked.longitude).toBeLessThan(11.97);
    await checkBothWidths(page, 'directory-location-admin', violations);
    await section.getByRole('button', { name: 'Save location' }).click();
    await expect
      .poll(async () => (await apiCall(server, 'GET', `/directory/${unplacedId}`)).json)
      .toMatchObject(picked);
    // Without a geocoder there is no address lookup.
    expect(await section.getByRole('button', { name: 'Find address' }).count()).toBe(0);
    await page.context().close();
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
