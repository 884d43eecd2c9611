import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { arabic } from './support/messages.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'offline-net';
const olga = { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' };
const karim = { email: 'karim@example.org', password: 'a windmill by the river', displayName: 'كريم' };
type Who = 'olga' | 'karim';
let seed: NetworkSeed;
const call = (who: Who, method: string, path: string, body?: unknown) => seed.call(who, method, path, body);
const topicTitle = 'Where is the housing office?';
let topicId = '';
let conversationId = '';
let resourceId = '';
let eventId = '';
const resourceTitle = 'First steps in Leipzig';
const eventTitle = 'Evening walk by the river';

type Json = Record<string, unknown>;

/** A network with a topic (one reply) and a conversation between Olga (English) and Karim (Arabic). */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', olga, {
    name: 'Offline Network',
    languages: ['en', 'ar'],
    orgLanguages: ['en', 'ar'],
  });
  const { spaces } = (await call('olga', 'GET', `/networks/${slug}/spaces`)) as { spaces: { id: string }[] };
  const topic = await call('olga', 'POST', `/networks/${slug}/topics`, {
    spaceId: spaces[0]?.id,
    title: topicTitle,
    body: 'I need to register my address this week.',
  });
  topicId = String(topic.id);
  await seed.register('karim', karim, 'ar');
  await call('olga', 'POST', `/networks/${slug}/meta-mentors`, { email: karim.email });
  await seed.acceptDocuments('karim');
  await call('karim', 'POST', `/networks/${slug}/topics/${topicId}/replies`, {
    body: 'It is in the town hall, second floor.',
  });
  const olgaId = String(((await call('olga', 'GET', '/session')).user as Json).id);
  const conversation = await call('karim', 'POST', '/conversations/direct', { userId: olgaId });
  conversationId = String(conversation.id);
  await call('karim', 'POST', `/conversations/${conversationId}/messages`, {
    body: 'Shall we go together on Monday?',
    clientId: 'offline-flow-1',
  });
  const resource = await call('olga', 'POST', `/networks/${slug}/resources`, {
    kind: 'page',
    title: resourceTitle,
    body: 'Register your address within **two weeks**.',
    language: 'en',
  });
  resourceId = String(resource.id);
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const event = await call('olga', 'POST', `/networks/${slug}/events`, {
    title: eventTitle,
    language: 'en',
    format: 'on_site',
    address: 'Clara-Zetkin-Park, Leipzig',
    timeZone: 'Europe/Berlin',
    startsLocal: `${day}T18:00`,
    endsLocal: `${day}T19:30`,
  });
  eventId = String(event.id);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in browser with the service worker allowed (it serves the app when offline). */
async function signedIn(
  who: Who,
  viewport: Viewport,
  locale: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: viewport.width, height: viewport.height },
    colorScheme: viewport.colorScheme,
    locale,
    serviceWorkers: 'allow',
  });
  const [name, value] = (seed.cookies[who] ?? '').split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  onTestFailed(async () => {
    await page
      .screenshot({ path: `e2e/screenshots/failure-offline-${who}.png`, fullPage: true })
      .catch(() => {});
  });
  return { context, page };
}

/** Loads the app until the service worker controls the page and holds the shell. */
async function installServiceWorker(page: Page): Promise<void> {
  await page.goto('/home');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(
    async () => {
      for (const key of await caches.keys()) if (await (await caches.open(key)).match('/')) return true;
      return false;
    },
    null,
    { timeout: 20_000 },
  );
  // From now on every request of the page goes through the worker (and the chunks it uses are cached).
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The offline cache as kept in IndexedDB (the JSON text), or '' when there is none. */
function readSaved(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('mentornet-offline');
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const db = open.result;
          try {
            const get = db.transaction('keyval').objectStore('keyval').get('client');
            get.onsuccess = () => {
              db.close();
              resolve(typeof get.result === 'string' ? get.result : '');
            };
            get.onerror = () => resolve('');
          } catch {
            db.close();
            resolve('');
          }
        };
      }),
  );
}

/** Waits until the offline cache holds `part` (a query key or the outbox's). */
async function waitUntilSaved(page: Page, part: string): Promise<void> {
  await expect.poll(() => readSaved(page), { timeout: 10_000, interval: 250 }).toContain(part);
}

/** What the server holds: the topic's replies and the conversation's messages with this text. */
async function repliesWith(text: string): Promise<number> {
  const list = (await call('olga', 'GET', `/networks/${slug}/topics/${topicId}/replies?limit=100`)) as {
    replies: { bodyHtml: string | null }[];
  };
  return list.replies.filter((r) => (r.bodyHtml ?? '').includes(text)).length;
}
async function messagesWith(text: string): Promise<number> {
  const page = (await call('olga', 'GET', `/conversations/${conversationId}/messages?limit=100`)) as {
    messages: { body: string }[];
  };
  return page.messages.filter((m) => m.body === text).length;
}

const topicPath = () => `/networks/${slug}/discussions/${topicId}`;
const chatPath = () => `/messages/${conversationId}`;

describe('offline reading and the outbox', () => {
  it('shows saved pages offline with the time they were saved, and sends what was written offline exactly once', async () => {
    const { context, page } = await signedIn('olga', laptop, 'en-US');
    await installServiceWorker(page);

    // Online: Olga reads the topic and the conversation.
    await page.goto(topicPath());
    await page.getByRole('heading', { level: 1, name: topicTitle }).waitFor();
    await page.getByText('It is in the town hall, second floor.').waitFor();
    await waitUntilSaved(page, `"${topicId}","replies"`);
    await page.goto(chatPath());
    await page.getByText('Shall we go together on Monday?').waitFor();
    await waitUntilSaved(page, `"${conversationId}","history"`);

    // Offline: a reload and a navigation still show them, under the bar that says when they were saved.
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Shall we go together on Monday?').waitFor();
    const bar = page.getByTestId('offline-bar');
    await expect.poll(() => bar.textContent()).toMatch(/^Offline — showing what was saved at \d{1,2}:\d{2}/);
    await page.goto(topicPath());
    await page.getByRole('heading', { level: 1, name: topicTitle }).waitFor();
    await page.getByText('It is in the town hall, second floor.').waitFor();
    await bar.waitFor();
    await screenshot(page, laptop, 'offline-01-topic');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A reply written offline waits, and survives a reload.
    await page.getByLabel('Reply (Markdown)').fill('I can come along on Monday.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const queued = page.getByTestId('queued-reply');
    await queued.filter({ hasText: 'I can come along on Monday.' }).getByText('Waiting to send').waitFor();
    await waitUntilSaved(page, '"outbox","reply"');
    await page.reload();
    await queued.filter({ hasText: 'I can come along on Monday.' }).getByText('Waiting to send').waitFor();
    expect(await repliesWith('I can come along on Monday.')).toBe(0);

    // A message written offline waits too.
    await page.goto(chatPath());
    const input = page.getByLabel('Your message');
    await input.fill('See you at nine.');
    await input.press('Enter');
    const bubble = page.locator('.chat-log .bubble', { hasText: 'See you at nine.' });
    await bubble.getByText('Waiting to send').waitFor();
    await waitUntilSaved(page, '"outbox","message"');
    await screenshot(page, laptop, 'offline-02-chat-waiting');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await messagesWith('See you at nine.')).toBe(0);

    // Back online: both are sent, once each, and the bar goes.
    await context.setOffline(false);
    await expect.poll(() => messagesWith('See you at nine.'), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => repliesWith('I can come along on Monday.'), { timeout: 20_000 }).toBe(1);
    await bubble.getByText('Waiting to send').waitFor({ state: 'detached' });
    await bar.waitFor({ state: 'detached' });
    await page.goto(topicPath());
    await page.getByText('I can come along on Monday.').waitFor();
    expect(await queued.count()).toBe(0);
    // A reload sends nothing again.
    await page.reload();
    await page.getByText('I can come along on Monday.').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await repliesWith('I can come along on Monday.')).toBe(1);
    expect(await messagesWith('See you at nine.')).toBe(1);
    await context.close();
  });

  it('keeps resources and upcoming events readable offline, under the bar with the time they were saved', async () => {
    const { context, page } = await signedIn('olga', laptop, 'en-US');
    await installServiceWorker(page);
    const resourcesPath = `/networks/${slug}/resources`;
    const eventsPath = `/networks/${slug}/events`;

    // Online: Olga looks at the library, a page of it, the events and one event.
    await page.goto(resourcesPath);
    await page.getByRole('link', { name: resourceTitle }).waitFor();
    await waitUntilSaved(page, '"resources","list"');
    await page.goto(`${resourcesPath}/${resourceId}`);
    await page.getByRole('heading', { level: 1, name: resourceTitle }).waitFor();
    await page.locator('.markdown strong', { hasText: 'two weeks' }).waitFor();
    await waitUntilSaved(page, `"resource","${resourceId}"`);
    await page.goto(eventsPath);
    await page.getByRole('link', { name: eventTitle }).first().waitFor();
    await waitUntilSaved(page, '"events","list"');
    await page.goto(`${eventsPath}/${eventId}`);
    await page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
    await page.getByText('Clara-Zetkin-Park, Leipzig').first().waitFor();
    await waitUntilSaved(page, `"event","${eventId}"`);

    // Offline: each of them loads again from what was saved, under the bar.
    await context.setOffline(true);
    const bar = page.getByTestId('offline-bar');
    const savedAt = /^Offline — showing what was saved at \d{1,2}:\d{2}/;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
    await page.getByText('Clara-Zetkin-Park, Leipzig').first().waitFor();
    await expect.poll(() => bar.textContent()).toMatch(savedAt);
    await screenshot(page, laptop, 'offline-04-event');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(eventsPath);
    await page.getByRole('link', { name: eventTitle }).first().waitFor();
    await expect.poll(() => bar.textContent()).toMatch(savedAt);

    await page.goto(resourcesPath);
    await page.getByRole('link', { name: resourceTitle }).waitFor();
    await expect.poll(() => bar.textContent()).toMatch(savedAt);

    await page.goto(`${resourcesPath}/${resourceId}`);
    await page.getByRole('heading', { level: 1, name: resourceTitle }).waitFor();
    await page.locator('.markdown strong', { hasText: 'two weeks' }).waitFor();
    await expect.poll(() => bar.textContent()).toMatch(savedAt);
    await screenshot(page, laptop, 'offline-05-resource');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await context.setOffline(false);
    await bar.waitFor({ state: 'detached' });
    await context.close();
  });

  it('reads and writes offline in Arabic at 390 px, right to left', async () => {
    const { context, page } = await signedIn('karim', phone, 'ar');
    await installServiceWorker(page);
    await page.goto(topicPath());
    await page.getByRole('heading', { level: 1, name: topicTitle }).waitFor();
    await page.goto(chatPath());
    await page.getByText('Shall we go together on Monday?').waitFor();
    await waitUntilSaved(page, `"${conversationId}","history"`);
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Shall we go together on Monday?').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const prefix = arabic('offline.saved_at').split('\u2068')[0] ?? '';
    expect(prefix.length).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId('offline-bar').textContent()).toContain(prefix.trim());

    const input = page.getByLabel(arabic('messages.compose_label'));
    await input.fill('سأكون هناك في التاسعة.');
    await input.press('Enter');
    const bubble = page.locator('.chat-log .bubble', { hasText: 'سأكون هناك في التاسعة.' });
    await bubble.getByText(arabic('offline.waiting_to_send')).waitFor();
    await page.waitForLoadState('networkidle').catch(() => {});
    await screenshot(page, phone, 'offline-03-chat-ar');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The page fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    await context.setOffline(false);
    await expect.poll(() => messagesWith('سأكون هناك في التاسعة.'), { timeout: 20_000 }).toBe(1);
    await bubble.getByText(arabic('offline.waiting_to_send')).waitFor({ state: 'detached' });
    await context.close();
  });
});
