import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intlLocale } from '../common/locales.ts';
import { launchBrowser, VIEWPORTS } from './support/browser.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

/**
 * Dates in the languages Chromium's ICU lacks (Pashto, Somali, Tigrinya): Intl would write them in
 * English ("Thursday, December 5, 2030"); the app writes them from its own tables, as a full ICU
 * (Node's, the reference here) does, in the reader's time zone and in the event's.
 */
let server: TestServer;
let browser: Browser;
let seed: NetworkSeed;
const slug = 'dates-asmara';
const WAIT = { timeout: 15_000 };
const founder = { email: 'semhar@example.org', password: 'a kite above the dunes', displayName: 'Semhar T.' };
const EVENT_ZONE = 'Europe/Berlin';
// 18:00–20:00 in Berlin on a Thursday in December (17:00–19:00 UTC).
const starts = Date.UTC(2030, 11, 5, 17, 0);
const ends = starts + 2 * 3_600_000;

beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('founder', founder, { name: 'Dates Asmara', languages: ['ti', 'so', 'ps'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('dates in languages the browser lacks', () => {
  it('writes an event’s date in Tigrinya, Somali and Pashto words, not English', async () => {
    const event = await seed.call('founder', 'POST', `/networks/${slug}/events`, {
      title: 'Coffee ceremony',
      description: '',
      language: 'ti',
      format: 'on_site',
      address: 'Karl-Liebknecht-Straße 1, Leipzig',
      timeZone: EVENT_ZONE,
      startsLocal: '2030-12-05T18:00',
      endsLocal: '2030-12-05T20:00',
    });
    const context = await seed.signedInContext(
      browser,
      'founder',
      VIEWPORTS[0] as (typeof VIEWPORTS)[number],
    );
    try {
      const page = await context.newPage();
      const expected: Record<string, RegExp> = { ti: /ታሕሳስ/, so: /Diseembar/, ps: /دسمبر/ };
      for (const locale of ['ti', 'so', 'ps']) {
        await seed.call('founder', 'PATCH', '/me', { locale });
        await page.goto(`/networks/${slug}/events/${event.id}`);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), WAIT).toBe(locale);
        const readerZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        // The point of the test: this Chromium has no data for the language.
        expect(await page.evaluate((l) => Intl.DateTimeFormat.supportedLocalesOf([l]), locale)).toEqual([]);

        const when = page.locator('#event-when ~ p time').first();
        const full = { dateStyle: 'full', timeStyle: 'short' } as const;
        const reference = new Intl.DateTimeFormat(intlLocale(locale), { ...full, timeZone: readerZone });
        await expect.poll(() => when.textContent(), WAIT).toBe(reference.formatRange(starts, ends));
        const text = (await when.textContent()) ?? '';
        expect(text).toMatch(expected[locale] as RegExp);
        expect(text).not.toMatch(/December|Thursday/);

        // The event's own zone, with the date and time in the medium style.
        const inZone = new Intl.DateTimeFormat(intlLocale(locale), {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: EVENT_ZONE,
        }).format(starts);
        await expect
          .poll(() => page.locator('main').textContent(), WAIT)
          .toContain(`${inZone} (${EVENT_ZONE})`);
      }
      // Pashto writes its numbers in Extended Arabic-Indic digits.
      expect(await page.locator('#event-when ~ p time').first().textContent()).toContain('۲۰۳۰');
    } finally {
      await context.close();
    }
  });
});
