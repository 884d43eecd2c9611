import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations, VIEWPORTS } from './support/browser.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

/**
 * Web Push in Chromium. Headless Chromium here has no push service to subscribe with (no network
 * to one), so the service worker's push handler is driven through DevTools' "Push" button
 * (ServiceWorker.deliverPushMessage): a push with the payload the server sends, shown as a
 * system notification the page can read back. The server's side — encryption, TTL, urgency,
 * removing gone subscriptions — is checked by server/modules/push/push.routes.test.ts.
 */
let browser: Browser;
let server: TestServer;
let session = '';
const layla = {
  email: 'layla@example.org',
  password: 'a garden behind the wall',
  displayName: 'Layla Saleh',
};

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    email: 'admin@example.org',
    password: 'admin platform passphrase',
    displayName: 'Admin',
    locale: 'en',
  });
  await apiCall(server, 'POST', '/auth/register', { ...layla, locale: 'ar' });
  const login = await apiCall(server, 'POST', '/auth/login', {
    email: layla.email,
    password: layla.password,
  });
  session = login.cookie ?? '';
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(VIEWPORTS)('web push at $width px', (viewport) => {
  it('offers the switch on the account page in Arabic and the service worker shows a push', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: viewport.width, height: viewport.height },
      colorScheme: viewport.colorScheme,
      locale: 'ar',
      serviceWorkers: 'allow',
    });
    await context.grantPermissions(['notifications'], { origin: server.url });
    const [name, value] = session.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto('/account');
    await page.getByRole('heading', { level: 2, name: 'الإشعارات على هذا الجهاز' }).waitFor();
    await page.getByRole('switch', { name: 'الإشعارات على هذا الجهاز' }).waitFor();
    await page.getByRole('checkbox', { name: 'الرسائل' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.locator('#push-settings').scrollIntoViewIfNeeded();
    await screenshot(page, viewport, '60-push-settings-ar');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Quiet hours are saved with the browser's time zone.
    const quiet = page.getByRole('checkbox', { name: 'لا إشعارات خلال ساعات الهدوء' });
    await quiet.click();
    await page.getByLabel('من', { exact: true }).waitFor();
    expect(await quiet.isChecked()).toBe(true);
    await expect
      .poll(async () => (await apiCall(server, 'GET', '/me/push-settings', undefined, session)).json)
      .toMatchObject({ quietFrom: '22:00', quietUntil: '07:00' });
    await quiet.click();
    await expect.poll(() => quiet.isChecked()).toBe(false);
    await expect
      .poll(async () => (await apiCall(server, 'GET', '/me/push-settings', undefined, session)).json)
      .toMatchObject({ quietFrom: null, quietUntil: null });

    // A push as the server sends it, delivered to the service worker.
    const registrationId = await (async () => {
      const cdp = await context.newCDPSession(page);
      const registered = new Promise<string>((resolve) =>
        cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
          const mine = (
            registrations as { registrationId: string; scopeURL: string; isDeleted: boolean }[]
          ).find((r) => r.scopeURL === `${server.url}/` && !r.isDeleted);
          if (mine) resolve(mine.registrationId);
        }),
      );
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await cdp.send('ServiceWorker.enable');
      const id = await registered;
      const payload = {
        title: 'رسالة جديدة من كريم',
        body: 'رسالة جديدة واحدة من كريم',
        url: `${server.url}/messages/abc`,
        tag: 'conversation-abc',
        lang: 'ar',
        dir: 'rtl',
      };
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: server.url,
        registrationId: id,
        data: JSON.stringify(payload),
      });
      return id;
    })();
    expect(registrationId).not.toBe('');
    const shown = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      for (let i = 0; i < 100; i++) {
        const [notification] = await registration.getNotifications();
        if (notification)
          return {
            title: notification.title,
            body: notification.body,
            tag: notification.tag,
            lang: notification.lang,
            dir: notification.dir,
            url: (notification.data as { url: string }).url,
          };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    });
    expect(shown).toEqual({
      title: 'رسالة جديدة من كريم',
      body: 'رسالة جديدة واحدة من كريم',
      tag: 'conversation-abc',
      lang: 'ar',
      dir: 'rtl',
      url: `${server.url}/messages/abc`,
    });
    await context.close();
  });
});
