import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { checkBothWidths, launchBrowser, openNavEntry, VIEWPORTS, type Viewport } from './support/browser.ts';
import { waitForMailLink } from './support/mail.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let metaCookie = '';
const violations: string[] = [];
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'mentors-halle';
const sessionTitle = 'mentorNET MOOC spring 2026';

const meta = { email: 'meta@example.org', password: 'a lighthouse on the hill', displayName: 'Mara Meta' };
const graduate = {
  email: 'amina@example.org',
  password: 'the blue kettle whistles',
  displayName: 'Amina Haddad',
};

/**
 * A graduates file as spreadsheets export it: UTF-8 with a BOM, semicolons, a quoted name with a
 * comma and umlauts, a bad address, a blank line and a duplicate row.
 */
const CSV = [
  '\uFEFFName;E-Mail;Completed;Language',
  '"Müller, Jürgen";juergen.mueller@example.org;2026-03-01;de',
  'Amina Haddad;amina@example.org;2026-03-02;en',
  'Olek Kowalski;olek(at)example.org;2026-03-02;pl',
  '',
  'Amina Haddad;amina@example.org;2026-03-02;en',
  'Sofia Rossi;sofia@example.org;2026-03-03;it',
  '',
].join('\r\n');

async function acceptDocuments(cookie: string): Promise<void> {
  const docs = (await apiCall(server, 'GET', `/networks/${slug}/documents`, undefined, cookie)).json as {
    documents: { kind: string; version: number }[];
  };
  const version = (kind: string) => docs.documents.find((d) => d.kind === kind)?.version;
  const accepted = await apiCall(
    server,
    'POST',
    `/networks/${slug}/documents/accept`,
    { agreementVersion: version('agreement'), rulesVersion: version('rules') },
    cookie,
  );
  expect(accepted.status).toBe(200);
}

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
  // The meta-mentor's organisation and network are made through the API (the UI has its own spec).
  expect((await apiCall(server, 'POST', '/auth/register', { ...meta, locale: 'en' })).status).toBeLessThan(
    300,
  );
  const login = await apiCall(server, 'POST', '/auth/login', { email: meta.email, password: meta.password });
  expect(login.status).toBe(200);
  metaCookie = login.cookie ?? '';
  const org = await apiCall(
    server,
    'POST',
    '/organisations',
    {
      name: 'Welcome Halle',
      slug: 'welcome-halle',
      kind: 'ngo',
      country: 'DE',
      city: 'Halle',
      languages: ['de', 'en'],
    },
    metaCookie,
  );
  expect(org.status).toBe(201);
  const network = await apiCall(
    server,
    'POST',
    '/organisations/welcome-halle/networks',
    { name: 'Mentors Halle', slug, languages: ['en', 'de'], visibility: 'private' },
    metaCookie,
  );
  expect(network.status).toBe(201);
  const named = await apiCall(
    server,
    'POST',
    `/networks/${slug}/meta-mentors`,
    { email: meta.email },
    metaCookie,
  );
  expect(named.status).toBeLessThan(300);
  await acceptDocuments(metaCookie);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function context(viewport: Viewport, cookie?: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL: server.url,
    viewport: { width: viewport.width, height: viewport.height },
    colorScheme: viewport.colorScheme,
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  if (cookie) {
    const [name = '', value = ''] = cookie.split('=');
    await ctx.addCookies([{ name, value, url: server.url }]);
  }
  return ctx;
}

/** Screenshot and axe scan at both widths (see support/browser.ts). */
const check = (page: Page, name: string) => checkBothWidths(page, name, violations);

const pages: Page[] = [];
const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name }).waitFor();
const tab = (page: Page, name: string) => openNavEntry(page, name, /Sections of/);

describe('from MOOC to network', () => {
  it('a meta-mentor imports graduates, invites them, one joins with the badge; the roadmap ticks itself; goals', async () => {
    onTestFailed(async () => {
      for (const [i, page] of pages.entries()) {
        await page
          .screenshot({ path: `e2e/screenshots/failure-mooc-${i}.png`, fullPage: true })
          .catch(() => {});
      }
    });
    const metaContext = await context(laptop, metaCookie);
    const admin = await metaContext.newPage();
    pages.push(admin);

    // --- A MOOC session is recorded.
    await admin.goto(`/networks/${slug}`);
    await heading(admin, 'Mentors Halle');
    await tab(admin, 'MOOC sessions');
    await heading(admin, 'MOOC sessions');
    await admin.getByText('No session recorded yet.').waitFor();
    await admin.getByLabel('Title of the session').fill(sessionTitle);
    await admin
      .getByLabel('Course address (optional)')
      .fill('https://moodle.example.org/course/view.php?id=42');
    await admin.getByLabel('Starts on').fill('2026-02-01');
    await admin.getByLabel('Ends on').fill('2026-03-15');
    await check(admin, '70-mooc-sessions');
    await admin.getByRole('button', { name: 'Record session' }).click();
    await heading(admin, sessionTitle);
    await admin.getByText('No graduates yet.', { exact: false }).waitFor();

    // --- The CSV is checked first: every row with its problem, nothing saved yet.
    await admin.getByLabel('Graduates file (CSV)').setInputFiles({
      name: 'graduates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await admin.getByText('3 rows can be imported, 2 rows have a problem and will be skipped.').waitFor();
    const preview = admin.getByRole('region', { name: 'Rows of the file' });
    await preview.getByRole('rowheader', { name: 'Müller, Jürgen' }).waitFor();
    expect(await preview.getByRole('row').filter({ hasText: 'olek(at)example.org' }).textContent()).toContain(
      'Bad e-mail address',
    );
    expect(await preview.getByText('Duplicate in the file').count()).toBe(1);
    await check(admin, '71-mooc-import-preview');
    const before = (await apiCall(server, 'GET', `/networks/${slug}/mooc-sessions`, undefined, metaCookie))
      .json as {
      sessions: { graduates: { total: number } }[];
    };
    expect(before.sessions[0]?.graduates.total).toBe(0);

    // --- Import without fixing anything, then invite the rest.
    await admin.getByRole('button', { name: 'Import 3 graduates' }).click();
    await admin.getByText('3 graduates imported. 2 rows skipped.').waitFor();
    await admin.getByRole('button', { name: 'Invite all 3 graduates not yet invited' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Send invitations to 3 graduates, each in their language?').waitFor();
    await dialog.getByRole('button', { name: 'Send invitations' }).click();
    await admin.getByText('3 invitations sent, 0 skipped (already members).').waitFor();
    await admin.getByRole('button', { name: /^Invited 3/ }).click();
    await admin.locator('.rows > li').filter({ hasText: 'Sofia Rossi' }).locator('.badge-warn').waitFor();
    await expect.poll(() => admin.locator('.rows > li').count()).toBe(3);
    await check(admin, '72-mooc-graduates');

    // --- One graduate opens the invitation mail on a phone, joins and accepts the agreement.
    const link = await waitForMailLink(server.dataDir, graduate.email, '/invitations/');
    const phoneContext = await context(phone);
    const page = await phoneContext.newPage();
    pages.push(page);
    await page.goto(link);
    await heading(page, 'Invitation to Mentors Halle');
    await page.getByLabel('Your name').fill(graduate.displayName);
    await page.getByLabel('Password').fill(graduate.password);
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.waitForURL(`**/networks/${slug}/agreement`);
    await page.getByLabel(/I have read the agreement/).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.waitForURL((url) => url.pathname === `/networks/${slug}`);
    await page.getByText('You are Mentor in this network. (Beginner)').waitFor();

    // --- The graduate appears with the badge, and as joined in the session.
    await admin.reload();
    await heading(admin, sessionTitle);
    await admin.getByRole('button', { name: /^Joined 1/ }).click();
    await admin.locator('.rows').getByText(graduate.displayName).waitFor();
    await tab(admin, 'Members');
    await heading(admin, 'Members');
    const row = admin.locator('.member-row').filter({ hasText: graduate.displayName });
    await row.getByText(`MOOC graduate · ${sessionTitle}`).waitFor();
    await check(admin, '73-members-badge');
    await tab(admin, 'Directory');
    await admin
      .locator('.person')
      .filter({ hasText: graduate.displayName })
      .getByText(/MOOC graduate/)
      .waitFor();

    // --- The roadmap: "first graduates joined" has ticked itself; a manual step is ticked with a note.
    await tab(admin, 'Roadmap');
    await heading(admin, 'Roadmap');
    const joinedStep = admin.locator('.check-item').filter({ hasText: 'The first graduates have joined' });
    await joinedStep.getByText(/^Ticked itself on /).waitFor();
    expect(await joinedStep.getAttribute('class')).toContain('check-done');
    await admin.getByRole('button', { name: 'Mark as done: A kick-off meeting was held' }).click();
    const tick = admin.getByRole('dialog');
    await tick.getByLabel('Note (optional)').fill('At the Volkshochschule, 14 graduates came.');
    await tick.getByRole('button', { name: 'Mark as done' }).click();
    const kickoff = admin.locator('.check-item').filter({ hasText: 'A kick-off meeting was held' });
    await kickoff.getByText(`ticked by ${meta.displayName}`, { exact: false }).waitFor();
    await kickoff.getByText('At the Volkshochschule').waitFor();
    await check(admin, '74-roadmap');

    // --- Goals: one with an indicator, a progress update, the chart.
    await tab(admin, 'Goals');
    await heading(admin, 'Goals');
    await admin.getByText('No goals defined yet.').waitFor();
    await admin.getByLabel('Goal', { exact: true }).fill('Accompany 20 families');
    await admin.getByLabel('Unit', { exact: true }).fill('families');
    await admin.getByLabel('Start value').fill('0');
    await admin.getByLabel('Target').fill('20');
    await admin.getByLabel('Due date').fill('2026-12-31');
    await admin.getByRole('button', { name: 'Define goal' }).click();
    await heading(admin, 'Accompany 20 families');
    await admin.getByLabel('New value (families)').fill('6');
    await admin.getByLabel('Comment').fill('Six families since the kick-off.');
    await admin.getByRole('button', { name: 'Post update' }).click();
    await admin.getByText('Thank you, your update is posted.').waitFor();
    await admin.getByText('6 of 20 families (30 %)').waitFor();
    const chart = admin.getByRole('img', { name: /Chart of 2 values; latest 6 families, target 20/ });
    await chart.waitFor();
    expect(await chart.locator('circle').count()).toBe(2);
    await admin
      .getByRole('region', { name: 'Progress updates' })
      .getByRole('cell', { name: 'Six families since the kick-off.' })
      .waitFor();
    await check(admin, '75-goal');
    await tab(admin, 'Goals');
    await admin.getByRole('link', { name: 'Accompany 20 families' }).waitFor();
    await check(admin, '76-goals');
    await tab(admin, 'Overview');
    await admin.getByRole('heading', { name: 'Our goals' }).waitFor();
    await check(admin, '77-network-home-goals');

    // --- The roadmap in Arabic, right to left.
    await tab(admin, 'Roadmap');
    await heading(admin, 'Roadmap');
    await admin.locator('.language-picker select').selectOption('ar');
    await heading(admin, 'خريطة الطريق');
    expect(await admin.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The checklist comes again from the server, in Arabic.
    await admin.getByText('انضمّ أوائل الخرّيجين').waitFor();
    await check(admin, '78-roadmap-ar');
    await admin.locator('.language-picker select').selectOption('en');

    await metaContext.close();
    await phoneContext.close();
    expect(violations).toEqual([]);
  });
});
