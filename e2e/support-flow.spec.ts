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
const slug = 'support-net';

const people = {
  olga: { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' },
  milan: { email: 'milan@example.org', password: 'the blue kettle whistles', displayName: 'Milan Mentor' },
  nadia: { email: 'nadia@example.org', password: 'rain on the old bridge', displayName: 'Nadia New' },
  rania: { email: 'rania@example.org', password: 'jasmine under the window', displayName: 'Rania Mentor' },
};
type Who = keyof typeof people;
let seed: NetworkSeed;
const pages = new OpenPages('support');

/**
 * A network with its meta-mentor (Olga), an experienced mentor who knows about housing and speaks
 * German and Arabic (Milan), a beginner who needs support (Nadia) and a mentor who reads the app in
 * Arabic (Rania), made through the API.
 */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', people.olga, {
    name: 'Support Network',
    languages: ['en', 'de', 'ar'],
    orgLanguages: ['en', 'de'],
  });
  await seed.join('olga', 'milan', people.milan, {
    level: 'experienced',
    profile: {
      languages: ['ar', 'de'],
      region: 'Leipzig',
      expertise: ['housing', 'benefits'],
      availability: 'evenings',
    },
  });
  await seed.join('olga', 'nadia', people.nadia, {
    level: 'beginner',
    profile: { languages: ['de', 'ar'], region: 'Leipzig', expertise: [] },
  });
  await seed.join('olga', 'rania', people.rania, {
    level: 'experienced',
    locale: 'ar',
    profile: { languages: ['ar'], region: 'Halle' },
  });
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

/** Screenshot and axe scan at both widths (see support/browser.ts). */
const check = (page: Page, name: string) => checkBothWidths(page, name, violations);
const heading = (page: Page, name: string | RegExp, level = 1) =>
  page.getByRole('heading', { level, name }).waitFor();
const privacyStatus = (page: Page, text: string) =>
  page.locator('.privacy-status').filter({ hasText: text }).first().waitFor();
const title = 'Preparing for the housing office appointment';

describe('support among mentors', () => {
  it('goes from a beginner’s request on a phone to a live answer and a resolution with thanks', async () => {
    photographFailures();
    const nadia = await signedIn('nadia', phone);
    const milan = await signedIn('milan', laptop);

    // Nadia finds Support beside the other sections of her network, on her phone.
    await nadia.goto(`/networks/${slug}`);
    await heading(nadia, 'Support Network');
    await openNavEntry(nadia, 'Support');
    await heading(nadia, 'Support');
    await nadia.getByText('No open requests right now.').waitFor();
    expect(await nadia.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await check(nadia, '90-support-empty');

    // She asks: a question about housing, needed this week.
    await nadia.getByRole('link', { name: 'Ask for support' }).first().click();
    await heading(nadia, 'Ask for support');
    await nadia.getByLabel('Title').fill(title);
    await nadia
      .getByLabel('What do you need?')
      .fill('My mentee has an appointment at the **housing office**. What should we bring?');
    await nadia.getByLabel('Housing').check();
    await nadia.getByLabel('This week').check();
    await check(nadia, '91-support-ask-form');
    await nadia.getByRole('button', { name: 'Ask for support' }).click();
    await heading(nadia, title);
    await nadia.getByText('This week').first().waitFor();
    await nadia.locator('.markdown strong', { hasText: 'housing office' }).waitFor();

    // Milan is suggested, with the reasons in words and a way to write to him.
    const suggestion = nadia.locator('.help-suggested li.person', { hasText: people.milan.displayName });
    await suggestion.getByText('Knows about Housing').waitFor();
    await suggestion.getByText(/^Speaks /).waitFor();
    await suggestion.getByRole('button', { name: `Send a message to ${people.milan.displayName}` }).waitFor();
    await check(nadia, '92-support-request-suggested');

    // Milan finds the request in the open ones, offers help and answers, on his laptop.
    await milan.goto(`/networks/${slug}/support`);
    await milan.getByRole('link', { name: title }).click();
    await heading(milan, title);
    await milan.getByRole('button', { name: 'I can help' }).click();
    await milan.getByRole('button', { name: 'Take back my offer' }).waitFor();
    await milan.getByLabel('Your answer').fill('Bring the rental contract and the last three payslips.');
    await milan.getByRole('button', { name: 'Send answer' }).click();
    await milan.locator('.help-response', { hasText: 'rental contract' }).waitFor();
    await check(milan, '93-support-answered-helper');

    // The offer and the answer reach Nadia without a reload.
    await nadia.locator('.help-offers', { hasText: people.milan.displayName }).waitFor();
    await nadia.locator('.help-response', { hasText: 'rental contract' }).waitFor();
    await nadia.locator('.badge', { hasText: 'Answered' }).waitFor();

    // She resolves it and thanks Milan, in a dialog that keeps the focus.
    await nadia.getByRole('button', { name: 'Mark as resolved' }).click();
    const dialog = nadia.getByRole('dialog');
    await dialog.getByText('Mark this request as resolved?').waitFor();
    expect(await dialog.getByLabel(people.milan.displayName).isChecked()).toBe(true);
    await dialog.getByLabel('A short thank-you note (optional)').fill('Thank you, it went well!');
    await check(nadia, '94-support-resolve-dialog');
    await dialog.getByRole('button', { name: 'Mark as resolved' }).click();
    // The name is set apart with Unicode isolates, as all user text inside a sentence.
    await nadia.getByText(new RegExp(`Resolved by \\W?${people.nadia.displayName}\\W?\\.`)).waitFor();
    await nadia.locator('.badge', { hasText: 'Resolved' }).first().waitFor();

    // Milan sees the thanks, live.
    await milan.locator('.help-response .badge', { hasText: 'Thanked' }).waitFor();
    await milan.getByText('Thank you, it went well!').waitFor();
  });

  it('shows a case consultation’s name and birth date and posts only after replacement or confirmation', async () => {
    const nadia = await signedIn('nadia', phone);
    await nadia.goto(`/networks/${slug}/support/new`);
    await heading(nadia, 'Ask for support');
    await nadia.getByLabel('Case consultation').check();
    await nadia.getByText('no names, dates of birth, addresses or numbers').waitFor();
    await nadia.getByLabel('Title').fill('Fear of the Jobcenter appointment');
    const body = nadia.getByLabel('Describe the situation');
    await body.pressSequentially(
      'My mentee Amina (born 14/03/1996) is afraid of the Jobcenter appointment.',
      {
        delay: 5,
      },
    );
    await privacyStatus(nadia, '2 details could identify your mentee.');
    const findings = nadia.locator('.privacy-finding');
    await expect.poll(() => findings.count()).toBe(2);
    expect(await findings.nth(0).locator('mark').textContent()).toBe('Amina');
    expect(await findings.nth(1).locator('mark').textContent()).toBe('14/03/1996');
    await check(nadia, '95-support-case-findings');

    // Posting with findings left asks for the confirmation first; nothing is sent.
    await nadia.getByRole('button', { name: 'Ask for support' }).click();
    await nadia.getByText('2 details could still identify your mentee.').waitFor();
    expect(new URL(nadia.url()).pathname).toBe(`/networks/${slug}/support/new`);

    // The draft survives a reload.
    await nadia.reload();
    await heading(nadia, 'Ask for support');
    await nadia.getByText('Your draft is back as you left it.').waitFor();
    expect(await nadia.getByLabel('Describe the situation').inputValue()).toContain('Amina');

    // The name is replaced; the date is confirmed as needed.
    await privacyStatus(nadia, '2 details could identify your mentee.');
    await nadia.locator('.privacy-finding').nth(0).getByRole('button', { name: /Amina/ }).click();
    await privacyStatus(nadia, '1 detail could identify your mentee.');
    await nadia.getByRole('button', { name: 'Ask for support' }).click();
    await nadia.getByLabel(/I have checked the text/).check();
    await nadia.getByRole('button', { name: 'Ask for support' }).click();
    await heading(nadia, 'Fear of the Jobcenter appointment');
    await nadia.locator('.badge', { hasText: 'Case consultation' }).waitFor();
    await nadia.getByText('[name]').first().waitFor();
    await nadia.getByText('visible to members of this network only').waitFor();
  });

  it('reads right to left in Arabic', async () => {
    const rania = await signedIn('rania', phone);
    await rania.goto(`/networks/${slug}/support?view=all`);
    await rania.locator('html[dir="rtl"]').waitFor();
    await heading(rania, arabic('help.title'));
    await rania.getByRole('link', { name: 'Fear of the Jobcenter appointment' }).waitFor();
    expect(await rania.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await check(rania, '96-support-list-rtl');
    await rania.goto(`/networks/${slug}/support/new?kind=case`);
    await heading(rania, arabic('help.ask_title'));
    await rania
      .getByLabel(arabic('help.form.case_body'))
      .fill('المتدربة اسمها سلمى ولديها موعد في مكتب العمل.');
    await rania.locator('.privacy-finding mark', { hasText: 'سلمى' }).waitFor();
    await check(rania, '97-support-case-form-rtl');
  });

  it('found no serious accessibility problems', () => {
    expect(violations).toEqual([]);
  });
});
