import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const admin = { email: 'admin@example.org', password: 'admin platform passphrase' };
const layla = { email: 'layla@example.org', password: 'a quiet harbour at dusk', displayName: 'ليلى' };

/** One branch of an ICU select or plural of the Arabic catalogue (`arabic` leaves those as they are). */
function arabicBranch(key: string, branch: string): string {
  const match = arabic(key).match(new RegExp(`\\b${branch} \\{([^{}]*)\\}`));
  if (!match?.[1]) throw new Error(`no branch ${branch} in ${key}`);
  return match[1];
}

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  const setup = await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    ...admin,
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

describe('consent to the privacy notice and terms of use', () => {
  const violations: string[] = [];
  async function check(page: Page, viewport: Viewport, name: string) {
    await page.waitForLoadState('networkidle');
    await screenshot(page, viewport, `consent-${name}`);
    for (const v of await seriousA11yViolations(page)) violations.push(`${viewport.width}-${name}: ${v}`);
  }

  it('an admin publishes the texts, a new person accepts them at sign-up in Arabic, and again after a new version', async () => {
    // The platform admin publishes the privacy notice from the English template and the terms from the German one.
    const adminContext = await newContext(browser, server.url, laptop);
    const adminPage = await adminContext.newPage();
    await adminPage.goto('/signin');
    await adminPage.getByLabel('E-mail address').fill(admin.email);
    await adminPage.getByLabel('Password').fill(admin.password);
    await adminPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await adminPage.waitForURL('**/home');
    await adminPage.goto('/account');
    await adminPage.getByRole('link', { name: 'Privacy notice and terms of use' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Privacy notice and terms of use' }).waitFor();
    await adminPage.getByText('No privacy notice has been published yet.').waitFor();
    await adminPage.getByRole('button', { name: 'Use the English template' }).click();
    const body = adminPage.getByLabel('Text (Markdown)');
    await expect.poll(() => body.inputValue()).toContain('GDPR');
    const preview = adminPage.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { level: 2, name: 'Privacy notice' }).waitFor();
    await check(adminPage, laptop, '01-admin-editor');
    await adminPage.getByRole('button', { name: 'Publish version 1' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Publish version 1' }).click();
    await adminPage.getByText('Version 1 of the privacy notice is published.').waitFor();
    await adminPage.getByRole('link', { name: 'Terms of use' }).first().click();
    await adminPage.getByText('No terms of use have been published yet.').waitFor();
    await adminPage.getByRole('button', { name: 'Use the German template' }).click();
    await expect.poll(() => body.inputValue()).toMatch(/^# Nutzungsbedingungen/);
    await preview.getByRole('heading', { level: 2, name: 'Nutzungsbedingungen' }).waitFor();
    await adminPage.getByRole('button', { name: 'Publish version 1' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Publish version 1' }).click();
    await adminPage.getByText('Version 1 of the terms of use is published.').waitFor();
    await check(adminPage, laptop, '02-admin-published');

    // A new person signs up on a phone, in Arabic.
    const context = await newContext(browser, server.url, phone);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('.language-picker select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: arabic('nav.sign_up'), exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: arabic('auth.sign_up.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByLabel(arabic('auth.display_name')).fill(layla.displayName);
    await page.getByLabel(arabic('auth.email')).fill(layla.email);
    await page.getByLabel(arabic('auth.password')).fill(layla.password);
    // Without the box ticked: the reason, next to the box, in Arabic; nothing is sent.
    await page.getByRole('button', { name: arabic('auth.sign_up.submit') }).click();
    const box = page.getByRole('checkbox', { name: arabicBranch('legal.consent.label', 'other') });
    await page.getByText(arabic('legal.consent.missing')).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('consent');
    await check(page, phone, '03-sign-up-unticked-ar');
    // The texts open from the form (in a new tab), and the page does not scroll sideways at 390 px.
    const [privacyTab] = await Promise.all([
      context.waitForEvent('page'),
      page
        .getByRole('link', { name: arabic('nav.privacy_notice') })
        .first()
        .click(),
    ]);
    await privacyTab.getByRole('heading', { level: 2, name: 'Privacy notice' }).waitFor();
    expect(await privacyTab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(privacyTab, phone, '04-privacy-page-ar');
    await privacyTab.close();
    await box.check();
    await page.getByRole('button', { name: arabic('auth.sign_up.submit') }).click();
    await page.getByRole('heading', { level: 1, name: arabic('auth.check_mail.title') }).waitFor();

    // The versions shown were recorded: signed in, nothing is pending and no request is shown.
    await page.goto('/signin');
    await page.getByLabel(arabic('auth.email')).fill(layla.email);
    await page.getByLabel(arabic('auth.password')).fill(layla.password);
    await page.getByRole('button', { name: arabic('auth.sign_in.submit'), exact: true }).click();
    await page.waitForURL('**/home');
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { name: arabic('legal.gate.changed_title') }).count()).toBe(0);
    const pending = await page.evaluate(async () => (await fetch('/api/me/legal')).json());
    expect(pending).toEqual({ pending: [] });

    // The footer links to both texts on every page.
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: arabic('nav.terms_of_use') }).click();
    await page.getByRole('heading', { level: 1, name: arabic('nav.terms_of_use') }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nutzungsbedingungen' }).waitFor();

    // A new privacy notice: the person is asked again, sees what changed and accepts.
    const login = await apiCall(server, 'POST', '/auth/login', admin);
    const current = (await apiCall(server, 'GET', '/legal')).json as { privacy: { body: string } };
    const published = await apiCall(
      server,
      'POST',
      '/admin/legal/privacy',
      {
        body: `${current.privacy.body}\n## Video calls\n\nMentoring calls are not recorded.\n`,
        summary: 'Video calls are not recorded.',
      },
      login.cookie,
    );
    expect(published.status).toBe(201);
    await page.goto('/home');
    const gate = page.getByRole('region', { name: arabic('legal.gate.changed_title') });
    await gate.waitFor();
    await gate.getByText('Video calls are not recorded.').waitFor();
    await gate.locator('ins', { hasText: 'Mentoring calls are not recorded.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(page, phone, '05-asked-again-ar');
    await gate.getByRole('button', { name: arabicBranch('legal.gate.accept', 'one') }).click();
    await gate.waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('region', { name: arabic('legal.gate.changed_title') }).count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch('/api/me/legal')).json())).toEqual({ pending: [] });
    await check(page, phone, '06-accepted-ar');

    expect(violations).toEqual([]);
    await context.close();
    await adminContext.close();
  });

  it('someone invited by a link creates their account on the invitation page and accepts the texts there, in Arabic', async () => {
    const login = await apiCall(server, 'POST', '/auth/login', admin);
    const as = (method: string, path: string, body?: unknown) =>
      apiCall(server, method, path, body, login.cookie);
    const organisation = await as('POST', '/organisations', {
      name: 'Welcome Kassel',
      slug: 'welcome-kassel',
      kind: 'ngo',
      country: 'DE',
      city: 'Kassel',
      languages: ['de', 'ar'],
    });
    expect(organisation.status).toBe(201);
    const founded = await as('POST', '/organisations/welcome-kassel/networks', {
      name: 'Mentors Kassel',
      slug: 'mentors-kassel',
      languages: ['de', 'ar'],
    });
    expect(founded.status).toBe(201);
    const invitation = await as('POST', '/networks/mentors-kassel/invitations', {
      kind: 'link',
      role: 'mentor',
    });
    expect(invitation.status, JSON.stringify(invitation.json)).toBe(201);
    const link = new URL((invitation.json as { url: string }).url);

    const context = await newContext(browser, server.url, phone);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('.language-picker select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.goto(link.pathname);
    await page.getByRole('button', { name: arabic('invitations.landing.signup_submit') }).waitFor();
    await page.getByLabel(arabic('auth.display_name')).fill('سمير');
    await page.getByLabel(arabic('auth.email')).fill('samir@example.org');
    await page.getByLabel(arabic('auth.password')).fill('olive trees along the fulda');
    // Without the box: the reason next to it, nothing sent; with it, the account is made and joins.
    await page.getByRole('button', { name: arabic('invitations.landing.signup_submit') }).click();
    const box = page.getByRole('checkbox', { name: arabicBranch('legal.consent.label', 'other') });
    await page.getByText(arabic('legal.consent.missing')).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(page, phone, '07-invitation-unticked-ar');
    await box.check();
    await page.getByRole('button', { name: arabic('invitations.landing.signup_submit') }).click();
    await page.waitForURL('**/networks/mentors-kassel/agreement');
    // The versions on screen were recorded with the account: nothing is pending.
    expect(await page.evaluate(async () => (await fetch('/api/me/legal')).json())).toEqual({ pending: [] });
    await check(page, phone, '08-invitation-joined-ar');

    expect(violations).toEqual([]);
    await context.close();
  });
});
