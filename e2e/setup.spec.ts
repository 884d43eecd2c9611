import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  VIEWPORTS,
} from './support/browser.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let browser: Browser;

beforeAll(async () => {
  buildWebIfNeeded();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORTS)('first-run setup at $width px', (viewport) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('leads a fresh installation to setup and creates the platform admin', async () => {
    expect(server.setupToken).toBeTruthy();
    const context = await newContext(browser, server.url, viewport);
    const page = await context.newPage();

    // The landing page of an empty platform leads to setup.
    await page.goto('/');
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { level: 1, name: 'Set up mentorNET' }).waitFor();

    // A wrong code: the error appears next to the code field.
    await page.getByLabel('Setup code').fill('not-the-right-token-at-all');
    await page.getByLabel('Your name').fill('Platform Admin');
    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel('Password').fill('a long admin passphrase');
    await page.getByRole('button', { name: 'Create administrator account' }).click();
    await page.locator('input[name="token"][aria-invalid="true"]').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, viewport, '20-setup-wrong-token');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The link printed by the server fills in the code.
    await page.goto(`/setup?token=${server.setupToken}`);
    expect(await page.getByLabel('Setup code').inputValue()).toBe(server.setupToken);
    await page.waitForLoadState('networkidle');
    await screenshot(page, viewport, '21-setup');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Your name').fill('Platform Admin');
    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel('Password').fill('a long admin passphrase');
    await page.getByRole('button', { name: 'Create administrator account' }).click();
    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Platform Admin' }).waitFor();

    // Setup is done: the page says so instead of showing the form.
    await page.goto('/setup');
    await page.getByText('The platform is already set up. Please sign in.').waitFor();
    await context.close();
  });
});
