import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { checkBothWidths, launchBrowser, VIEWPORTS, type Viewport } from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

/**
 * Reports, moderation and blocking as people meet them: a mentor who reads Arabic reports a reply
 * on her phone, the meta-mentor hides it from the queue after a confirmation, the reporter is told
 * and sees it hidden; she blocks the author, whose posts then stay collapsed for her.
 */
let server: TestServer;
let browser: Browser;
let seed: NetworkSeed;
const violations: string[] = [];
const [phone] = VIEWPORTS as [Viewport, Viewport];
const slug = 'moderation-net';
const OFFENDING = 'You people never understand anything, stop asking here.';

const olga = {
  email: 'olga.mod@example.org',
  password: 'a lighthouse on the hill',
  displayName: 'Olga Meta',
};
const tom = { email: 'tom.mod@example.org', password: 'pebbles by the river', displayName: 'Tom Rude' };
const rania = { email: 'rania.mod@example.org', password: 'jasmine under the window', displayName: 'Rania' };
let topicId = '';
let tomId = '';

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', olga, { name: 'Moderation Network', languages: ['en', 'ar'] });
  tomId = await seed.join('olga', 'tom', tom);
  await seed.join('olga', 'rania', rania, { locale: 'ar' });
  const { spaces } = (await seed.call('tom', 'GET', `/networks/${slug}/spaces`)) as {
    spaces: { id: string }[];
  };
  const topic = await seed.call('tom', 'POST', `/networks/${slug}/topics`, {
    spaceId: spaces[0]?.id,
    title: 'Appointments at the foreigners office',
    body: 'Who knows how long the waiting time is at the moment?',
  });
  topicId = String(topic.id);
  await seed.call('tom', 'POST', `/networks/${slug}/topics/${topicId}/replies`, { body: OFFENDING });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pages: Page[] = [];
async function pageOf(who: string): Promise<Page> {
  const context = await seed.signedInContext(browser, who, phone);
  const page = await context.newPage();
  pages.push(page);
  return page;
}
function photographFailures(): void {
  onTestFailed(async () => {
    for (const [i, page] of pages.entries()) {
      await page
        .screenshot({ path: `e2e/screenshots/failure-moderation-${i}.png`, fullPage: true })
        .catch(() => {});
    }
  });
}

describe('reports, moderation and blocking on a phone', () => {
  it('lets a member report a reply in Arabic, and the meta-mentor hide it after a confirmation', async () => {
    photographFailures();
    const reader = await pageOf('rania');
    await reader.goto(`/networks/${slug}/discussions/${topicId}`);
    const reply = reader.locator('article').filter({ hasText: OFFENDING });
    await reply.waitFor();
    expect(await reader.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await reply.getByRole('button', { name: arabic('moderation.report'), exact: true }).click();
    const dialog = reader.getByRole('dialog');
    await dialog.getByLabel(arabic('moderation.reason_label')).selectOption('harassment');
    await dialog.getByLabel(arabic('moderation.text_label')).fill('كلام جارح تجاه السائلين.');
    await checkBothWidths(reader, 'moderation-report-ar', violations);
    await dialog.getByRole('button', { name: arabic('moderation.report_send') }).click();
    await reply.getByText(arabic('moderation.report_sent')).waitFor();
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );

    const moderator = await pageOf('olga');
    await moderator.goto('/moderation');
    await moderator.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor();
    const report = moderator.locator('li').filter({ hasText: OFFENDING });
    await report.getByText('كلام جارح تجاه السائلين.').waitFor();
    await checkBothWidths(moderator, 'moderation-queue', violations);
    await report.getByRole('button', { name: 'Hide', exact: true }).click();
    const confirm = moderator.getByRole('dialog');
    await confirm.getByText('Hide: are you sure? The reporter will be told the outcome.').waitFor();
    await confirm.getByRole('button', { name: 'Hide', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });

    // The reporter hears the outcome, and the reply is hidden for her.
    const notes = JSON.stringify(await seed.call('rania', 'GET', '/notifications'));
    expect(notes).toContain('report_actioned');
    await reader.reload();
    await reader.getByText(arabic('moderation.hidden_text')).waitFor();
    expect(await reader.getByText(OFFENDING).count()).toBe(0);
    const audit = JSON.stringify(await seed.call('olga', 'GET', `/networks/${slug}/audit`));
    expect(audit).toContain('content.hidden');
  });

  it('lets a member block the author, whose posts then stay collapsed for her', async () => {
    photographFailures();
    const reader = await pageOf('rania');
    await reader.goto(`/networks/${slug}/directory/${tomId}`);
    await reader.getByRole('heading', { level: 1, name: tom.displayName }).waitFor();
    await reader.getByRole('button', { name: arabic('moderation.block'), exact: true }).click();
    const confirm = reader.getByRole('dialog');
    await confirm.getByText(arabic('moderation.block_confirm', { name: tom.displayName })).waitFor();
    await confirm.getByRole('button', { name: arabic('moderation.block'), exact: true }).click();
    await reader.getByRole('button', { name: arabic('moderation.unblock'), exact: true }).waitFor();

    await reader.goto(`/networks/${slug}/discussions/${topicId}`);
    const collapsed = reader.getByRole('article', { name: arabic('moderation.blocked_post') }).first();
    await collapsed.waitFor();
    expect(await reader.getByText('Who knows how long the waiting time is at the moment?').count()).toBe(0);
    await checkBothWidths(reader, 'moderation-blocked-ar', violations);
    await collapsed.getByRole('button', { name: arabic('moderation.show') }).click();
    await reader.getByText('Who knows how long the waiting time is at the moment?').waitFor();
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
