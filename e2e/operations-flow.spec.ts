import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothWidths, launchBrowser, newContext, VIEWPORTS, type Viewport } from './support/browser.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  buildWebIfNeeded();
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Stores a job as the queue leaves it once its last attempt failed. */
function storeFailedJob(id: string, kind: string, error: string): void {
  const db = new Database(path.join(server.dataDir, 'mentornet.sqlite'));
  const now = new Date().toISOString();
  db.prepare(
    `insert into jobs (id, kind, payload, status, attempts, max_attempts, run_at, locked_until, last_error,
       created_at, updated_at, finished_at) values (?, ?, '{}', 'failed', 10, 10, ?, null, ?, ?, ?, ?)`,
  ).run(id, kind, now, error, now, now, now);
  db.close();
}

describe('operator view of jobs needing attention', () => {
  it('lets the platform admin retry and drop failed jobs, mail first, on a phone and in Arabic', async () => {
    const [phone] = VIEWPORTS as [Viewport, Viewport];
    const context = await newContext(browser, server.url, phone);
    const page = await context.newPage();
    const violations: string[] = [];

    await page.goto(`/setup?token=${server.setupToken}`);
    await page.getByLabel('Your name').fill('Platform Admin');
    await page.getByLabel('E-mail address').fill('admin@example.org');
    await page.getByLabel('Password').fill('a long admin passphrase');
    await page.getByRole('button', { name: 'Create administrator account' }).click();
    await page.waitForURL('**/home');

    storeFailedJob('job-digest', 'digest.weekly', 'Error: digest template missing');
    storeFailedJob('job-mail', 'mail.send', 'Error: connect ECONNREFUSED 127.0.0.1:587');

    await page.goto('/account');
    await page.getByRole('link', { name: 'Jobs needing attention' }).click();
    await page.waitForURL('**/admin/jobs');
    await page.getByText('connect ECONNREFUSED 127.0.0.1:587').waitFor();
    const kinds = await page.locator('.job-kind code').allTextContents();
    expect(kinds).toEqual(['mail.send', 'digest.weekly']);
    await checkBothWidths(page, '90-jobs', violations);

    await page.getByRole('button', { name: 'Retry mail.send' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retry' }).click();
    await page.getByText('The job will run again shortly.').waitFor();
    await page.getByRole('button', { name: 'Drop digest.weekly' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Drop' }).click();
    await page.getByText('Nothing needs attention.').waitFor();
    await checkBothWidths(page, '91-jobs-empty', violations);

    // In Arabic: the page reads right to left, the kind and the error stay left to right.
    storeFailedJob('job-mail-2', 'mail.send', 'Error: 550 mailbox unavailable');
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/me', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ locale: 'ar' }),
      });
      return res.status;
    });
    expect(status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: 'مهام تحتاج إلى متابعة' }).waitFor();
    await page.getByText('550 mailbox unavailable').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await checkBothWidths(page, '92-jobs-ar', violations);

    expect(violations).toEqual([]);
    await context.close();
  });
});
