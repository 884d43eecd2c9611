import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUnreviewed, LOCALES, type Locale, RTL_LOCALES } from '../common/locales.ts';
import {
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { messageOf } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

/**
 * Every UI language (LOCALES, so a language added later is covered without touching this file):
 * the landing page and a signed-in network page at both widths, with the page's lang and dir, the
 * "not yet reviewed" note where it belongs, an axe scan and a screenshot per language to look at.
 */
let server: TestServer;
let browser: Browser;
let seed: NetworkSeed;
const slug = 'languages-leipzig';
const WAIT = { timeout: 15_000 };
const founder = {
  email: 'leyla@example.org',
  password: 'a kite above the dunes',
  displayName: 'Leyla Karimi',
};

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('founder', founder, { name: 'Languages Leipzig', languages: ['de', 'fa', 'ur'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until <html> speaks the locale, then checks the unreviewed note, scans and screenshots. */
async function checkPage(page: Page, locale: Locale, name: string, viewport: Viewport, violations: string[]) {
  await expect
    .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), WAIT)
    .toEqual([locale, RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr']);
  const note = page.locator('.translation-note');
  if (isUnreviewed(locale)) {
    await expect.poll(() => note.isVisible(), WAIT).toBe(true);
    await expect.poll(() => note.textContent(), WAIT).toContain(messageOf(locale)('common.unreviewed_note'));
  } else {
    expect(await note.count()).toBe(0);
  }
  await page.waitForLoadState('networkidle');
  // Fonts settle before the picture is taken (Persian and Urdu load theirs on demand).
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await screenshot(page, viewport, `languages-${locale}-${name}`);
  for (const v of await seriousA11yViolations(page))
    violations.push(`${viewport.width}-${locale}-${name}: ${v}`);
}

describe('every UI language', () => {
  for (const viewport of VIEWPORTS) {
    it(`renders the landing page and a network page in each language at ${viewport.width} px`, async () => {
      const violations: string[] = [];
      const guest = await newContext(browser, server.url, viewport);
      const member = await seed.signedInContext(browser, 'founder', viewport);
      try {
        const landing = await guest.newPage();
        const network = await member.newPage();
        for (const locale of LOCALES) {
          await guest.addInitScript(`localStorage.setItem('mn.locale', '${locale}')`);
          await landing.goto('/');
          await expect
            .poll(() => landing.getByRole('heading', { level: 1 }).first().textContent(), WAIT)
            .toBe(messageOf(locale)('landing.title'));
          await checkPage(landing, locale, 'landing', viewport, violations);

          // The account's language wins once signed in: it is changed as the language picker would.
          await seed.call('founder', 'PATCH', '/me', { locale });
          await network.goto(`/networks/${slug}`);
          await network.locator('main').getByText('Languages Leipzig', { exact: true }).first().waitFor();
          await checkPage(network, locale, 'network', viewport, violations);
        }
      } finally {
        await guest.close();
        await member.close();
      }
      expect(violations).toEqual([]);
      // Two pages in each of the sixteen languages: longer than one flow.
    }, 600_000);
  }
});
