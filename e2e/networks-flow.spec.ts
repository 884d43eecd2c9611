import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import ar from '../common/i18n/ar.json';
import {
  checkBothWidths,
  chooseOption,
  launchBrowser,
  openNavEntry,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { waitForMailLink } from './support/mail.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const violations: string[] = [];
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];

const orgAdmin = {
  email: 'organiser@example.org',
  password: 'a lighthouse on the hill',
  displayName: 'Olga Organiser',
};
const mentor = {
  email: 'mentor@example.org',
  password: 'the blue kettle whistles',
  displayName: 'Milan Mentor',
};
const colleague = {
  email: 'colleague@example.org',
  password: 'seven sparrows at noon',
  displayName: 'Layla Colleague',
};

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
  // The organisation admin's account is made through the API (sign-up has its own spec).
  const registered = await apiCall(server, 'POST', '/auth/register', { ...orgAdmin, locale: 'en' });
  expect(registered.status).toBeLessThan(300);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function context(viewport: Viewport): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: server.url,
    viewport: { width: viewport.width, height: viewport.height },
    colorScheme: viewport.colorScheme,
    locale: 'en-US',
    serviceWorkers: 'block',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

/** Screenshot and axe scan at both widths (see support/browser.ts). */
const check = (page: Page, name: string) => checkBothWidths(page, name, violations);

/** Pages of the running test, photographed when it fails. */
const pages: Page[] = [];
function photographFailures(): void {
  onTestFailed(async () => {
    for (const [i, page] of pages.entries()) {
      await page.screenshot({ path: `e2e/screenshots/failure-${i}.png`, fullPage: true }).catch(() => {});
    }
  });
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

describe('organisations, networks, invitations and the agreement', () => {
  it('an organisation founds a network; an invited mentor registers, accepts the agreement and finds a colleague', async () => {
    photographFailures();
    // --- The organisation admin signs in, adds an organisation and founds a network.
    const adminContext = await context(laptop);
    const admin = await adminContext.newPage();
    pages.push(admin);
    await admin.goto('/signin');
    await admin.getByLabel('E-mail address').fill(orgAdmin.email);
    await admin.getByLabel('Password').fill(orgAdmin.password);
    await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
    await heading(admin, `Welcome, ${orgAdmin.displayName}`);
    await admin.getByText('You are not in a network yet.').waitFor();
    await check(admin, '40-home-empty');

    await admin.getByRole('link', { name: 'Add an organisation' }).click();
    await heading(admin, 'Add an organisation');
    await admin.getByLabel('Name of the organisation').fill('Refugee Aid Leipzig');
    await admin.getByLabel('City').fill('Leipzig');
    await chooseOption(admin, 'Add a language…', 'German');
    await admin.getByLabel('Housing').check();
    await admin.getByLabel('Work', { exact: true }).check();
    await check(admin, '41-organisation-new');
    await admin.getByRole('button', { name: 'Add organisation' }).click();
    await heading(admin, /Refugee Aid Leipzig/);
    await check(admin, '42-organisation');

    await admin.getByRole('link', { name: 'Found a network' }).click();
    await heading(admin, 'Found a network');
    await admin.getByLabel('Name of the network').fill('Mentors Leipzig');
    await admin.getByLabel('Web address (optional)').fill('mentors-leipzig');
    await admin.getByLabel('Region', { exact: true }).fill('Leipzig and surroundings');
    await admin.getByLabel(/^Public/).check();
    await admin.getByRole('button', { name: 'Found network' }).click();
    await heading(admin, 'Network settings');
    await admin.getByText('Mentors Leipzig has been founded.').waitFor();

    // Name the organiser (an existing account) meta-mentor.
    await admin.getByLabel('E-mail address of the meta-mentor').fill(orgAdmin.email);
    await admin.getByRole('button', { name: 'Name meta-mentor' }).click();
    await admin.getByText('Done: they are now a meta-mentor of this network.').waitFor();
    await check(admin, '43-network-settings');

    // Invite the mentor by e-mail, and make a link for a colleague.
    await openNavEntry(admin, 'Invitations', /Sections of/);
    await heading(admin, 'Invitations');
    await admin.getByLabel('E-mail address').fill(mentor.email);
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${mentor.email}.`).waitFor();
    // A second meta-mentor, who has no account yet, is invited by e-mail too.
    await admin.getByLabel('E-mail address').fill('meta@example.org');
    await admin.getByLabel('Role in the network').selectOption('meta_mentor');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText('Invitation sent to meta@example.org.').waitFor();
    await waitForMailLink(server.dataDir, 'meta@example.org', '/invitations/');
    await admin.getByLabel('Role in the network').selectOption('mentor');
    await admin.getByLabel(/^Shareable link/).check();
    await admin.getByLabel('Experienced').check();
    await admin.getByRole('button', { name: 'Create link' }).click();
    const linkInput = admin.getByLabel('Invitation link');
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    expect(link).toContain('/invitations/');
    await check(admin, '44-invitations');

    // The colleague joins by the link through the API, accepts, and fills in a profile with Arabic.
    const token = new URL(link).pathname.split('/').pop() ?? '';
    const joined = await apiCall(server, 'POST', `/invitations/${token}/accept`, {
      ...colleague,
      locale: 'ar',
    });
    expect(joined.status).toBeLessThan(300);
    const cookie = joined.cookie;
    const docs = (await apiCall(server, 'GET', '/networks/mentors-leipzig/documents', undefined, cookie))
      .json as {
      documents: { kind: string; version: number }[];
    };
    const version = (kind: string) => docs.documents.find((d) => d.kind === kind)?.version;
    const accepted = await apiCall(
      server,
      'POST',
      '/networks/mentors-leipzig/documents/accept',
      { agreementVersion: version('agreement'), rulesVersion: version('rules') },
      cookie,
    );
    expect(accepted.status).toBe(200);
    const profile = await apiCall(
      server,
      'PUT',
      '/me/profile',
      {
        languages: ['ar', 'de', 'fr'],
        expertise: ['housing', 'asylum_residence'],
        region: 'Leipzig-Ost',
        availability: 'Weekday evenings',
        experienceLevel: 'experienced',
        bio: '',
        visibility: 'network',
      },
      cookie,
    );
    expect(profile.status).toBe(200);

    // --- The mentor opens the invitation mail on a phone and registers through the invitation page.
    const invitationLink = await waitForMailLink(server.dataDir, mentor.email, '/invitations/');
    const mentorContext = await context(phone);
    const page = await mentorContext.newPage();
    pages.push(page);
    await page.goto(invitationLink);
    await heading(page, 'Invitation to Mentors Leipzig');
    await page.getByText(`${orgAdmin.displayName} invites you to join`).waitFor();
    await check(page, '45-invitation');
    await page.getByLabel('Your name').fill(mentor.displayName);
    await page.getByLabel('Password').fill(mentor.password);
    await page.getByRole('button', { name: 'Create account and join' }).click();

    // The gate: only the agreement and rules, nothing else of the network.
    await page.waitForURL('**/networks/mentors-leipzig/agreement');
    await heading(page, 'Agreement and communication rules');
    await page.getByText('Until then, nothing else of the network is open to you.').waitFor();
    expect(await page.getByRole('navigation', { name: /Sections of/ }).count()).toBe(0);
    await check(page, '46-agreement-gate');
    await page.goto('/networks/mentors-leipzig/directory');
    await page.waitForURL('**/networks/mentors-leipzig/agreement');
    await page.goto('/networks/mentors-leipzig/members');
    await page.waitForURL('**/networks/mentors-leipzig/agreement');
    const blocked = await page.evaluate(async () => {
      const response = await fetch('/api/networks/mentors-leipzig/directory');
      return { status: response.status, body: await response.json() };
    });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('AGREEMENT_REQUIRED');

    // Accepting without ticking the box is caught; then accept for real.
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByText('Please tick the box').waitFor();
    await page.getByLabel(/I have read the agreement/).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.waitForURL((url) => url.pathname === '/networks/mentors-leipzig');
    await heading(page, 'Mentors Leipzig');
    await page.getByText('You are Mentor in this network.').waitFor();
    await check(page, '47-network-home');

    // Find a colleague in the directory by language.
    await page.getByRole('link', { name: 'Find colleagues in the directory' }).click();
    await heading(page, 'Member directory');
    await chooseOption(page, 'Speaks', 'Arabic');
    await page.getByRole('button', { name: 'Show members' }).click();
    await page.waitForURL(/language=ar/);
    const results = page.locator('.person');
    await results.first().getByText(colleague.displayName).waitFor();
    // The list may still be settling (a refetch replaces it): wait until it holds just the colleague.
    await expect.poll(() => results.count()).toBe(1);
    await results.first().getByText(colleague.displayName).waitFor();
    await check(page, '48-directory-arabic');

    // The same directory in Arabic, right to left.
    await page.locator('.language-picker select').selectOption('ar');
    await heading(page, 'دليل الأعضاء');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await check(page, '49-directory-ar');
    await page.locator('.language-picker select').selectOption('en');
    await heading(page, 'Member directory');

    // Her card leads to her full profile, which offers a message and leads back.
    await results.first().getByRole('link', { name: colleague.displayName }).click();
    await heading(page, colleague.displayName);
    await page.getByText('Weekday evenings').waitFor();
    await page.getByText(/Leipzig-Ost/).waitFor();
    await page.getByRole('button', { name: `Send a message to ${colleague.displayName}` }).waitFor();
    await check(page, '59-person');
    await page.locator('.language-picker select').selectOption('ar');
    await page.locator('html[dir="rtl"]').waitFor();
    await check(page, '59a-person-ar');
    await page.locator('.language-picker select').selectOption('en');
    await page.getByRole('link', { name: '← Back to the directory' }).click();
    await heading(page, 'Member directory');

    // Profile: a file that is not a picture is refused before it is sent.
    await openNavEntry(page, 'Profile', 'Main');
    await heading(page, 'Your profile');
    await page.getByLabel('Upload a photo').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a picture'),
    });
    await page.getByText('This file is not a JPEG, PNG or WebP picture.').waitFor();
    await check(page, '50-profile');

    // --- Back to the organiser: members, acceptances, log, office.
    await admin.goto('/networks/mentors-leipzig/members');
    await heading(admin, 'Members');
    await admin.getByText(mentor.displayName).waitFor();
    await check(admin, '51-members');
    await admin.getByRole('button', { name: `Remove ${colleague.displayName} from the network` }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Reason').fill('Moved to another city');
    await check(admin, '52-remove-member');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await admin.getByText(`${colleague.displayName} has been removed from the network.`).waitFor();

    // The removed colleague applies again (public network), thinks better of it and withdraws on
    // her phone — in Arabic, the language of her account.
    const application = {
      motivation: 'I am back in Leipzig and would like to help again.',
      experience: 'Three years of mentoring families in housing matters.',
      languages: ['ar', 'de'],
    };
    const firstTry = await apiCall(
      server,
      'POST',
      '/networks/mentors-leipzig/applications',
      application,
      cookie,
    );
    expect(firstTry.status).toBe(201);
    const colleagueContext = await context(phone);
    const [cookieName, cookieValue] = (cookie ?? '').split(/=(.*)/s) as [string, string];
    await colleagueContext.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    const applicant = await colleagueContext.newPage();
    pages.push(applicant);
    await applicant.goto('/home');
    await applicant.locator('html[dir="rtl"]').waitFor();
    const withdraw = applicant.getByRole('button', {
      // The network's Latin name is isolated (U+2068 … U+2069) inside the Arabic sentence.
      name: ar.applications.withdraw_named.replace('{network}', '\u2068Mentors Leipzig\u2069'),
    });
    await withdraw.click();
    const withdrawDialog = applicant.getByRole('dialog');
    await withdrawDialog.getByRole('button', { name: ar.common.cancel }).click();
    await expect.poll(() => withdrawDialog.count()).toBe(0);
    await withdraw.click();
    await check(applicant, '58-withdraw-application-ar');
    await withdrawDialog.getByRole('button', { name: ar.applications.withdraw, exact: true }).click();
    await applicant
      .getByText(ar.applications.withdrawn_done.replace('{network}', '\u2068Mentors Leipzig\u2069'))
      .waitFor();
    await expect.poll(() => withdraw.count()).toBe(0);
    await colleagueContext.close();

    // She applies once more; the organiser approves with a message.
    const applied = await apiCall(
      server,
      'POST',
      '/networks/mentors-leipzig/applications',
      application,
      cookie,
    );
    expect(applied.status).toBe(201);
    await openNavEntry(admin, 'Applications', /Sections of/);
    await heading(admin, 'Applications');
    await admin.getByText('I am back in Leipzig').waitFor();
    await check(admin, '57-applications');
    await admin.getByRole('button', { name: `Approve the application of ${colleague.displayName}` }).click();
    await admin.getByRole('dialog').getByLabel('Message to the applicant (optional)').fill('Welcome back!');
    await admin.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await admin.getByText(`${colleague.displayName} is now a member.`).waitFor();
    await admin.getByText('No applications are waiting for a decision.').waitFor();

    await admin.goto('/networks/mentors-leipzig/agreement/acceptances');
    await heading(admin, 'Who has accepted');
    await check(admin, '53-acceptances');
    await admin.goto('/networks/mentors-leipzig/audit');
    await heading(admin, 'Membership log');
    await admin.getByText('reason: Moved to another city').waitFor();
    await check(admin, '54-audit');
    await admin.goto('/networks/mentors-leipzig/office');
    await heading(admin, 'Network office');
    await admin.getByLabel('The office works online only').check();
    await admin.getByLabel('Office hours').fill('Tuesdays 10–12');
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Saved.').waitFor();
    await check(admin, '55-office');
    await admin.goto('/networks/mentors-leipzig/agreement/publish/rules');
    await heading(admin, 'Publish new communication rules');
    await check(admin, '56-publish-rules');

    // A second version of the rules: the history lists both, who published them, and either text.
    await admin.getByLabel('Title').fill('Our rules, second edition');
    await admin
      .getByRole('textbox', { name: 'Text', exact: true })
      .fill('# Our rules, second edition\n\nAnswer questions within **two days**.');
    await admin.getByRole('button', { name: 'Publish new version' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Publish new version' }).click();
    await heading(admin, 'Agreement and communication rules');
    await admin.getByRole('heading', { level: 2, name: 'Our rules, second edition' }).waitFor();
    await admin.getByRole('link', { name: 'Version history of the rules' }).click();
    await heading(admin, 'Versions of the communication rules');
    const versionRows = admin.locator('.version-list > li');
    await expect.poll(() => versionRows.count()).toBe(2);
    await versionRows.first().getByText(`by ${orgAdmin.displayName}`).waitFor();
    await admin.getByRole('heading', { level: 2, name: 'Our rules, second edition' }).waitFor();
    await admin.getByRole('link', { name: 'Version 1', exact: true }).click();
    await admin.waitForURL(/version=1/);
    await admin
      .getByRole('heading', { level: 2, name: 'Communication rules of the Mentors Leipzig network' })
      .waitFor();
    await admin.getByText('an earlier version').waitFor();
    await check(admin, '56a-rules-history');
    await admin.locator('.language-picker select').selectOption('ar');
    await admin.locator('html[dir="rtl"]').waitFor();
    await check(admin, '56b-rules-history-ar');
    await admin.locator('.language-picker select').selectOption('en');
    await heading(admin, 'Versions of the communication rules');

    await adminContext.close();
    await mentorContext.close();
    expect(violations).toEqual([]);
  });
});
