import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, pageCheck, VIEWPORTS, type Viewport } from './support/browser.ts';
import { messageOf } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';
import { submitPassword } from './support/two-factor.ts';

let server: TestServer;
let browser: Browser;
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  buildWebIfNeeded();
  // Passkeys belong to a domain name: the app is opened as http://localhost (a secure context).
  server = await startServer({ host: 'localhost' });
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

/**
 * Chromium's virtual authenticator (DevTools protocol): a platform authenticator with resident
 * keys and user verification that always verifies the person, as a phone or laptop would.
 */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return async () => {
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    return credentials;
  };
}

// The phone reads the app in Arabic (right to left), the laptop in English.
describe.each([
  { viewport: phone, locale: 'ar' },
  { viewport: laptop, locale: 'en' },
])('passkeys at $viewport.width px in $locale', ({ viewport, locale }) => {
  const t = messageOf(locale);
  /** A message with a name in it: the app may set the name apart with Unicode isolates (FSI … PDI). */
  const named = (key: string, name: string) =>
    new RegExp(
      `^${t(key, { name: '\u0001' })
        .split('\u2068\u0001\u2069')
        .map(escapeRegExp)
        .join(`\u2068?${escapeRegExp(name)}\u2069?`)}$`,
    );
  const user = {
    email: `passkey-${locale}@example.org`,
    password: 'a lantern hums at noon',
    displayName: `Mentor ${locale}`,
  };
  const violations: string[] = [];

  const check = pageCheck(viewport, 'passkey', violations);

  it('adds a passkey on the account page, signs in with it alone and as the second step, renames and removes it', async () => {
    const registered = await apiCall(server, 'POST', '/auth/register', { ...user, locale });
    expect(registered.status).toBe(202);
    const context = await newContext(browser, server.url, viewport, locale);
    const page = await context.newPage();
    const storedCredentials = await addVirtualAuthenticator(context, page);

    await submitPassword(page, t, user);
    await page.waitForURL('**/home');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);

    // Account page: a name and the password again, then the authenticator makes the passkey.
    await page.goto('/account');
    const section = page.getByRole('region', { name: t('account.passkeys.title') });
    await section.getByText(t('account.passkeys.none')).waitFor();
    await check(page, '01-none');
    const addForm = section.getByRole('region', { name: t('account.passkeys.add_title') });
    await addForm.getByLabel(t('account.passkeys.name_label')).fill('Laptop ميم');
    await addForm.getByLabel(t('account.password.current')).fill('not my password');
    await addForm.getByRole('button', { name: t('account.passkeys.add_submit') }).click();
    await addForm.getByText(t('errors.INVALID_CREDENTIALS')).waitFor();
    await addForm.getByLabel(t('account.password.current')).fill(user.password);
    await addForm.getByRole('button', { name: t('account.passkeys.add_submit') }).click();
    await section.getByText(t('account.passkeys.added')).waitFor();
    await section.locator('bdi', { hasText: 'Laptop ميم' }).waitFor();
    await section.getByText(t('account.passkeys.never_used'), { exact: false }).waitFor();
    const credentials = await storedCredentials();
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    expect(credentials[0]?.rpId).toBe('localhost');
    await check(page, '02-added');

    // Signed out: "Sign in with a passkey", no e-mail and no password.
    await context.clearCookies();
    await page.goto('/signin');
    await check(page, '03-sign-in-page');
    await page.getByRole('button', { name: t('auth.passkey.sign_in') }).click();
    await page.waitForURL('**/home');
    await page.goto('/account');
    await page.getByText(t('account.sessions.method.passkey'), { exact: true }).waitFor();
    await page
      .getByRole('region', { name: t('account.passkeys.title') })
      .getByText(t('account.passkeys.never_used'))
      .waitFor({ state: 'detached' });

    // The passkey is the account's second factor: after the password, it finishes the sign-in.
    await context.clearCookies();
    await submitPassword(page, t, user);
    await page.getByRole('heading', { level: 1, name: t('auth.second_factor.title') }).waitFor();
    await page.getByText(t('auth.passkey.second_factor_intro')).waitFor();
    await check(page, '04-second-step');
    await page.getByRole('button', { name: t('auth.passkey.second_factor_use') }).click();
    await page.waitForURL('**/home');
    await page.goto('/account');
    await page.getByText(t('account.sessions.method.password_passkey'), { exact: true }).waitFor();
    await check(page, '05-account');

    // Rename it, then remove it with the password; the password alone signs in again.
    const passkeys = page.getByRole('region', { name: t('account.passkeys.title') });
    await passkeys
      .getByRole('button', { name: named('account.passkeys.rename_named', 'Laptop ميم') })
      .click();
    await passkeys.getByLabel(t('account.passkeys.rename_label')).fill('Work laptop');
    await passkeys.getByRole('button', { name: t('account.passkeys.rename_submit') }).click();
    await passkeys.locator('bdi', { hasText: 'Work laptop' }).waitFor();
    await passkeys
      .getByRole('button', { name: named('account.passkeys.remove_named', 'Work laptop') })
      .click();
    await passkeys.getByLabel(t('account.password.current')).first().fill(user.password);
    await check(page, '06-remove');
    await passkeys.getByRole('button', { name: t('account.passkeys.remove_submit') }).click();
    await passkeys.getByText(t('account.passkeys.removed')).waitFor();
    await passkeys.getByText(t('account.passkeys.none')).waitFor();
    await context.clearCookies();
    await submitPassword(page, t, user);
    await page.waitForURL('**/home');

    await context.close();
    expect(violations).toEqual([]);
  });
});
