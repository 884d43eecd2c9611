import ICAL from 'ical.js';
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
const slug = 'events-net';

const people = {
  olga: { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' },
  milan: { email: 'milan@example.org', password: 'the blue kettle whistles', displayName: 'Milan Mentor' },
  nadia: { email: 'nadia@example.org', password: 'rain on the old bridge', displayName: 'Nadia New' },
  rania: { email: 'rania@example.org', password: 'jasmine under the window', displayName: 'Rania Mentor' },
};
type Who = keyof typeof people;
let seed: NetworkSeed;
const pages = new OpenPages('events');

/** A network with its meta-mentor (Olga), two mentors (Milan, Nadia) and one who reads Arabic (Rania). */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', people.olga, {
    name: 'Events Network',
    languages: ['en', 'de', 'ar'],
    orgLanguages: ['en', 'de'],
  });
  await seed.join('olga', 'milan', people.milan, {
    level: 'experienced',
    profile: { languages: ['de'], region: 'Leipzig' },
  });
  await seed.join('olga', 'nadia', people.nadia, {
    level: 'beginner',
    profile: { languages: ['de', 'ar'], region: 'Leipzig' },
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

/** A local wall time a number of days ahead, as the form's datetime-local input takes it. */
function daysAhead(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

describe('events of a network', () => {
  it('goes from a weekly event made by the organiser to RSVPs on a phone, a waiting list and an Arabic page', async () => {
    photographFailures();
    const olga = await signedIn('olga', laptop);
    await olga.goto(`/networks/${slug}/events`);
    await heading(olga, 'Events');
    await olga.getByText('No upcoming events yet.').waitFor();
    await check(olga, '95-events-empty');
    await olga.getByRole('link', { name: 'New event' }).first().click();
    await heading(olga, 'New event');
    await olga.getByLabel('Title').fill('Mentor café');
    await olga.getByLabel('Link to the online meeting').fill('https://meet.example.org/cafe');
    await olga.getByLabel('Starts').fill(daysAhead(3, 18));
    await olga.getByLabel('Ends').fill(daysAhead(3, 20));
    await olga.getByLabel('Time zone').selectOption('Europe/Berlin');
    await olga.getByLabel('Repeats').selectOption('weekly');
    await olga.getByLabel('Places (optional)').fill('1');
    // Milan organises it with her: she finds him by name in the picker and takes him with the keyboard.
    await olga.getByRole('button', { name: 'Remove Olga Meta from the organisers' }).waitFor();
    const picker = olga.getByRole('combobox', { name: 'Add a co-organiser' });
    await picker.fill('mil');
    await olga.getByRole('option', { name: 'Milan Mentor' }).waitFor();
    await picker.press('Enter');
    await olga.getByRole('button', { name: 'Remove Milan Mentor from the organisers' }).waitFor();
    expect(await picker.inputValue()).toBe('');
    await check(olga, '95-events-form');
    await olga.getByRole('button', { name: 'Create event' }).click();
    await heading(olga, 'Mentor café');
    await olga.getByText('Every week').waitFor();
    expect(await olga.getByText('Organised by').textContent()).toMatch(/Milan Mentor.*Olga Meta/);

    // Milan answers on his phone: he takes the only place.
    const milan = await signedIn('milan', phone);
    await milan.goto(`/networks/${slug}/events`);
    await milan.getByRole('link', { name: 'Mentor café' }).first().click();
    await heading(milan, 'Mentor café');
    await olga.getByText('0 of 1 places taken').waitFor();
    await milan.getByRole('button', { name: 'Yes, I’ll come' }).click();
    await milan.getByText('You are going').first().waitFor();
    // Olga's open page counts his answer without a reload.
    await olga.getByText('1 of 1 places taken').waitFor();
    // As co-organiser he may edit it too.
    await milan.getByRole('link', { name: 'Edit event' }).waitFor();
    expect(await milan.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await check(milan, '95-event-phone');

    // Nadia answers too: the event is full, she waits as number 1.
    const nadia = await signedIn('nadia', phone);
    await nadia.goto(milan.url().replace(server.url, ''));
    await heading(nadia, 'Mentor café');
    await nadia.getByRole('button', { name: 'Yes, I’ll come' }).click();
    await nadia.getByText('You are number 1 on the waiting list').waitFor();
    expect(await nadia.getByRole('link', { name: 'Edit event' }).count()).toBe(0);
    await olga.getByText('1 waiting').waitFor();
    await milan.getByText('1 waiting').waitFor();

    // Rania reads the event in Arabic, right to left.
    const rania = await signedIn('rania', phone);
    await rania.goto(milan.url().replace(server.url, ''));
    await rania.getByRole('heading', { level: 1 }).waitFor();
    expect(await rania.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await rania.getByRole('button', { name: arabic('events.answer_yes') }).waitFor();
    await check(rania, '95-event-arabic');

    // Olga cancels the second date of the series, not the next one: from its row in the list, which
    // opens the event page on that date; she is asked first. The list then shows it cancelled.
    await olga.goto(`/networks/${slug}/events`);
    await heading(olga, 'Events');
    await olga.getByRole('link', { name: 'Mentor café' }).nth(1).click();
    await heading(olga, 'Mentor café');
    const second = await olga
      .getByLabel('Which date?')
      .evaluate((el) => (el as HTMLSelectElement).selectedIndex);
    expect(second).toBe(1);
    const secondKey = await olga.getByLabel('Which date?').inputValue();
    await olga.getByRole('button', { name: 'Cancel this date' }).click();
    const dialog = olga.getByRole('dialog');
    await dialog.getByText('Those who answered will be told.').waitFor();
    await check(olga, '95-event-date-confirm');
    await dialog.getByRole('button', { name: 'Cancel this date' }).click();
    await olga.getByText('The date was changed.').waitFor();
    await olga.getByText('This date is cancelled.').waitFor();
    await check(olga, '95-event-date-cancelled');
    await olga.goto(`/networks/${slug}/events`);
    await heading(olga, 'Events');
    await olga.getByRole('link', { name: 'Mentor café' }).nth(1).waitFor();
    expect(await olga.locator('li', { hasText: 'Mentor café' }).nth(1).textContent()).toContain('Cancelled');
    expect(await olga.locator('li', { hasText: 'Mentor café' }).nth(0).textContent()).not.toContain(
      'Cancelled',
    );

    // The .ics file is there for everyone; calendars read that date as cancelled (ical.js).
    const ics = await fetch(`${server.url}/api${new URL(milan.url()).pathname}.ics`, {
      headers: { cookie: seed.cookies.milan ?? '' },
    });
    expect(ics.status).toBe(200);
    const feed = new ICAL.Component(ICAL.parse(await ics.text()));
    const overrides = feed.getAllSubcomponents('vevent').filter((e) => e.hasProperty('recurrence-id'));
    expect(overrides).toHaveLength(1);
    expect(String(overrides[0]?.getFirstPropertyValue('recurrence-id'))).toBe(`${secondKey}:00`);
    expect(overrides[0]?.getFirstPropertyValue('status')).toBe('CANCELLED');

    // Olga calls the whole series off with a reason, after the question; Milan's open page shows it.
    await milan.getByRole('button', { name: 'Cancel my answer' }).waitFor();
    await olga.goto(milan.url().replace(server.url, ''));
    await heading(olga, 'Mentor café');
    await olga.getByRole('button', { name: 'Cancel the event' }).click();
    const calling = olga.getByRole('dialog');
    await calling.getByLabel('Reason (optional)').fill('The room is being renovated');
    await check(olga, '95-event-cancel-confirm');
    await calling.getByRole('button', { name: 'Cancel the event' }).click();
    await olga.getByText('The room is being renovated').waitFor();
    await milan.getByText('The room is being renovated').waitFor();
    expect(await milan.getByRole('button', { name: 'Cancel my answer' }).count()).toBe(0);

    expect(violations).toEqual([]);
  });

  it('gives a subscription feed whose next date keeps its wall time across a daylight-saving change', async () => {
    photographFailures();
    // A weekly meeting at 18:00 Berlin time that began two weeks before the last clock change.
    const firstDay = dayBeforeLastBerlinChange(Date.now()) - 14 * 86_400_000;
    const day = new Date(firstDay).toISOString().slice(0, 10);
    const created = await seed.call('olga', 'POST', `/networks/${slug}/events`, {
      title: 'Language tandem',
      description: '',
      language: 'de',
      format: 'on_site',
      address: 'Karl-Liebknecht-Straße 1, Leipzig',
      timeZone: 'Europe/Berlin',
      startsLocal: `${day}T18:00`,
      endsLocal: `${day}T20:00`,
      recurrence: { freq: 'weekly' },
    });
    const next = created.next as { startsAt: string };

    // Milan takes the subscription address from his account page, as he would into his calendar.
    const milan = await signedIn('milan', laptop);
    await milan.goto('/account');
    const feedField = milan.getByRole('textbox', { name: 'My calendar feed' });
    await feedField.waitFor();
    const feedUrl = await feedField.inputValue();
    expect(feedUrl.startsWith(server.url)).toBe(true);
    const response = await fetch(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const master = calendar
      .getAllSubcomponents('vevent')
      .find(
        (e) => e.getFirstPropertyValue('summary') === 'Language tandem' && !e.hasProperty('recurrence-id'),
      );
    expect(master).toBeDefined();
    const tandem = new ICAL.Event(master as ICAL.Component);
    const iterator = tandem.iterator();
    let upcoming: Date | null = null;
    for (let at = iterator.next(); at; at = iterator.next()) {
      const start = at.toJSDate();
      if (start.getTime() + 2 * 3_600_000 > Date.now()) {
        upcoming = start;
        break;
      }
    }
    // The next date is 18:00 on the clocks of Berlin, though the offset changed since the first one.
    expect(upcoming?.toISOString()).toBe(new Date(next.startsAt).toISOString());
    expect(berlinWallTime(upcoming as Date)).toBe('18:00');
    expect(berlinWallTime(tandem.startDate.toJSDate())).toBe('18:00');
    expect((upcoming as Date).getUTCHours()).not.toBe(tandem.startDate.toJSDate().getUTCHours());
    expect(berlinWeekday(upcoming as Date)).toBe(berlinWeekday(tandem.startDate.toJSDate()));
    expect((upcoming as Date).getTime() - Date.now()).toBeLessThan(7 * 86_400_000);
  });
});

/** Hours and minutes on a clock in Berlin. */
function berlinWallTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

function berlinWeekday(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long' }).format(at);
}

/** Berlin's offset from UTC at an instant, e.g. "GMT+1". */
function berlinOffset(at: number): string {
  return (
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? ''
  );
}

/** Noon UTC of the last day before Berlin's clocks last changed. */
function dayBeforeLastBerlinChange(now: number): number {
  const today = Math.floor(now / 86_400_000) * 86_400_000 + 12 * 3_600_000;
  const offset = berlinOffset(today);
  for (let day = today; day > today - 400 * 86_400_000; day -= 86_400_000) {
    if (berlinOffset(day) !== offset) return day;
  }
  throw new Error('no clock change in Berlin within a year');
}
