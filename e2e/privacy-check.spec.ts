import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { checkBothWidths, launchBrowser, VIEWPORTS, type Viewport } from './support/browser.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const violations: string[] = [];
const [phone] = VIEWPORTS as [Viewport, Viewport];
const slug = 'case-net';

const olga = { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' };
const rania = {
  email: 'rania@example.org',
  password: 'jasmine under the window',
  displayName: 'Rania Mentor',
};
type Who = 'olga' | 'rania';
let seed: NetworkSeed;

/** A network whose meta-mentor writes in English and one mentor who uses the app in Arabic. */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', olga, { name: 'Case Network', languages: ['en', 'ar'] });
  await seed.join('olga', 'rania', rania, { locale: 'ar' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pages: Page[] = [];
async function signedIn(who: Who, viewport: Viewport) {
  const context = await seed.signedInContext(browser, who, viewport);
  const page = await context.newPage();
  pages.push(page);
  // Which scripts the page fetched: the detector must come only when a text is checked.
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return { context, page, scripts };
}

function photographFailures(): void {
  onTestFailed(async () => {
    for (const [i, page] of pages.entries()) {
      await page
        .screenshot({ path: `e2e/screenshots/failure-privacy-${i}.png`, fullPage: true })
        .catch(() => {});
    }
  });
}

const status = (page: Page) => page.locator('.privacy-status');
const detectorLoaded = (scripts: string[]) => scripts.some((s) => /\/assets\/privacy-[\w-]+\.js$/.test(s));

describe('the privacy check of a case text', () => {
  it('warns of a name and a birth date as the mentor types, replaces them, or takes a confirmation', async () => {
    photographFailures();
    const { page, scripts } = await signedIn('olga', phone);
    await page.goto(`/networks/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Case Network' }).waitFor();
    expect(detectorLoaded(scripts), 'the detector is not part of other pages').toBe(false);

    await page.goto(`/networks/${slug}/privacy-check`);
    await page.getByRole('heading', { level: 1, name: 'Check a case text' }).waitFor();
    const field = page.getByLabel('Case description');
    await field.pressSequentially(
      'My mentee Amina (born 14/03/1996) is afraid of the Jobcenter appointment.',
      {
        delay: 5,
      },
    );
    await status(page).filter({ hasText: '2 details could identify your mentee.' }).waitFor();
    expect(detectorLoaded(scripts)).toBe(true);
    const findings = page.locator('.privacy-finding');
    await expect.poll(() => findings.count()).toBe(2);
    expect(await findings.nth(0).textContent()).toContain('Name');
    expect(await findings.nth(0).locator('mark').textContent()).toBe('Amina');
    expect(await findings.nth(1).locator('mark').textContent()).toBe('14/03/1996');
    await checkBothWidths(page, 'privacy-10-two-findings', violations);

    // The name is replaced with one click; the date is left and must be confirmed.
    // The button names what it replaces (the mentor's words isolated in their own direction).
    const replaceName = findings.nth(0).getByRole('button');
    expect(await replaceName.textContent()).toBe('Replace “\u2068Amina\u2069” with [name]');
    await replaceName.click();
    await status(page).filter({ hasText: '1 detail could identify your mentee.' }).waitFor();
    expect(await field.inputValue()).toBe(
      'My mentee [name] (born 14/03/1996) is afraid of the Jobcenter appointment.',
    );
    const confirmation = page.getByLabel(/I have checked the text/);
    await confirmation.check();
    await page.getByText('You confirmed the details that are left').waitFor();

    // Typing more asks again; replacing the date leaves a clean text.
    await field.press('End');
    await field.pressSequentially(' Call her on 0176 23456789.', { delay: 5 });
    await status(page).filter({ hasText: '2 details could identify your mentee.' }).waitFor();
    expect(await confirmation.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Replace all' }).click();
    await status(page).filter({ hasText: 'No personal data found.' }).waitFor();
    expect(await field.inputValue()).toBe(
      'My mentee [name] (born [date]) is afraid of the Jobcenter appointment. Call her on [phone].',
    );
    await page.getByText('No personal data found: the text is ready to share.').waitFor();
    await checkBothWidths(page, 'privacy-20-clean', violations);
  });

  it('works in Arabic, right to left, on a phone', async () => {
    const { page } = await signedIn('rania', phone);
    await page.goto(`/networks/${slug}/privacy-check`);
    await page.getByRole('heading', { level: 1, name: 'فحص وصف حالة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const field = page.getByLabel('وصف الحالة');
    await field.fill('المتدربة اسمها سلمى وهي من حلب، رقم هاتفها ٠١٧٦ ٢٣٤٥٦٧٨٩ ولديها موعد في مكتب العمل.');
    await status(page).filter({ hasText: '3 تفاصيل قد تكشف هوية الشخص الذي ترافقه.' }).waitFor();
    const marks = await page.locator('.privacy-finding mark').allTextContents();
    expect(marks).toEqual(['سلمى', 'حلب', '٠١٧٦ ٢٣٤٥٦٧٨٩']);
    // Nothing runs off the side of a 390 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await checkBothWidths(page, 'privacy-30-arabic', violations);
    await page.locator('.privacy-finding').nth(0).getByRole('button', { name: /سلمى/ }).click();
    await status(page).filter({ hasText: 'تفصيلان قد يكشفان هوية الشخص الذي ترافقه.' }).waitFor();
    expect(await field.inputValue()).toContain('اسمها [name] وهي');
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
