import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
import { arabic } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

/**
 * The mentoring log on a phone: from signing in to a logged activity in well under a minute, the
 * second entry prefilled from the first, the privacy check on the note, edit and delete, the CSV
 * download, and the page in Arabic at 390 px; the impact report as CSV and PDF in German and in
 * Arabic, of the network and across the organisation's networks.
 */
let server: TestServer;
let browser: Browser;
const violations: string[] = [];
const [phone] = VIEWPORTS as [Viewport, Viewport];
const slug = 'log-net';
let orgSlug = '';

const olga = {
  email: 'olga.log@example.org',
  password: 'a lighthouse on the hill',
  displayName: 'Olga Meta',
};
const tom = { email: 'tom.log@example.org', password: 'pebbles by the river', displayName: 'Tom Mentor' };
const rania = { email: 'rania.log@example.org', password: 'jasmine under the window', displayName: 'Rania' };
let seed: NetworkSeed;
const call = (who: string, method: string, path: string, body?: unknown) =>
  seed.call(who, method, path, body);

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  orgSlug = await seed.foundNetwork('olga', olga, { name: 'Log Network', languages: ['en', 'ar'] });
  await seed.join('olga', 'tom', tom);
  await seed.join('olga', 'rania', rania, { locale: 'ar' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pages: Page[] = [];
function photographFailures(): void {
  onTestFailed(async () => {
    for (const [i, page] of pages.entries()) {
      await page.screenshot({ path: `e2e/screenshots/failure-log-${i}.png`, fullPage: true }).catch(() => {});
    }
  });
}

describe('the mentoring log on a phone', () => {
  it('logs an activity in under a minute from signing in, then a second one prefilled', async () => {
    photographFailures();
    const context = await newContext(browser, server.url, phone);
    const page = await context.newPage();
    pages.push(page);
    const started = Date.now();
    await page.goto('/signin');
    await page.getByLabel('E-mail address').fill(tom.email);
    await page.getByLabel('Password').fill(tom.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/home');
    // The address changes before the home page is drawn (the router renders it as a transition);
    // the header's menu closes when the page arrives, so open it once the page is there.
    await page.getByRole('heading', { level: 1, name: 'Welcome, Tom Mentor' }).waitFor();
    await openNavEntry(page, 'My log');
    await page.getByRole('heading', { level: 1, name: 'My log' }).waitFor();
    await page.getByLabel('Mentee code').fill('K12');
    await page.getByText('90 min', { exact: true }).click();
    await page.getByText('Accompaniment to an office').click();
    await page.getByText('Topics:').click();
    await page.getByLabel('Work', { exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved in your log.').waitFor();
    expect(Date.now() - started, 'from sign-in to a logged activity').toBeLessThan(60_000);
    await page.locator('.activity-row').filter({ hasText: 'K12' }).waitFor();
    await checkBothWidths(page, 'log-10-saved', violations);

    // The next entry starts from the last one: only the note is new.
    expect(await page.getByLabel('Mentee code').inputValue()).toBe('K12');
    expect(await page.getByLabel('Minutes').inputValue()).toBe('90');
    expect(await page.getByLabel('Accompaniment to an office').isChecked()).toBe(true);
    await page
      .getByLabel('Note (only you see it)')
      .fill('Amina was afraid of the appointment at the Jobcenter.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByLabel(/I have checked the text/).waitFor();
    await page.getByLabel(/I have checked the text/).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved in your log.').waitFor();
    await expect.poll(() => page.locator('.activity-row').count()).toBe(2);
    // After a reload too (the values live on the device).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My log' }).waitFor();
    expect(await page.getByLabel('Mentee code').inputValue()).toBe('K12');

    // Edit one, delete the other after confirming.
    await page.locator('.activity-row').first().getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Minutes').fill('45');
    await page.getByLabel('Note (only you see it)').fill('Practised the way to the office.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved in your log.').waitFor();
    await page.locator('.activity-row').filter({ hasText: '45 min' }).waitFor();
    await page
      .locator('.activity-row')
      .filter({ hasText: '1 h 30 min' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.activity-row').count()).toBe(1);

    // The CSV download of one's own log.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFDate,Network,Duration (minutes),Kind,Topics,Mentee code,Note')).toBe(true);
    expect(csv).toContain(
      'Log Network,45,Accompaniment to an office,Work,K12,Practised the way to the office.',
    );
    await context.close();
  });

  it('works in Arabic, right to left, at 390 px', async () => {
    const context = await seed.signedInContext(browser, 'rania', phone);
    const page = await context.newPage();
    pages.push(page);
    await page.goto('/log');
    await page.getByRole('heading', { level: 1, name: arabic('activities.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByLabel(arabic('activities.form.mentee_code')).fill('ر7');
    await page.getByText(arabic('activities.kind.phone_online')).click();
    await page.getByRole('button', { name: arabic('activities.form.save'), exact: true }).click();
    await page.getByText(arabic('activities.saved')).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'log-20-arabic', violations);
    await context.close();
  });

  it('lets the meta-mentor download the impact report as CSV and PDF in German and in Arabic', async () => {
    const context = await seed.signedInContext(browser, 'olga', phone);
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`/networks/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Log Network' }).waitFor();
    await openNavEntry(page, 'Impact report', /Log Network/);
    await page.getByRole('heading', { level: 1, name: 'Impact report' }).waitFor();
    await page.getByText('In short').waitFor();
    await checkBothWidths(page, 'log-30-report', violations);
    const download = async (link: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: link }).click(),
      ]);
      return file.path();
    };
    await page.getByLabel('Language of the report').selectOption('de');
    const pdf = await download('Download PDF');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Wirkungsbericht: Log Network');
    expect(text).toContain('Mentoring-Stunden nach Monat');
    const germanCsv = readFileSync(await download('Download CSV'), 'utf8');
    expect(germanCsv.startsWith('\uFEFFWirkungsbericht,Log Network')).toBe(true);
    expect(germanCsv).toContain('Zeitraum,');
    await page.getByLabel('Language of the report').selectOption('ar');
    const csv = readFileSync(await download('Download CSV'), 'utf8');
    expect(csv.startsWith('\uFEFFتقرير الأثر,Log Network')).toBe(true);
    // pdftotext may split joined Arabic words and marks runs with directional controls: the letters,
    // in reading order, must be there.
    const letters = (value: string) => value.replace(/[\s\u202a-\u202e\u2066-\u2069]/g, '');
    const arabicPdf = execFileSync('pdftotext', ['-enc', 'UTF-8', await download('Download PDF'), '-'], {
      encoding: 'utf8',
    });
    expect(letters(arabicPdf)).toContain(letters('تقرير الأثر'));
    expect(letters(arabicPdf)).toContain(letters('ساعات الإرشاد حسب الشهر'));
    await context.close();
  });

  it('lets the organisation’s admin download the report across its networks, and read it in Arabic', async () => {
    const context = await seed.signedInContext(browser, 'olga', phone);
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`/organisations/${orgSlug}`);
    await page.getByRole('heading', { level: 1, name: 'Welcome House' }).waitFor();
    await page.getByRole('link', { name: 'Impact report across these networks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impact report' }).waitFor();
    await page.getByText('In short').waitFor();
    await checkBothWidths(page, 'log-40-organisation-report', violations);
    await page.getByLabel('Language of the report').selectOption('de');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFFWirkungsbericht,Welcome House')).toBe(true);
    expect(csv).toContain('Netzwerke,Log Network');
    // The same page in Arabic: right to left, nothing wider than the phone.
    await call('olga', 'PATCH', '/me', { locale: 'ar' });
    try {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: arabic('reports.title') }).waitFor();
      await page.getByText(arabic('reports.page.preview')).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        phone.width,
      );
      await checkBothWidths(page, 'log-41-organisation-report-arabic', violations);
    } finally {
      await call('olga', 'PATCH', '/me', { locale: 'en' });
    }
    await context.close();
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
