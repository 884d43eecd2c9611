import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { checkBothWidths, launchBrowser, openNavEntry, VIEWPORTS, type Viewport } from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

/**
 * Volunteer records (B6) on a phone: the meta-mentor puts a mentor on leave and back, each after a
 * confirmation; the office, in Arabic and right to left at 390 px, records a departure with the
 * handover of a mentee code and sets how long records are kept from the network's settings page.
 */
let server: TestServer;
let browser: Browser;
const violations: string[] = [];
const [phone] = VIEWPORTS as [Viewport, Viewport];
const slug = 'records-net';

const olga = {
  email: 'olga.rec@example.org',
  password: 'a lighthouse on the hill',
  displayName: 'Olga Meta',
};
const tom = { email: 'tom.rec@example.org', password: 'pebbles by the river', displayName: 'Tom Mentor' };
const lea = { email: 'lea.rec@example.org', password: 'swallows over the barn', displayName: 'Lea Leaving' };
const rania = { email: 'rania.rec@example.org', password: 'jasmine under the window', displayName: 'Rania' };
const ids: Record<string, string> = {};
let seed: NetworkSeed;
const call = (who: string, method: string, path: string, body?: unknown) =>
  seed.call(who, method, path, body);

/** Members are known by their address; the meta-mentor by her name. */
async function join(person: typeof tom, role: 'mentor' | 'office', locale: string) {
  ids[person.email] = await seed.join('olga', person.email, person, { role, locale });
}

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', olga, { name: 'Records Network', languages: ['en', 'ar'] });
  await join(tom, 'mentor', 'en');
  await join(lea, 'mentor', 'en');
  await join(rania, 'office', 'ar');
  await call(lea.email, 'POST', `/networks/${slug}/activities`, {
    date: new Date().toISOString().slice(0, 10),
    durationMinutes: 60,
    kind: 'meeting',
    menteeCode: 'K12',
    topics: ['work'],
  });
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
      await page
        .screenshot({ path: `e2e/screenshots/failure-records-${i}.png`, fullPage: true })
        .catch(() => {});
    }
  });
}

async function signedInPage(who: string) {
  const context = await seed.signedInContext(browser, who, phone);
  const page = await context.newPage();
  pages.push(page);
  return { context, page };
}

describe('volunteer records on a phone', () => {
  it('lets the meta-mentor put a mentor on leave and back, each confirmed', async () => {
    photographFailures();
    const { context, page } = await signedInPage('olga');
    await page.goto(`/networks/${slug}/members`);
    await page
      .locator('.member-row')
      .filter({ hasText: 'Tom Mentor' })
      .getByRole('link', { name: 'Volunteer record' })
      .click();
    await page.getByRole('heading', { level: 1, name: /Volunteer record of .*Tom Mentor/ }).waitFor();
    await page.getByText('Active', { exact: true }).waitFor();
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('On leave until').fill(until);
    await page.getByRole('button', { name: 'Put on leave' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/will not be suggested|not suggested as a helper/).waitFor();
    await dialog.getByRole('button', { name: 'Put on leave' }).click();
    await page.getByText('Saved: on leave.').waitFor();
    await page.getByText(/^On leave until /).waitFor();
    await checkBothWidths(page, 'records-10-on-leave', violations);
    // The directory says so too.
    const directory = (await call('olga', 'GET', `/networks/${slug}/directory`)) as {
      entries: { userId: string; leaveUntil: string | null }[];
    };
    expect(directory.entries.find((e) => e.userId === ids[tom.email])?.leaveUntil).toBe(until);

    await page.getByRole('button', { name: 'Back from leave' }).click();
    await dialog.getByRole('button', { name: 'Back from leave' }).click();
    await page.getByText('Saved: back from leave.').waitFor();
    await page.getByText('Active', { exact: true }).waitFor();
    await context.close();
  });

  it('lets the meta-mentor add a check, refused first for a validity before the day seen, and the mentor read it', async () => {
    photographFailures();
    const { context, page } = await signedInPage('olga');
    await page.goto(`/networks/${slug}/members/${ids[tom.email]}/record`);
    await page.getByRole('heading', { level: 1, name: /Volunteer record of .*Tom Mentor/ }).waitFor();
    await page.getByText('No checks recorded yet.').waitFor();
    const form = page.getByRole('form', { name: 'Add a check' });
    await form.getByLabel('Kind of check').fill('Certificate of good conduct seen');
    await form.getByLabel('Seen on').fill('2026-11-20');
    await form.getByLabel('Valid until (optional)').fill('2026-11-01');
    await form.getByRole('button', { name: 'Add check' }).click();
    await form.getByText('“Valid until” cannot be before the day the check was seen.').waitFor();
    await form.getByLabel('Valid until (optional)').fill('2029-11-20');
    await form.getByRole('button', { name: 'Add check' }).click();
    await form.getByText('Saved.').waitFor();
    const row = page.locator('li.row').filter({ hasText: 'Certificate of good conduct seen' });
    await row.getByText('valid until November 20, 2029').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'records-15-check-added', violations);
    await context.close();

    // Tom opens his own record from the home page: the check, and no forms.
    const own = await signedInPage(tom.email);
    await own.page.goto('/');
    await own.page.getByRole('link', { name: 'My volunteer record' }).click();
    await own.page.getByRole('heading', { level: 1, name: 'My volunteer record' }).waitFor();
    await own.page.getByText('Certificate of good conduct seen').waitFor();
    await own.page.getByText('Only the network’s meta-mentors and office can change this record.').waitFor();
    expect(await own.page.locator('main form').count()).toBe(0);
    await own.context.close();
  });

  it('lets the office record a departure with the handover, in Arabic, right to left, at 390 px', async () => {
    const { context, page } = await signedInPage(rania.email);
    await page.goto(`/networks/${slug}/members/${ids[lea.email]}/record`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Lea Leaving' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: arabic('records.depart_button') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: arabic('records.handover_heading') }).waitFor();
    await dialog.getByLabel(/K12/).selectOption({ label: 'Tom Mentor' });
    await dialog.getByLabel(arabic('records.note_label')).fill('شكراً لكما!');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await dialog.getByRole('button', { name: arabic('records.depart_confirm_button') }).click();
    await page.getByText(arabic('records.done_left')).waitFor();
    await page.getByText(/K12/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'records-20-left-arabic', violations);
    const record = (await call(rania.email, 'GET', `/networks/${slug}/members/${ids[lea.email]}/record`)) as {
      status: { state: string; handover: { menteeCodes: { code: string; toUserId: string }[] } };
    };
    expect(record.status.state).toBe('left');
    expect(record.status.handover.menteeCodes).toEqual([{ code: 'K12', toUserId: ids[tom.email] }]);
    await context.close();
  });

  it('lets the office set how long records are kept from its settings page, in Arabic at 390 px', async () => {
    const { context, page } = await signedInPage(rania.email);
    await page.goto(`/networks/${slug}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Records Network' }).waitFor();
    await openNavEntry(page, arabic('networks.nav.settings'));
    await page.getByRole('heading', { level: 1, name: arabic('networks.settings.title') }).waitFor();
    await page.getByRole('heading', { level: 2, name: arabic('records.retention_heading') }).waitFor();
    // The office changes the retention only: the network's details and meta-mentors are not offered.
    expect(await page.getByRole('heading', { name: arabic('networks.settings.details') }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: arabic('networks.home.meta_mentors') }).count()).toBe(0);
    await page.getByLabel(arabic('records.retention_label')).fill('18');
    await page.getByRole('button', { name: arabic('common.save'), exact: true }).click();
    await page.getByText(arabic('records.retention_saved')).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'records-30-settings-arabic', violations);
    expect(await call('olga', 'GET', `/networks/${slug}/records/settings`)).toEqual({ retentionMonths: 18 });
    await context.close();
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
