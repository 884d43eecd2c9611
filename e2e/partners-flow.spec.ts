import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBothWidths,
  launchBrowser,
  newContext,
  OpenPages,
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

const people = {
  olga: { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' },
  karim: { email: 'karim@example.org', password: 'jasmine under the window', displayName: 'كريم' },
};
type Who = keyof typeof people;
const organisations: Record<Who, string> = { olga: '', karim: '' };
const river = { slug: 'river-net', name: 'River Network' };
const harbour = { slug: 'harbour-net', name: 'Harbour Network' };
/** Each founder's network, through which their calls go. */
const seeds = {} as Record<Who, NetworkSeed>;
const call = (who: Who, method: string, path: string, body?: unknown) =>
  seeds[who].call(who, method, path, body);

/** A person who founds an organisation in a city and a public network, and becomes its meta-mentor. */
async function founder(who: Who, locale: string, network: { slug: string; name: string }, city: string) {
  seeds[who] = new NetworkSeed(server, network.slug);
  organisations[who] = await seeds[who].foundNetwork(who, people[who], {
    name: network.name,
    languages: ['en', 'ar'],
    visibility: 'public',
    organisation: { name: `${city} Welcome House`, city },
    locale,
  });
}

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  await new NetworkSeed(server, river.slug).setUpPlatform();
  await founder('olga', 'en', river, 'Leipzig');
  await founder('karim', 'ar', harbour, 'Halle');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pages = new OpenPages('partners');
const signedIn = async (who: Who, viewport: Viewport): Promise<Page> =>
  pages.add(await (await seeds[who].signedInContext(browser, who, viewport)).newPage());

const check = (page: Page, name: string) => checkBothWidths(page, name, violations);

/** A local wall time some days ahead, as the event form's datetime-local input takes it. */
const daysAhead = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 16);
};

describe('partner networks', () => {
  it('two networks become partners and a shared event shows in both', async () => {
    pages.photographFailures();

    // Olga asks Harbour Network, by its address, from River Network's partners page.
    const olga = await signedIn('olga', laptop);
    await olga.goto(`/networks/${river.slug}/partners`);
    await olga.getByRole('heading', { level: 1, name: 'Partner networks' }).waitFor();
    await olga.getByText('This network has no partner networks yet.').waitFor();
    await olga.getByLabel('Address of the other network').fill(harbour.slug);
    await olga.getByRole('button', { name: 'Send request' }).click();
    await olga.getByText("Request sent. The other network's meta-mentors decide.").waitFor();
    await olga.getByText('Waiting for their answer').waitFor();
    await check(olga, 'partners-01-asked');

    // Karim, on a phone in Arabic, accepts on Harbour Network's partners page.
    const karim = await signedIn('karim', phone);
    await karim.goto(`/networks/${harbour.slug}/partners`);
    await karim.getByRole('heading', { level: 1, name: arabic('partners.title') }).waitFor();
    expect(await karim.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await karim.getByText(arabic('partners.incoming')).waitFor();
    await check(karim, 'partners-02-request-ar');
    await karim.getByRole('button', { name: arabic('partners.accept_named', { name: river.name }) }).click();
    await karim.getByText(arabic('partners.done_accept', { name: river.name })).waitFor();
    await karim
      .getByRole('region', { name: arabic('partners.active_title') })
      .getByText(river.name)
      .waitFor();

    // Olga creates an event and shares it with partner networks (the editor's checkbox).
    await olga.goto(`/networks/${river.slug}/events/new`);
    await olga.getByLabel('Title', { exact: true }).fill('Joint training on asylum law');
    await olga.getByLabel('Link to the online meeting').fill('https://meet.example.org/joint');
    await olga.getByLabel('Starts', { exact: true }).fill(daysAhead(5, 16));
    await olga.getByLabel('Ends', { exact: true }).fill(daysAhead(5, 18));
    await olga.getByRole('checkbox', { name: 'Share with partner networks' }).check();
    await olga.getByRole('checkbox', { name: 'Show on the public page' }).check();
    await olga.getByRole('button', { name: 'Create event' }).click();
    await olga.getByRole('heading', { level: 1, name: 'Joint training on asylum law' }).waitFor();

    // It shows in River Network's list and on its partners page…
    await olga.goto(`/networks/${river.slug}/partners`);
    await olga
      .getByRole('region', { name: 'Upcoming shared events' })
      .getByText('Joint training on asylum law')
      .waitFor();
    await olga.getByRole('region', { name: 'Partners' }).getByText(harbour.name).waitFor();
    await check(olga, 'partners-03-shared-event');

    // …and in Harbour Network, with River Network named as its origin, read-only.
    await karim.goto(`/networks/${harbour.slug}/partners`);
    const shared = karim.getByRole('region', { name: arabic('partners.events_title') });
    await shared.getByText('Joint training on asylum law').waitFor();
    await shared.getByText(river.name).waitFor();
    expect(await karim.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(karim, 'partners-04-shared-event-ar');
    await karim.goto(`/networks/${harbour.slug}/events`);
    await karim.getByRole('link', { name: 'Joint training on asylum law' }).click();
    await karim.getByRole('heading', { level: 1, name: 'Joint training on asylum law' }).waitFor();
    await karim.getByText(arabic('partners.shared_from')).waitFor();
    expect(karim.url()).toContain(`/networks/${harbour.slug}/events/`);
    expect(await karim.getByRole('button', { name: arabic('events.answer_yes') }).count()).toBe(0);
    expect(await karim.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(karim, 'partners-05-shared-event-page-ar');

    expect(violations).toEqual([]);
  });

  it('a public event shows to signed-out visitors on the network page and, combined, on the partners page', async () => {
    // Karim's network has a public event of its own (through the API).
    await call('karim', 'POST', `/networks/${harbour.slug}/events`, {
      title: 'مقهى اللغة المفتوح',
      language: 'ar',
      format: 'on_site',
      address: 'Marktplatz 1, Halle',
      timeZone: 'Europe/Berlin',
      startsLocal: daysAhead(3, 17),
      endsLocal: daysAhead(3, 19),
      isPublic: true,
    });
    // A visitor without an account, on a phone, in Arabic.
    const context = await newContext(browser, server.url, phone);
    await context.addInitScript(() => localStorage.setItem('mn.locale', 'ar'));
    const visitor = pages.add(await context.newPage());
    await visitor.goto(`/networks/${river.slug}`);
    await visitor.getByRole('heading', { level: 1, name: river.name }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const own = visitor.getByRole('region', { name: arabic('events.public_title') });
    await own.getByText('Joint training on asylum law').waitFor();
    // Nothing of the members: no link to the meeting.
    expect(await visitor.getByText('meet.example.org').count()).toBe(0);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(visitor, 'partners-08-public-event-visitor-ar');

    // The partners page merges both networks' public events by start, each naming its network.
    await visitor.goto(`/networks/${river.slug}/partners`);
    const combined = visitor.getByRole('region', { name: arabic('events.public_partners_title') });
    await combined.getByText('مقهى اللغة المفتوح').waitFor();
    await combined.getByText('Joint training on asylum law').waitFor();
    await combined.getByText(harbour.name).waitFor();
    const titles = await combined.locator('li .strong').allTextContents();
    expect(titles).toEqual(['مقهى اللغة المفتوح', 'Joint training on asylum law']);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(visitor, 'partners-09-public-events-combined-ar');
    expect(violations).toEqual([]);
  });

  it('an organisation asks to take part in a network and its meta-mentor approves', async () => {
    const olga = await signedIn('olga', phone);
    await olga.goto(`/organisations/${organisations.olga}`);
    const section = olga.getByRole('region', { name: 'Take part in a network' });
    await section.getByLabel('Address of the other network').fill(harbour.slug);
    await section
      .getByLabel("Message to the network's meta-mentors (optional)")
      .fill('We run a language café.');
    await section.getByRole('button', { name: 'Ask to take part' }).click();
    await section.getByText("Request sent. The network's meta-mentors decide.").waitFor();
    await section.getByText('waiting for a decision').waitFor();
    await check(olga, 'partners-06-organisation-asks');

    const karim = await signedIn('karim', phone);
    await karim.goto(`/networks/${harbour.slug}/partners`);
    const asking = karim.getByRole('region', { name: arabic('partners.organisations_title') });
    await asking.getByText('We run a language café.').waitFor();
    await check(karim, 'partners-07-organisation-request-ar');
    await asking
      .getByRole('button', { name: arabic('partners.approve_named', { name: 'Leipzig Welcome House' }) })
      .click();
    await asking.getByText(arabic('partners.no_organisations')).waitFor();
    const network = (await call('karim', 'GET', `/networks/${harbour.slug}`)) as {
      organisations: { name: string }[];
    };
    expect(network.organisations.map((o) => o.name)).toContain('Leipzig Welcome House');
    expect(violations).toEqual([]);
  });
});
