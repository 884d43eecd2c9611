import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, pageCheck, VIEWPORTS, type Viewport } from './support/browser.ts';
import { messageOf } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';
import { submitPassword, totpCode } from './support/two-factor.ts';

let server: TestServer;
let browser: Browser;
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  const setup = await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    email: 'admin@example.org',
    password: 'admin platform passphrase',
    displayName: 'Admin',
    locale: 'en',
  });
  expect(setup.status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// The phone reads the app in Arabic (right to left), the laptop in English.
describe.each([
  { viewport: phone, locale: 'ar' },
  { viewport: laptop, locale: 'en' },
])('two-factor sign-in at $viewport.width px in $locale', ({ viewport, locale }) => {
  const t = messageOf(locale);
  const user = {
    email: `two-factor-${locale}@example.org`,
    password: 'a kettle sings at dusk',
    displayName: `Mentor ${locale}`,
  };
  const violations: string[] = [];

  const check = pageCheck(viewport, 'two-factor', violations);

  async function passwordStep(page: Page) {
    await submitPassword(page, t, user);
    await page.getByRole('heading', { level: 1, name: t('auth.second_factor.title') }).waitFor();
  }

  it('turns TOTP on with the QR code, signs in with an app code and a recovery code, turns it off', async () => {
    const registered = await apiCall(server, 'POST', '/auth/register', { ...user, locale });
    expect(registered.status).toBe(202);
    // A browser set to the reader's language: the sign-in page speaks it before anyone signs in.
    const context = await newContext(browser, server.url, viewport, locale);
    const page = await context.newPage();

    await submitPassword(page, t, user);
    await page.waitForURL('**/home');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');

    // Account security: set up, scan (the test reads the key as a person would type it), confirm.
    await page.goto('/account');
    const section = page.getByRole('region', { name: t('account.two_factor.title') });
    await section.getByText(t('account.two_factor.status_off')).waitFor();
    await section.getByRole('button', { name: t('account.two_factor.setup') }).click();
    const qr = section.getByRole('img', { name: t('account.two_factor.qr_alt') });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = ((await section.locator('.totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await check(page, '01-scan');
    await section.getByLabel(t('account.two_factor.code_label')).fill(totpCode(secret));
    await section.getByRole('button', { name: t('account.two_factor.confirm') }).click();
    await section.getByRole('heading', { name: t('account.two_factor.codes_title') }).waitFor();
    const codes = await section.locator('.recovery-codes code').allTextContents();
    expect(codes).toHaveLength(10);
    await check(page, '02-recovery-codes');
    await section.getByRole('button', { name: t('account.two_factor.codes_done') }).click();
    await section.getByText(t('account.two_factor.badge_on'), { exact: true }).waitFor();
    expect(await section.locator('.recovery-codes').count()).toBe(0);

    // Signed out, the password alone no longer signs in: the code step follows; a wrong code is refused.
    await context.clearCookies();
    await passwordStep(page);
    await check(page, '03-code-step');
    await page.getByLabel(t('auth.second_factor.totp_label')).fill(totpCode(secret, 5));
    await page.getByRole('button', { name: t('auth.second_factor.submit'), exact: true }).click();
    await page.getByText(t('errors.SECOND_FACTOR_INVALID')).waitFor();
    await page.getByLabel(t('auth.second_factor.totp_label')).fill(totpCode(secret, 1));
    await page.getByRole('button', { name: t('auth.second_factor.submit'), exact: true }).click();
    await page.waitForURL('**/home');
    await page.goto('/account');
    await page.getByText(t('account.sessions.method.password_totp')).waitFor();

    // A recovery code instead of the app.
    await context.clearCookies();
    await passwordStep(page);
    await page.getByRole('button', { name: t('auth.second_factor.use_recovery') }).click();
    await page.getByLabel(t('auth.second_factor.recovery_label')).fill(codes[0] ?? '');
    await page.getByRole('button', { name: t('auth.second_factor.submit'), exact: true }).click();
    await page.waitForURL('**/home');
    await page.goto('/account');
    await page.getByText(t('account.sessions.method.recovery_code')).waitFor();
    await check(page, '04-account-on');

    // Off again with the password and another recovery code; the password alone signs in again.
    const security = page.getByRole('region', { name: t('account.two_factor.title') });
    await security.getByLabel(t('account.password.current')).fill(user.password);
    await security.getByLabel(t('account.two_factor.disable_code_label')).fill(codes[1] ?? '');
    await security.getByRole('button', { name: t('account.two_factor.disable_submit') }).click();
    await security.getByText(t('account.two_factor.disabled')).waitFor();
    await security.getByRole('button', { name: t('account.two_factor.setup') }).waitFor();
    await context.clearCookies();
    await submitPassword(page, t, user);
    await page.waitForURL('**/home');

    await context.close();
    expect(violations).toEqual([]);
  });
});
