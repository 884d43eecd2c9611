import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations, VIEWPORTS } from './support/browser.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(VIEWPORTS)('PWA at $width px', (viewport) => {
  it('is installable, registers the service worker and shows the offline page without network', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: viewport.width, height: viewport.height },
      colorScheme: viewport.colorScheme,
      locale: 'en-US',
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const scope = await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then((registration) => registration.scope),
        new Promise((resolve) => setTimeout(() => resolve('no service worker within 20 s'), 20_000)),
      ]),
    );
    expect(scope).toBe(`${server.url}/`);

    // Chromium's own verdict on the manifest, icons and service worker.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's contexts are incognito, which Chromium never offers to install; everything else must pass.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

    // Wait until the precache is complete, then cut the network.
    await page.waitForFunction(
      async () => {
        const keys = await caches.keys();
        for (const key of keys) if (await (await caches.open(key)).match('/offline.html')) return true;
        return false;
      },
      null,
      { timeout: 20_000 },
    );
    await page.evaluate(() => localStorage.setItem('mn.locale', 'de'));
    await context.setOffline(true);
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Du bist offline' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await screenshot(page, viewport, '30-offline-de');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Back online, the app itself answers again.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.waitForURL('**/signin?next=%2Faccount');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await context.close();
  });
});
