import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, pageCheck, VIEWPORTS, type Viewport } from './support/browser.ts';
import { messageOf } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';
import { totpCode, wrongCodeFor } from './support/two-factor.ts';

let server: TestServer;
let browser: Browser;
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A stranger who knows an address types ten wrong passwords; its owner, on a browser that never
 * signed in before, is then refused with the right password alone, is offered the code field and
 * signs in with the password and a code from the app in one go.
 */
describe.each([
  { viewport: phone, locale: 'ar' },
  { viewport: laptop, locale: 'en' },
])('a locked account at $viewport.width px in $locale', ({ viewport, locale }) => {
  const t = messageOf(locale);
  const user = {
    email: `locked-${locale}@example.org`,
    password: 'a heron waits by the weir',
    displayName: `Mentor ${locale}`,
  };
  const violations: string[] = [];

  const check = pageCheck(viewport, 'lockout', violations);

  /** Registers the account and turns TOTP on through the API; returns the secret. */
  async function accountWithTotp(): Promise<string> {
    expect((await apiCall(server, 'POST', '/auth/register', { ...user, locale })).status).toBe(202);
    const login = await apiCall(server, 'POST', '/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(login.status).toBe(200);
    const started = await apiCall(server, 'POST', '/me/two-factor/totp', undefined, login.cookie);
    const { secret } = started.json as { secret: string };
    // Confirmed with the previous step's code, leaving the current and the next for the sign-in.
    const confirm = await apiCall(
      server,
      'POST',
      '/me/two-factor/totp/confirm',
      { code: totpCode(secret, -1) },
      login.cookie,
    );
    expect(confirm.status).toBe(200);
    return secret;
  }

  it('signs in with the password and a code from the app after a stranger locked the account', async () => {
    const secret = await accountWithTotp();
    for (let i = 0; i < 10; i++) {
      const guess = await apiCall(server, 'POST', '/auth/login', {
        email: user.email,
        password: `stranger guess ${i}`,
      });
      expect(guess.status).toBe(401);
    }

    // A browser that never signed in here, set to the reader's language.
    const context = await newContext(browser, server.url, viewport, locale);
    const page = await context.newPage();
    await page.goto('/signin');
    // The page speaks the browser's language once its catalogue is there.
    await page.getByLabel(t('auth.email')).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    const codeField = page.getByLabel(t('account.two_factor.disable_code_label'));
    expect(await codeField.count()).toBe(0);
    await page.getByLabel(t('auth.email')).fill(user.email);
    await page.getByLabel(t('auth.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: t('auth.sign_in.submit'), exact: true }).click();

    // The right password alone is refused while locked; the form now offers the code.
    await page.getByText(t('auth.sign_in.locked_code_hint')).waitFor();
    await codeField.waitFor();
    expect(page.url()).toContain('/signin');
    await check(page, '01-locked');

    if (locale === 'ar') {
      // A wrong code changes nothing: still the lockout, still on the sign-in page.
      await page.getByLabel(t('auth.password'), { exact: true }).fill(user.password);
      await codeField.fill(wrongCodeFor(secret));
      await page.getByRole('button', { name: t('auth.sign_in.submit'), exact: true }).click();
      await page.getByRole('alert').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(page.url()).toContain('/signin');
    }

    await page.getByLabel(t('auth.password'), { exact: true }).fill(user.password);
    await codeField.fill(totpCode(secret));
    await page.getByRole('button', { name: t('auth.sign_in.submit'), exact: true }).click();
    await page.waitForURL('**/home');

    // The session says how it signed in.
    await page.goto('/account');
    await page.getByText(t('account.sessions.method.password_totp')).first().waitFor();
    await check(page, '02-signed-in');

    await context.close();
    expect(violations).toEqual([]);
  });
});
