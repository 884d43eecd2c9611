import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  checkBothWidths,
  launchBrowser,
  newContext,
  openNavEntry,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { waitForMailLink } from './support/mail.ts';
import { arabic } from './support/messages.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let cookie = '';
const violations: string[] = [];
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'demo-mentors-musterstadt';
const drifter = 'Dario Drifting (demo)';

/**
 * The demo data (seed-demo): a network with months of history, two members drifting away and
 * warnings. Its meta-mentor reads the app in Arabic for this flow.
 */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    email: 'admin@example.org',
    password: 'admin platform passphrase',
    displayName: 'Admin',
    locale: 'en',
  });
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'seed-demo'], {
    cwd: new URL('../', import.meta.url).pathname,
    env: {
      ...process.env,
      DATA_DIR: server.dataDir,
      DATABASE_URL: undefined,
      PASSWORD_HASH_COST: 'low',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const login = await apiCall(server, 'POST', '/auth/login', {
    email: 'meta.mentor@demo.example.org',
    password: 'demo-mentornet-2026',
  });
  expect(login.status).toBeLessThan(300);
  cookie = login.cookie ?? '';
  expect((await apiCall(server, 'PATCH', '/me', { locale: 'ar' }, cookie)).status).toBe(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Elements of the page's own content wider than the page (the health page at 390 px has none). The
 * site header is left out: with unread badges in Arabic it is wider than a phone on every page.
 * Text kept for screen readers only is 1 px wide by design; a table scrolls inside its own region.
 * A loading spinner turns: turned, its box stands out of its place by a fifth of its size at the
 * page's edge, which takes no room (it was caught once while a section of the page still loaded).
 */
function pageOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('main .page');
    if (!root) return ['no page'];
    const { left, right } = root.getBoundingClientRect();
    return [root, ...root.querySelectorAll('*')]
      .filter((e) => !e.closest('.visually-hidden') && !e.parentElement?.closest('details:not([open])'))
      .filter((e) => !e.parentElement?.closest('.table-wrap') && !e.classList.contains('spinner'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        const scrolls = e.classList.contains('table-wrap');
        return (
          r.width > 0 &&
          (r.left < left - 1 || r.right > right + 1 || (!scrolls && e.scrollWidth > e.clientWidth + 1))
        );
      })
      .map((e) => `${e.tagName}.${e.className}`);
  });
}

async function signedIn(viewport: Viewport): Promise<Page> {
  const context = await newContext(browser, server.url, viewport);
  const [name, value] = cookie.split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  return context.newPage();
}

describe('network health', () => {
  it('a meta-mentor on a phone sees a warning and a drifting member, and sends them a note', async () => {
    const page = await signedIn(phone);
    onTestFailed(async () => {
      await page.screenshot({ path: 'e2e/screenshots/failure-health.png', fullPage: true }).catch(() => {});
    });
    await page.goto(`/networks/${slug}`);
    await page.locator('html[dir="rtl"]').waitFor();
    await page.locator('nav.tabs').waitFor();
    await openNavEntry(page, arabic('networks.nav.health'));
    await page.getByRole('heading', { level: 1, name: arabic('health.title') }).waitFor();

    // A warning with its suggested action, and the drifting member with when they were last active.
    await page.getByText(arabic('health.warning.single_meta_mentor.text')).waitFor();
    await page.getByRole('link', { name: arabic('health.warning.single_meta_mentor.action') }).waitFor();
    await page.getByRole('link', { name: drifter }).waitFor();
    expect(await pageOverflow(page)).toEqual([]);
    await checkBothWidths(page, 'h1-health-ar', violations);

    // A chart's figures as a table.
    await page.getByText(arabic('health.chart.show_table')).first().click();
    await page.getByRole('table', { name: arabic('health.chart.active') }).waitFor();
    expect(await pageOverflow(page)).toEqual([]);
    await checkBothWidths(page, 'h2-health-table-ar', violations);

    // One click opens a direct conversation with them; the note is sent.
    await page.getByRole('button', { name: arabic('health.drifting.note_to', { name: drifter }) }).click();
    await page.waitForURL(/\/messages\/[\w-]+$/);
    const note = 'Wir vermissen dich im Netzwerk – magst du beim nächsten Treffen vorbeikommen?';
    await page.getByLabel(arabic('messages.compose_label')).fill(note);
    await page.getByRole('button', { name: arabic('messages.send'), exact: true }).click();
    await page.getByText(note).waitFor();
    await checkBothWidths(page, 'h3-health-note-ar', violations);
  });

  it('a meta-mentor on a phone confirms a suggested next step, and the member is told kindly', async () => {
    const page = await signedIn(phone);
    onTestFailed(async () => {
      await page
        .screenshot({ path: 'e2e/screenshots/failure-progression.png', fullPage: true })
        .catch(() => {});
    });
    const anna = 'Anna Aktiv (demo)';
    await page.goto(`/networks/${slug}/progression`);
    await page.getByRole('heading', { level: 1, name: arabic('progression.title') }).waitFor();
    // The demo suggests Anna as an experienced mentor, with the reasons.
    const row = page.locator('section[aria-labelledby="progression-suggestions"] li.row', { hasText: anna });
    await row.getByText(arabic('progression.step_experienced')).waitFor();
    expect(await pageOverflow(page)).toEqual([]);
    await checkBothWidths(page, 'h5-progression-ar', violations);
    await row.getByRole('button', { name: arabic('progression.confirm') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(anna, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: arabic('progression.confirm') }).click();
    await page.getByText(arabic('progression.done')).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await checkBothWidths(page, 'h6-progression-confirmed-ar', violations);

    // Anna (who reads German) finds a warm word among her notifications on her phone.
    const email = 'health.anna@demo.example.org';
    expect((await apiCall(server, 'POST', '/auth/password-reset/request', { email })).status).toBeLessThan(
      300,
    );
    const link = await waitForMailLink(server.dataDir, email, '/reset-password?token=');
    const token = new URL(link).searchParams.get('token') ?? '';
    const password = 'a kettle on the stove';
    const reset = await apiCall(server, 'POST', '/auth/password-reset/confirm', { token, password });
    expect(reset.status).toBeLessThan(300);
    const login = await apiCall(server, 'POST', '/auth/login', { email, password });
    expect(login.status).toBeLessThan(300);
    const context = await newContext(browser, server.url, phone);
    const [name, value] = (login.cookie ?? '').split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const annaPage = await context.newPage();
    await annaPage.goto('/notifications');
    await annaPage.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    await annaPage
      .getByText(
        /hat dich als erfahrene Mentorin bzw\. erfahrenen Mentor in .*Musterstadt.* bestätigt\. Danke für alles, was du gibst!/,
      )
      .waitFor();
    // (Her page's own content fits the phone; the site header is left out as above.)
    expect(await pageOverflow(annaPage)).toEqual([]);
    await checkBothWidths(annaPage, 'h7-progression-told-de', violations);
    await context.close();
  });

  it('an organisation admin sees its networks side by side and opens one’s dashboard', async () => {
    const login = await apiCall(server, 'POST', '/auth/login', {
      email: 'org.admin@demo.example.org',
      password: 'demo-mentornet-2026',
    });
    const context = await newContext(browser, server.url, laptop);
    const [name, value] = (login.cookie ?? '').split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto('/organisations/demo-welcome-association');
    const table = page.getByRole('table', { name: 'Gesundheit der Netzwerke' });
    await table.waitFor();
    await checkBothWidths(page, 'h4-organisation-health-de', violations);
    await table.getByRole('link', { name: 'Mentors of Musterstadt (demo)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gesundheit des Netzwerks' }).waitFor();
    await page.getByRole('link', { name: drifter }).waitFor();
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
