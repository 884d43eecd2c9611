import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  seriousA11yViolations,
  showTours,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

/**
 * The first-run tour: a mentor who reads the app in Arabic enters the network on a phone, reads the
 * meta-mentor's welcome, steps through and skips; it does not come back after a reload. The
 * meta-mentor gets the meta-mentor's steps on a laptop.
 */
let server: TestServer;
let browser: Browser;
let seed: NetworkSeed;
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'tour-net';
const network = 'Tour Network';
const welcome = 'Willkommen! أهلاً بكم في شبكتنا.';
const olga = {
  email: 'olga.tour@example.org',
  password: 'a lighthouse on the hill',
  displayName: 'Olga Meta',
};
const rania = { email: 'rania.tour@example.org', password: 'jasmine under the window', displayName: 'Rania' };

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', olga, { name: network, languages: ['de', 'ar'] });
  await seed.call('olga', 'PUT', `/networks/${slug}/welcome`, { welcomeText: welcome });
  await seed.join('olga', 'rania', rania, { locale: 'ar' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function enter(who: string, viewport: Viewport): Promise<Page> {
  const context = await seed.signedInContext(browser, who, viewport);
  await showTours(context);
  const page = await context.newPage();
  await page.goto(`/networks/${slug}`);
  return page;
}

describe('first-run tour', () => {
  it('greets a mentor in the network’s words on an Arabic phone, steps through, skips for good', async () => {
    const page = await enter('rania', phone);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toContain(network);
    expect(await dialog.textContent()).toContain(welcome);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The title has focus: a screen reader reads the step; Next and Back move between steps.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await dialog.getByRole('button', { name: arabic('tour.next') }).click();
    await expect
      .poll(() => dialog.getByRole('heading').textContent())
      .toContain(arabic('tour.support.title'));
    // On a phone "Support" is in the "More" menu: the step says so and outlines the menu button.
    expect(await dialog.textContent()).toContain(arabic('tour.in_more_menu', { more: arabic('nav.more') }));
    expect(await page.locator('[data-tour-target]').count()).toBe(1);
    await dialog.getByRole('button', { name: arabic('tour.back') }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toContain(network);
    await dialog.getByRole('button', { name: arabic('tour.next') }).click();
    await dialog.getByRole('button', { name: arabic('tour.next') }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toContain(arabic('tour.events.title'));
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Escape skips the tour; it stays skipped after a reload (and on the server).
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(async () => (await seed.call('rania', 'GET', `/networks/${slug}/tour`)).status)
      .toBe('skipped');
    await page.reload();
    await page.getByRole('navigation', { name: new RegExp(network) }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('[data-tour-target]').count()).toBe(0);
    await page.context().close();
  });

  it('shows a meta-mentor the roadmap, health and invitations, and “Skip tour” ends it', async () => {
    const page = await enter('olga', laptop);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(welcome);
    const titles: string[] = [];
    for (let i = 0; i < 3; i++) {
      await dialog.getByRole('button', { name: 'Next', exact: true }).click();
      await expect
        .poll(() => dialog.getByRole('heading').textContent())
        .not.toContain(titles.at(-1) ?? network);
      titles.push((await dialog.getByRole('heading').textContent()) ?? '');
    }
    expect(titles.join(' | ')).toMatch(/The roadmap.*The network's health.*Invite people/);
    // The last step's entry is outlined: a tab on a laptop.
    expect(await page.locator('nav.tabs [data-tour-target]').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Skip tour' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await seed.call('olga', 'GET', `/networks/${slug}/tour`)).status).toBe('skipped');

    // The account menu starts it again.
    await page.locator('.site-nav').getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Tour of this network' }).click();
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toContain(network);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.context().close();
  });
});
