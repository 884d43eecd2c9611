import { readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const phone = VIEWPORTS[0] as Viewport;

type Catalogue = { [key: string]: string | Catalogue };
const catalogue = JSON.parse(
  readFileSync(new URL('../common/i18n/ar.json', import.meta.url), 'utf8'),
) as Catalogue;
/** An Arabic message as the app shows it (messages without arguments only). */
function t(key: string): string {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ar text for ${key}`);
  return node;
}

function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

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
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: phone.width, height: phone.height },
    colorScheme: phone.colorScheme,
    locale: 'ar',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const violations: string[] = [];
  async function check(name: string) {
    await page.waitForLoadState('networkidle');
    await screenshot(page, phone, `require-second-factor-${name}`);
    for (const v of await seriousA11yViolations(page)) violations.push(`${name}: ${v}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} is wider than the screen`).toBeLessThanOrEqual(0);
  }

  await page.goto('/signin');
  await page.getByLabel(t('auth.email')).fill(admin.email);
  await page.getByLabel(t('auth.password'), { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: t('auth.sign_in.submit'), exact: true }).click();
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
