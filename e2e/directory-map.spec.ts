import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { DirectoryEntry } from '../common/contracts/directory.ts';
import { checkBothWidths, chooseOption, launchBrowser, VIEWPORTS, type Viewport } from './support/browser.ts';
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

  it('lets a platform admin on a phone add an entry with the form, edit it and find it in the directory', async () => {
    const page = await newPage(phone, 'en', adminCookie);
    await page.goto('/directory');
    await page.getByRole('link', { name: 'Add an entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'New directory entry' }).waitFor();
    const form = page.getByRole('form', { name: 'Directory entry' });

    // Nothing filled in: the required fields say so, and the first takes the focus.
    await form.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');

    await form.getByLabel('Name').fill('Nachbarschaftshilfe Plagwitz');
    await form.getByRole('checkbox', { name: 'Housing' }).check();
    await form.getByRole('checkbox', { name: 'Women' }).check();
    await chooseOption(page, 'Add a language…', 'Arabic');
    await chooseOption(page, 'Country', 'Germany');
    await form.getByLabel('City', { exact: true }).fill('Leipzig');
    await form.getByLabel('Address', { exact: true }).fill('Karl-Heine-Straße 1');
    await form.getByLabel('Latitude').fill('51.33');
    await form.getByLabel('Longitude').fill('east');
    await form.getByLabel('Website').fill('ftp://plagwitz.example.org');
    await form.getByLabel('Last checked').fill('2026-12-01');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await form.getByText('Enter a longitude between -180 and 180, e.g. 12.3731.').waitFor();
    await form.getByText('Please enter a web address that starts with http:// or https://.').waitFor();
    await checkBothWidths(page, 'directory-entry-form', violations);

    // The server refuses once (as another admin's rule might): its words land at the field,
    // and nothing typed is lost.
    await form.getByLabel('Longitude').fill('12,33');
    await form.getByLabel('Website').fill('https://plagwitz.example.org');
    await page.route(`${server.url}/api/directory`, (route) =>
      route.fulfill({
        status: 400,
        json: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Some fields are not valid.',
            details: [{ path: ['name'], code: 'invalid', message: 'This value is not valid.' }],
          },
        },
      }),
    );
    await form.getByRole('button', { name: 'Add entry' }).click();
    await form.getByText('This value is not valid.').waitFor();
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await page.unroute(`${server.url}/api/directory`);
    expect(await form.getByLabel('Name').inputValue()).toBe('Nachbarschaftshilfe Plagwitz');
    expect(await form.getByLabel('Longitude').inputValue()).toBe('12,33');
    expect(await form.getByRole('checkbox', { name: 'Women' }).isChecked()).toBe(true);

    await form.getByRole('button', { name: 'Add entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nachbarschaftshilfe Plagwitz' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect((await apiCall(server, 'GET', `/directory/${id}`)).json).toMatchObject({
      name: 'Nachbarschaftshilfe Plagwitz',
      services: ['housing', 'women'],
      languages: ['ar'],
      country: 'DE',
      latitude: 51.33,
      longitude: 12.33,
      website: 'https://plagwitz.example.org',
      lastCheckedOn: '2026-12-01',
    });

    // The same form edits it, with every value in place.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit: Nachbarschaftshilfe Plagwitz' }).waitFor();
    const edit = page.getByRole('form', { name: 'Directory entry' });
    expect(await edit.getByLabel('Address', { exact: true }).inputValue()).toBe('Karl-Heine-Straße 1');
    await edit.getByLabel('Name').fill('Nachbarschaftshilfe Plagwitz e.V.');
    await edit.getByLabel('Opening hours').fill('Di und Do 14–18 Uhr');
    await edit.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nachbarschaftshilfe Plagwitz e.V.' }).waitFor();
    await page.getByText('Di und Do 14–18 Uhr').waitFor();

    // Found in the directory, by word and by service.
    await page.getByRole('link', { name: /Back to the directory/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory of support' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search the directory' }).fill('plagwitz');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: 'Results' });
    await results.getByRole('link', { name: 'Nachbarschaftshilfe Plagwitz e.V.' }).waitFor();
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    // In Arabic the form reads right to left and still fits the phone.
    expect((await apiCall(server, 'PATCH', '/me', { locale: 'ar' }, adminCookie)).status).toBe(200);
    try {
      const arabicPage = await newPage(phone, 'ar', adminCookie);
      await arabicPage.goto(`/directory/${id}/edit`);
      await arabicPage
        .getByRole('heading', {
          level: 1,
          name: arabic('public_directory.edit_title', { name: 'Nachbarschaftshilfe Plagwitz e.V.' }),
        })
        .waitFor();
      expect(await arabicPage.getAttribute('html', 'dir')).toBe('rtl');
      await arabicPage.getByRole('button', { name: arabic('public_directory.save_entry') }).waitFor();
      expect(await arabicPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        phone.width,
      );
      await checkBothWidths(arabicPage, 'directory-entry-form-ar', violations);
      await arabicPage.context().close();
    } finally {
      await apiCall(server, 'PATCH', '/me', { locale: 'en' }, adminCookie);
    }

    // Deleting asks first.
    await page.goto(`/directory/${id}`);
    await page.getByRole('button', { name: 'Delete entry' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('Delete “Nachbarschaftshilfe Plagwitz e.V.” from the directory?', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Delete entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory of support' }).waitFor();
    expect((await apiCall(server, 'GET', `/directory/${id}`)).status).toBe(404);
    await page.context().close();
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
