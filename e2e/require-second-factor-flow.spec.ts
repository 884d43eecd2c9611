import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, newContext, pageCheck, VIEWPORTS, type Viewport } from './support/browser.ts';
import { messageOf } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';
import { submitPassword, totpCode } from './support/two-factor.ts';

let server: TestServer;
let browser: Browser;
const phone = VIEWPORTS[0] as Viewport;

const t = messageOf('ar');

const admin = { email: 'admin@example.org', password: 'admin platform passphrase' };

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  const setup = await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    ...admin,
    displayName: 'Admin',
    locale: 'ar',
  });
  expect(setup.status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('a platform admin on a phone in Arabic requires a second factor, is held at the gate, sets it up and goes on', async () => {
  const context = await newContext(browser, server.url, phone, 'ar');
  const page = await context.newPage();
  const violations: string[] = [];
  const checkPage = pageCheck(phone, 'require-second-factor', violations);
  const check = (name: string) => checkPage(page, name);

  await submitPassword(page, t, admin);
  await page.waitForURL('**/home');
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

  // The switch asks first; confirming turns the rule on, and the admin (no second factor yet) is held.
  await page.goto('/account');
  const settings = page.getByRole('region', { name: t('platform_settings.security.title') });
  const toggle = settings.getByRole('switch', {
    name: t('platform_settings.security.require_second_factor'),
  });
  await check('01-switch');
  await toggle.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(t('platform_settings.security.confirm_on')).waitFor();
  await check('02-confirm');
  await dialog.getByRole('button', { name: t('platform_settings.security.turn_on') }).click();
  const gate = page.getByRole('heading', { level: 1, name: t('account.second_factor_gate.title') });
  await gate.waitFor();
  await page.goto('/home');
  await gate.waitFor();
  await check('03-gate');

  // Set up TOTP at the gate, keep the recovery codes, then continue to the page.
  const section = page.getByRole('region', { name: t('account.two_factor.title') });
  await section.getByRole('button', { name: t('account.two_factor.setup') }).click();
  await section.locator('.totp-secret').waitFor();
  const secret = ((await section.locator('.totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await section.getByLabel(t('account.two_factor.code_label')).fill(totpCode(secret));
  await section.getByRole('button', { name: t('account.two_factor.confirm') }).click();
  await section.getByRole('heading', { name: t('account.two_factor.codes_title') }).waitFor();
  await section.getByRole('button', { name: t('account.two_factor.codes_done') }).click();
  await page.getByRole('button', { name: t('account.second_factor_gate.continue') }).click();
  await gate.waitFor({ state: 'detached' });

  // Turning the rule off again is confirmed the same way.
  await page.goto('/account');
  await settings.getByRole('switch', { name: t('platform_settings.security.require_second_factor') }).click();
  await dialog.getByRole('button', { name: t('platform_settings.security.turn_off') }).click();
  await expect.poll(() => settings.getByRole('switch').isChecked()).toBe(false);

  await context.close();
  expect(violations).toEqual([]);
});
