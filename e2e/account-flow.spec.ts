import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  newContext,
  openNavEntry,
  screenshot,
  seriousA11yViolations,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { waitForMailLink } from './support/mail.ts';
import { arabic } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  // Finish the first-run setup through the API so that the landing page shows (setup has its own spec).
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

describe.each(VIEWPORTS)('account flow at $width px ($colorScheme)', (viewport: Viewport) => {
  const email = `mentor-${viewport.width}@example.org`;
  const password = 'a calm river at dawn';
  const newPassword = 'seven green lanterns glow';
  const resetPassword = 'the tram stops at noon';
  const violations: string[] = [];

  /** Screenshot plus accessibility scan of the current page. */
  async function check(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    await screenshot(page, viewport, name);
    for (const v of await seriousA11yViolations(page)) violations.push(`${name}: ${v}`);
  }

  const html = (page: Page, attribute: 'lang' | 'dir') =>
    page.evaluate((a) => document.documentElement.getAttribute(a), attribute);

  it('signs up, verifies, signs in, switches language, changes password, signs out', async () => {
    const context = await newContext(browser, server.url, viewport);
    const page = await context.newPage();

    // Landing
    await page.goto('/');
    await page
      .getByRole('heading', { level: 1, name: 'A home for your network of volunteer mentors' })
      .waitFor();
    expect(await html(page, 'lang')).toBe('en');
    await check(page, '01-landing');

    // Keyboard: the first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');

    // Sign up: empty form, then a weak password (error from the API next to the field), then for real.
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await check(page, '02-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Please fill in this field.').first().waitFor();
    await check(page, '03-sign-up-errors');
    await page.getByLabel('Your name').fill(`Mentor ${viewport.width}`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const passwordInput = page.getByLabel('Password');
    await page.locator('input[name="password"][aria-invalid="true"]').waitFor();
    const describedBy = (await passwordInput.getAttribute('aria-describedby')) ?? '';
    const fieldError = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
    expect(fieldError).toMatch(/characters|stronger/);
    await passwordInput.fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your mail' }).waitFor();
    await page.getByText(email).waitFor();
    await check(page, '04-check-mail');

    // Verify through the link in the mail.
    const verifyLink = await waitForMailLink(server.dataDir, email, '/verify-email?token=');
    expect(new URL(verifyLink).origin).toBe(server.url);
    await page.goto(verifyLink);
    await page.getByText('Your e-mail address is confirmed. Welcome!').waitFor();
    await check(page, '05-verified');

    // Sign in: first in German with a wrong password — the server's error arrives translated.
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await check(page, '06-sign-in');
    await page.locator('.language-picker select').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill('not my password at all');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('alert').getByText('E-Mail-Adresse oder Passwort ist nicht korrekt.').waitFor();
    await check(page, '07-sign-in-wrong-password-de');
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();

    // Home, in the account's language (English, chosen at sign-up).
    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: `Welcome, Mentor ${viewport.width}` }).waitFor();
    expect(await html(page, 'lang')).toBe('en');
    await check(page, '08-home');

    // Account settings; switch to German (saved to the account: survives a reload), then Arabic.
    await openNavEntry(page, 'Account', 'Main');
    await page.getByRole('heading', { level: 1, name: 'Account settings' }).waitFor();
    await page.getByText('1 active session').waitFor();
    await check(page, '09-account');
    await page.locator('.language-picker select').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Kontoeinstellungen' }).waitFor();
    expect(await html(page, 'lang')).toBe('de');
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => localStorage.removeItem('mn.locale'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Kontoeinstellungen' }).waitFor();
    await check(page, '10-account-de');

    await page.locator('.language-picker select').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'إعدادات الحساب' }).waitFor();
    expect(await html(page, 'dir')).toBe('rtl');
    expect(await html(page, 'lang')).toBe('ar');
    await check(page, '11-account-ar');

    // Change password (in Arabic): wrong current password first, error next to that field.
    // The passkeys section asks for the current password too: work inside the password section.
    const passwordSection = page.getByRole('region', { name: arabic('account.password.title') });
    await passwordSection.getByLabel('كلمة المرور الحالية').fill('wrong current password');
    await passwordSection.getByLabel('كلمة المرور الجديدة').fill(newPassword);
    await passwordSection.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
    await page.locator('input[name="currentPassword"][aria-invalid="true"]').waitFor();
    await page.getByText('البريد الإلكتروني أو كلمة المرور غير صحيحة.').waitFor();
    await check(page, '12-password-wrong-ar');
    await passwordSection.getByLabel('كلمة المرور الحالية').fill(password);
    await passwordSection.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
    await page.getByText('تم تغيير كلمة المرور، وتم تسجيل الخروج من أجهزتك الأخرى.').waitFor();

    // Another device signs in; sign it out from here, after confirming.
    const other = await apiCall(server, 'POST', '/auth/login', { email, password: newPassword });
    expect(other.status).toBe(200);
    await page.reload();
    await page.getByText('جلستان نشطتان').waitFor();
    await page.getByRole('button', { name: 'تسجيل الخروج من كل الأجهزة الأخرى' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await check(page, '13-confirm-sign-out-others-ar');
    await dialog.getByRole('button', { name: 'تسجيل الخروج من كل الأجهزة الأخرى' }).click();
    await page.getByText('أنت مسجّل الدخول على هذا الجهاز فقط.').waitFor();
    expect((await apiCall(server, 'GET', '/me', undefined, other.cookie)).status).toBe(401);

    // Sign out.
    await openNavEntry(page, 'تسجيل الخروج');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'تسجيل الدخول' }).first().waitFor();
    expect(await html(page, 'dir')).toBe('rtl');

    // Back to English; forgot password → mail → reset → sign in with the new one.
    await page.locator('.language-picker select').selectOption('en');
    // The choice is kept once the page speaks it; a page opened before then would speak Arabic.
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().waitFor();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('mn.locale'))).toBe('en');
    await page.goto('/forgot-password');
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await check(page, '14-forgot-password');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByText('If an account exists for this address').waitFor();
    const resetLink = await waitForMailLink(server.dataDir, email, '/reset-password?token=');
    await page.goto(resetLink);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await check(page, '15-reset-password');
    await page.getByLabel('New password').fill(resetPassword);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('Your password has been changed. You can sign in now.').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(resetPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/home');

    // A page that does not exist.
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, '16-not-found');

    await context.close();
    expect(violations).toEqual([]);
  });
});
