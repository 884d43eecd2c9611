import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothWidths, launchBrowser, OpenPages, VIEWPORTS, type Viewport } from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const violations: string[] = [];
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'buddy-net';

const people = {
  olga: { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' },
  milan: { email: 'milan@example.org', password: 'the blue kettle whistles', displayName: 'Milan Mentor' },
  bruno: { email: 'bruno@example.org', password: 'seven pears in a bowl', displayName: 'Bruno Busy' },
  nadia: { email: 'nadia@example.org', password: 'rain on the old bridge', displayName: 'Nadia New' },
};
type Who = keyof typeof people;
let seed: NetworkSeed;
const pages = new OpenPages('buddies');

/**
 * A network with its meta-mentor (Olga), two experienced mentors (Milan, who shares Nadia's
 * languages, region and expertise and is open to being a buddy; Bruno, who does not) and a
 * beginner (Nadia, who reads the app in Arabic and is looking for a buddy), made through the API.
 */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', people.olga, {
    name: 'Buddy Network',
    languages: ['en', 'ar'],
    orgLanguages: ['en', 'de'],
  });
  await seed.join('olga', 'milan', people.milan, {
    level: 'experienced',
    profile: {
      languages: ['ar', 'de'],
      region: 'Leipzig',
      expertise: ['housing', 'work'],
      openToBuddy: true,
    },
  });
  await seed.join('olga', 'bruno', people.bruno, {
    level: 'experienced',
    profile: { languages: ['en'], region: 'Dresden' },
  });
  await seed.join('olga', 'nadia', people.nadia, {
    level: 'beginner',
    locale: 'ar',
    profile: { languages: ['ar', 'de'], region: 'Leipzig', expertise: ['housing'], lookingForBuddy: true },
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

describe('buddy pairing', () => {
  it('goes from a beginner’s request and a suggestion to an accepted pair and the first message', async () => {
    photographFailures();
    const milan = await signedIn('milan', phone);
    const nadia = await signedIn('nadia', phone);
    const olga = await signedIn('olga', laptop);

    // Milan, open to being a buddy, waits on the buddies page of the network (on his phone).
    await milan.goto(`/networks/${slug}/buddies`);
    await heading(milan, 'Buddies');
    await milan.getByText('Nobody is waiting for your answer.').waitFor();
    await check(milan, '80-buddies-experienced-empty');

    // Nadia, in Arabic on her phone, asks for a buddy.
    await nadia.goto(`/networks/${slug}/buddies`);
    await nadia.locator('html[dir="rtl"]').waitFor();
    await heading(nadia, arabic('buddies.title'));
    await nadia
      .getByLabel(arabic('buddies.ask.note'))
      .fill('أحتاج إلى من يعرف مكتب السكن. Someone who knows the housing office.');
    await nadia.getByRole('button', { name: arabic('buddies.ask.submit') }).click();
    await nadia.getByText(arabic('buddies.mine.waiting_request')).waitFor();
    await check(nadia, '81-buddies-beginner-asked-rtl');

    // Olga sees the request, opens the suggestions for Nadia and proposes the best match in one step.
    await olga.goto(`/networks/${slug}/buddies`);
    await heading(olga, 'Buddies');
    await olga.getByRole('button', { name: `Find a buddy for ${people.nadia.displayName}` }).click();
    await heading(olga, new RegExp(`^Suggestions for .?${people.nadia.displayName}.?$`), 3);
    const suggestions = olga.locator('ol.cards > li');
    await expect.poll(() => suggestions.count()).toBe(2);
    const best = suggestions.first();
    expect(await best.getByRole('heading', { level: 4 }).textContent()).toContain(people.milan.displayName);
    for (const reason of [
      'Speaks Arabic and German',
      'Also in',
      'Also knows about Housing',
      'Open to being a buddy',
      'No buddy pairing yet',
    ]) {
      await best.getByText(reason).first().waitFor();
    }
    await check(olga, '82-buddies-staff-suggestions');
    await olga
      .getByRole('button', {
        name: `Propose ${people.milan.displayName} as buddy`,
      })
      .click();
    await olga
      .getByText(`Proposed. ${people.milan.displayName} has been asked and will answer here.`)
      .waitFor();
    await olga.getByRole('heading', { name: 'Waiting for an answer' }).waitFor();

    // The proposal reaches Milan without a reload; he accepts.
    const proposal = milan.locator('.buddy-pair', { hasText: people.nadia.displayName });
    await proposal.getByRole('button', { name: 'Accept' }).waitFor();
    await check(milan, '83-buddies-proposal-arrived');
    await proposal.getByRole('button', { name: 'Accept' }).click();
    await milan.locator('.buddy-pair .badge', { hasText: 'Buddies' }).waitFor();

    // Ending asks first (and can be left alone).
    await milan.getByRole('button', { name: 'End the pairing' }).click();
    const dialog = milan.getByRole('dialog');
    await dialog.getByText('End this buddy pairing?').waitFor();
    await dialog.getByLabel('A short note (optional)').waitFor();
    await check(milan, '84-buddies-end-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await milan.getByRole('dialog').waitFor({ state: 'hidden' });

    // Nadia sees her buddy on her home page and writes the first message.
    await nadia.goto('/home');
    await heading(nadia, arabic('buddies.home.title'), 2);
    const card = nadia.locator('section', {
      has: nadia.getByRole('heading', { name: arabic('buddies.home.title') }),
    });
    await card.getByText(people.milan.displayName).waitFor();
    await card.getByText(arabic('buddies.card.no_contact')).waitFor();
    await check(nadia, '85-home-your-buddy-rtl');
    await card
      .getByRole('link', { name: arabic('buddies.actions.message_to', { name: people.milan.displayName }) })
      .click();
    await heading(nadia, people.milan.displayName);
    const input = nadia.getByLabel(arabic('messages.compose_label'));
    await input.fill('مرحبًا ميلان، شكرًا لك! Hello Milan, thank you!');
    await input.press('Enter');
    await nadia.locator('.chat-log .bubble', { hasText: 'Hello Milan' }).waitFor();

    // Milan's conversation list has her message; his buddies page shows the contact.
    await milan.goto('/messages');
    await milan
      .locator('.conversation-row', { hasText: people.nadia.displayName })
      .getByText('Hello Milan')
      .waitFor();
    await milan.goto(`/networks/${slug}/buddies`);
    await milan.getByText(/^Last message:/).waitFor();

    // The directory shows who is open to being a buddy; Nadia no longer looks for one.
    await olga.goto(`/networks/${slug}/directory`);
    const milanEntry = olga.locator('.person', { hasText: people.milan.displayName });
    await milanEntry.getByText('Open to being a buddy').waitFor();
    expect(
      await olga
        .locator('.person', { hasText: people.nadia.displayName })
        .getByText('Looking for a buddy')
        .count(),
    ).toBe(0);
    await check(olga, '86-directory-buddy-badges');

    // Olga was told of Nadia's request; the notification leads to the buddies page.
    await olga.goto('/notifications');
    await olga.getByRole('link', { name: `${people.nadia.displayName} asks for a buddy` }).click();
    await heading(olga, 'Buddies');
    expect(new URL(olga.url()).pathname).toBe(`/networks/${slug}/buddies`);

    // Bruno says on his profile that he is open to being a buddy; the directory filter finds him.
    const bruno = await signedIn('bruno', phone);
    await bruno.goto('/profile');
    await bruno.getByLabel('I am open to being a buddy').check();
    await bruno.getByRole('button', { name: 'Save' }).click();
    await bruno.getByText('Saved.').waitFor();
    await check(bruno, '87-profile-buddy-statements');
    await bruno.goto(`/networks/${slug}/directory?buddy=open`);
    await bruno.getByText('2 members').waitFor();
    await bruno
      .locator('.person', { hasText: people.bruno.displayName })
      .getByText('Open to being a buddy')
      .waitFor();

    expect(violations).toEqual([]);
  });
});
