import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothWidths, launchBrowser, newContext, VIEWPORTS, type Viewport } from './support/browser.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  buildWebIfNeeded();
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('your data on the account page', () => {
  it('prepares and downloads the export, deletes the account and cancels by signing in again, on a phone', async () => {
    const [phone] = VIEWPORTS as [Viewport, Viewport];
    const context = await newContext(browser, server.url, phone);
    const page = await context.newPage();
    const violations: string[] = [];

    await page.goto(`/setup?token=${server.setupToken}`);
    await page.getByLabel('Your name').fill('Platform Admin');
    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel('Password').fill('a long admin passphrase');
    await page.getByRole('button', { name: 'Create administrator account' }).click();
    await page.waitForURL('**/home');

    await page.goto('/account');
    await page.getByRole('heading', { name: 'Your data', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Prepare my data' }).click();
    const link = page.getByRole('link', { name: /^Download \(zip, / });
    await link.waitFor({ timeout: 20_000 });
    const download = await page.evaluate(
      async (href) => {
        const res = await fetch(href as string);
        const bytes = new Uint8Array(await res.arrayBuffer());
        return { status: res.status, type: res.headers.get('content-type'), magic: [bytes[0], bytes[1]] };
      },
      await link.getAttribute('href'),
    );
    // A zip starts with "PK".
    expect(download).toEqual({ status: 200, type: 'application/zip', magic: [0x50, 0x4b] });
    await checkBothWidths(page, '95-your-data', violations);

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('If you sign in before then, the deletion is cancelled.').waitFor();
    await dialog.getByLabel('Your password').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('The e-mail address or password is not correct.').waitFor();
    await checkBothWidths(page, '96-delete-dialog', violations);
    await dialog.getByLabel('Your password').fill('a long admin passphrase');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    // Every session ended: this browser is signed out and the app leaves the account page.
    await expect.poll(async () => (await page.request.get('/api/me')).status()).toBe(401);
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/account');

    // Signing in again cancels the deletion.
    await page.goto('/signin');
    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel('Password').fill('a long admin passphrase');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/home');
    const state = await (await page.request.get('/api/me/delete')).json();
    expect(state).toMatchObject({ eraseAfter: null, graceDays: 14 });
    // The page says so, until the person closes the notice.
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'You signed in, so your account will not be deleted.' });
    await notice.waitFor();
    await checkBothWidths(page, '96-deletion-cancelled', violations);
    await notice.getByRole('button', { name: 'Close' }).click();
    await notice.waitFor({ state: 'detached' });

    expect(violations).toEqual([]);
    await context.close();
  });
});
