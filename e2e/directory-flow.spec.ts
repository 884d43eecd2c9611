import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { languageName } from '../common/languages.ts';
import { checkBothWidths, chooseOption, launchBrowser, VIEWPORTS, type Viewport } from './support/browser.ts';
import { waitForMailLink } from './support/mail.ts';
import { arabic } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let adminCookie = '';
const violations: string[] = [];
const [phone] = VIEWPORTS as [Viewport, Viewport];

async function addEntry(body: Record<string, unknown>) {
  const answer = await apiCall(
    server,
    'POST',
    '/directory',
    { kind: 'ngo', country: 'DE', ...body },
    adminCookie,
  );
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
}

/** A platform admin who curated three entries: only one offers legal advice in Arabic. */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  const admin = { email: 'admin@example.org', password: 'admin platform passphrase' };
  await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    ...admin,
    displayName: 'Admin',
    locale: 'en',
  });
  adminCookie = (await apiCall(server, 'POST', '/auth/login', admin)).cookie ?? '';
  await addEntry({
    name: 'Refugee Law Clinic Leipzig',
    services: ['legal_asylum', 'counselling'],
    languages: ['ar', 'de', 'en'],
    city: 'Leipzig',
    address: 'Burgstraße 27',
    latitude: 51.34,
    longitude: 12.37,
    phone: '+49 341 000000',
    website: 'https://law-clinic.example.org',
    openingHours: 'Mo–Do 10–16',
    lastCheckedOn: '2026-11-30',
  });
  await addEntry({
    name: 'Asylberatung Nord',
    services: ['legal_asylum'],
    languages: ['de'],
    city: 'Leipzig',
  });
  // A public network founded by an organisation, mirrored into the directory.
  const org = await apiCall(
    server,
    'POST',
    '/organisations',
    { name: 'Riverside Welcome', kind: 'ngo', country: 'DE', city: 'Leipzig', languages: ['de', 'ar'] },
    adminCookie,
  );
  expect(org.status, JSON.stringify(org.json)).toBe(201);
  const network = await apiCall(
    server,
    'POST',
    `/organisations/${(org.json as { slug: string }).slug}/networks`,
    { name: 'Riverside Mentors', slug: 'riverside-mentors', languages: ['de', 'ar'], visibility: 'public' },
    adminCookie,
  );
  expect(network.status, JSON.stringify(network.json)).toBe(201);
  await addEntry({
    name: 'Wohnen für alle',
    services: ['housing'],
    languages: ['ar', 'de'],
    city: 'Leipzig',
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the public directory', () => {
  it('lets a visitor on a phone, in Arabic, find an organisation by service and language', async () => {
    // A visitor without an account whose phone speaks Arabic.
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: phone.width, height: phone.height },
      colorScheme: phone.colorScheme,
      locale: 'ar',
      serviceWorkers: 'block',
    });
    const page: Page = await context.newPage();
    onTestFailed(async () => {
      await page
        .screenshot({ path: 'e2e/screenshots/failure-directory.png', fullPage: true })
        .catch(() => {});
    });
    await page.goto('/');
    await page.getByRole('link', { name: arabic('landing.directory_action') }).click();
    await page.getByRole('heading', { level: 1, name: arabic('public_directory.title') }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const results = page.getByRole('list', { name: arabic('public_directory.results') });
    await results.getByRole('link', { name: 'Wohnen für alle' }).waitFor();

    await page
      .getByLabel(arabic('public_directory.service_label'))
      .selectOption({ label: arabic('public_directory.service.legal_asylum') });
    await page
      .getByLabel(arabic('public_directory.language_label'))
      .selectOption({ label: languageName('ar', 'ar') });
    await page.waitForURL(/service=legal_asylum.*language=ar|language=ar.*service=legal_asylum/);
    await results.getByRole('link', { name: 'Refugee Law Clinic Leipzig' }).waitFor();
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'directory-filtered-ar', violations);

    await results.getByRole('link', { name: 'Refugee Law Clinic Leipzig' }).click();
    await page.getByRole('heading', { level: 1, name: 'Refugee Law Clinic Leipzig' }).waitFor();
    await page.getByRole('link', { name: '+49 341 000000' }).waitFor();
    expect(
      await page.getByRole('link', { name: 'https://law-clinic.example.org' }).getAttribute('href'),
    ).toBe('https://law-clinic.example.org');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'directory-entry-ar', violations);
    await context.close();
  });

  it('lets a visitor open a public network from the directory, apply with a new account in one form and land back on it', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: phone.width, height: phone.height },
      colorScheme: phone.colorScheme,
      locale: 'ar',
      serviceWorkers: 'block',
    });
    const page: Page = await context.newPage();
    onTestFailed(async () => {
      await page
        .screenshot({ path: 'e2e/screenshots/failure-directory-apply.png', fullPage: true })
        .catch(() => {});
    });
    await page.goto('/directory?text=Riverside');
    const results = page.getByRole('list', { name: arabic('public_directory.results') });
    await results.getByRole('link', { name: 'Riverside Mentors' }).click();
    await page.getByRole('link', { name: arabic('public_directory.open_network') }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Mentors' }).waitFor();

    // One form: the application and the account. No language is ticked for the visitor.
    const join = page.getByRole('region', { name: arabic('networks.home.join_title') });
    await join.getByRole('group', { name: arabic('applications.with_account.your_account') }).waitFor();
    expect(await join.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await checkBothWidths(page, 'network-apply-with-account-ar', violations);
    await join.getByRole('button', { name: arabic('applications.with_account.submit') }).click();
    await expect.poll(() => join.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(2);

    await join
      .getByLabel(arabic('applications.motivation'))
      .fill('أرافق القادمين الجدد إلى الدوائر الحكومية منذ سنوات وأريد مشاركة خبرتي.');
    await join
      .getByLabel(arabic('applications.experience'))
      .fill('خمس سنوات متطوعة في مركز استشارات للاجئين في لايبزيغ.');
    await chooseOption(page, arabic('forms.add_language'), languageName('fa', 'ar'));
    await join.getByLabel(arabic('auth.display_name')).fill('Samira Besucherin');
    await join.getByLabel(arabic('auth.email')).fill('samira@example.org');
    await join.getByLabel(arabic('auth.password'), { exact: true }).fill('amber kite meadow forty two');
    await join.getByRole('button', { name: arabic('applications.with_account.submit') }).click();
    await page
      .getByText(arabic('applications.with_account.sent_after_confirm', { network: 'Riverside Mentors' }))
      .waitFor();

    // The link in the mail confirms the address and sends the application on.
    const link = await waitForMailLink(server.dataDir, 'samira@example.org', '/verify-email?token=');
    await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await page
      .getByText(arabic('applications.with_account.sent', { network: 'Riverside Mentors' }))
      .waitFor();
    await checkBothWidths(page, 'verify-email-application-ar', violations);
    await page
      .getByRole('link', {
        name: arabic('applications.with_account.to_network', { network: 'Riverside Mentors' }),
      })
      .click();
    await page.getByLabel(arabic('auth.email')).fill('samira@example.org');
    await page.getByLabel(arabic('auth.password'), { exact: true }).fill('amber kite meadow forty two');
    await page.getByRole('button', { name: arabic('auth.sign_in.submit'), exact: true }).click();
    await page.waitForURL(/\/networks\/riverside-mentors$/);
    await page.getByText(arabic('applications.apply_pending', { network: 'Riverside Mentors' })).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await context.close();
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
