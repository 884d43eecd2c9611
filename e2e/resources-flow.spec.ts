import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBothWidths,
  launchBrowser,
  OpenPages,
  openNavEntry,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const violations: string[] = [];
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'resources-net';

const people = {
  olga: { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' },
  rania: { email: 'rania@example.org', password: 'jasmine under the window', displayName: 'Rania Mentor' },
};
type Who = keyof typeof people;
let seed: NetworkSeed;
const pages = new OpenPages('resources');

/** A network with its meta-mentor (Olga) and a mentor who reads the app in Arabic (Rania). */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', people.olga, {
    name: 'Resource Network',
    languages: ['en', 'ar'],
    orgLanguages: ['en', 'de'],
  });
  await seed.join('olga', 'rania', people.rania, { level: 'experienced', locale: 'ar' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in page for one person at one width. */
const signedIn = async (who: Who, viewport: Viewport): Promise<Page> =>
  pages.add(await (await seed.signedInContext(browser, who, viewport)).newPage());
const photographFailures = () => pages.photographFailures();

const check = (page: Page, name: string) => checkBothWidths(page, name, violations);
const heading = (page: Page, name: string | RegExp, level = 1) =>
  page.getByRole('heading', { level, name }).waitFor();
const title = 'Welcome guide for new mentors';

describe('shared resources', () => {
  it('creates a page with a server preview, and resolves an edit conflict between two browsers', async () => {
    photographFailures();
    const olga = await signedIn('olga', laptop);
    const rania = await signedIn('rania', phone);

    // Olga finds Resources beside the other sections; the library is empty.
    await olga.goto(`/networks/${slug}`);
    await olga.locator('nav.tabs').waitFor();
    await openNavEntry(olga, 'Resources');
    await heading(olga, 'Resources');
    await olga.getByText('No resources yet.', { exact: false }).waitFor();
    await check(olga, 'a0-resources-empty');

    // She writes the first page and previews it as the server renders it.
    await olga.getByRole('link', { name: 'New resource' }).first().click();
    await heading(olga, 'New resource');
    await olga.getByLabel('Title').fill(title);
    await olga.getByLabel('Text (Markdown)').fill('# Hello\n\nBring your **ID** to the first meeting.');
    await olga.getByLabel('Tags').fill('onboarding');
    await olga.getByRole('group', { name: 'Areas of expertise (optional)' }).getByLabel('Housing').check();
    await olga.getByLabel('Applies to region (optional)').fill('Leipzig');
    await olga.getByRole('button', { name: 'Preview' }).click();
    await olga.locator('.markdown strong', { hasText: 'ID' }).waitFor();
    await check(olga, 'a1-resources-editor');
    await olga.getByRole('button', { name: 'Save' }).click();
    await heading(olga, title);
    // Region and expertise areas show beside kind and language.
    const facts = (await olga.locator('.page > p.muted').first().textContent()) ?? '';
    expect(facts.replace(/[\u2068\u2069]/g, '')).toContain('Applies to Leipzig');
    expect(facts).toContain('Housing');
    const pageUrl = olga.url();

    // Both open the editor of revision 1: Rania (Arabic, phone) and Olga (laptop).
    await olga.goto(`${pageUrl}/edit`);
    await rania.goto(`${new URL(pageUrl).pathname}/edit`);
    await heading(rania, arabic('resources.edit_title'));
    await rania.locator('html[dir="rtl"]').waitFor();
    expect(await rania.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    const raniaBody = rania.getByLabel(arabic('resources.field_body'));
    await raniaBody.fill('# Hello\n\nBring your **ID** and a photo.');
    await rania.getByRole('button', { name: arabic('resources.save_action') }).click();
    await heading(rania, title);
    await check(rania, 'a2-resources-page-ar');

    // Olga saves on top of revision 1: the conflict view shows both, and her text is still there.
    const olgaBody = olga.getByLabel('Text (Markdown)');
    await olgaBody.fill('# Hello\n\nBring your **ID** and your questions.');
    await olga.getByRole('button', { name: 'Save' }).click();
    await heading(olga, 'Someone else saved a newer version', 2);
    expect(await olgaBody.inputValue()).toContain('your questions');
    await olga.locator('.diff ins', { hasText: 'your questions' }).waitFor();
    await check(olga, 'a3-resources-conflict');
    // She merges both into her text and saves on top of Rania's revision.
    await olgaBody.fill('# Hello\n\nBring your **ID**, a photo and your questions.');
    await olga.getByRole('button', { name: 'Save' }).click();
    await heading(olga, title);
    await olga.getByText('a photo and your questions').waitFor();

    // The history shows three revisions and what changed.
    await olga.getByRole('link', { name: 'History' }).click();
    await olga.getByText('Revision 3').waitFor();
    await olga.getByRole('button', { name: 'Show changes' }).first().click();
    await olga.locator('.diff ins', { hasText: 'a photo and your questions' }).waitFor();
    await check(olga, 'a4-resources-history');

    // Olga keeps editing to the staff in the network's settings: Rania's library offers no new page.
    await rania.goto(`/networks/${slug}/resources`);
    await rania
      .getByRole('link', { name: arabic('resources.new_action') })
      .first()
      .waitFor();
    await olga.goto(`/networks/${slug}/settings`);
    const staffOnly = olga.getByRole('checkbox', { name: /Only the meta-mentors and office create/ });
    expect(await staffOnly.isChecked()).toBe(false);
    const saved = olga.waitForResponse(
      (r) => r.url().endsWith('/resource-settings') && r.request().method() === 'PUT',
    );
    await staffOnly.check();
    expect((await saved).status()).toBe(200);
    await olga.reload();
    await olga
      .getByRole('checkbox', { name: /Only the meta-mentors and office create/, checked: true })
      .waitFor();
    await rania.reload();
    await heading(rania, arabic('resources.title'));
    await rania.getByRole('link', { name: title }).first().waitFor();
    // The saved copy of the list shows first after a reload; the fresh one drops the action.
    await expect
      .poll(() => rania.getByRole('link', { name: arabic('resources.new_action') }).count())
      .toBe(0);
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
