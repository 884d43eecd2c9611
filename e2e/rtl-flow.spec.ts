import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  launchBrowser,
  openNavEntry,
  screenshot,
  seriousA11yViolations,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { apiCall, buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let cookie = '';
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'mentoren-leipzig';
const olga = { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Müller' };
const karim = {
  email: 'karim@example.org',
  password: 'a windmill by the river',
  displayName: 'Karim Haddad',
};
const topicTitle = 'Termin im Jobcenter?';
const city = 'Leipzig 04107';
let topicId = '';
let orgSlug = '';

type Json = Record<string, unknown>;
async function call(method: string, path: string, body?: unknown): Promise<Json> {
  const answer = await apiCall(server, method, path, body, cookie);
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBeLessThan(300);
  return answer.json as Json;
}

/** A German network, organisation and topic, made through the API; Olga reads the app in Arabic. */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  await apiCall(server, 'POST', '/setup', {
    token: server.setupToken,
    email: 'admin@example.org',
    password: 'admin platform passphrase',
    displayName: 'Admin',
    locale: 'en',
  });
  await apiCall(server, 'POST', '/auth/register', { ...olga, locale: 'ar' });
  const login = await apiCall(server, 'POST', '/auth/login', { email: olga.email, password: olga.password });
  cookie = login.cookie ?? '';
  const org = await call('POST', '/organisations', {
    name: 'Willkommenshaus e.V.',
    kind: 'ngo',
    country: 'DE',
    city,
    languages: ['de', 'ar'],
  });
  orgSlug = String(org.slug);
  await call('POST', `/organisations/${org.slug}/networks`, {
    name: 'Mentoren Leipzig',
    slug,
    description: 'Mentoring für Geflüchtete in Leipzig.',
    languages: ['de', 'ar'],
    visibility: 'private',
  });
  await call('POST', `/networks/${slug}/meta-mentors`, { email: olga.email });
  const docs = (await call('GET', `/networks/${slug}/documents`)) as {
    documents: { kind: string; version: number }[];
  };
  const version = (kind: string) => docs.documents.find((d) => d.kind === kind)?.version;
  await call('POST', `/networks/${slug}/documents/accept`, {
    agreementVersion: version('agreement'),
    rulesVersion: version('rules'),
  });
  const { spaces } = (await call('GET', `/networks/${slug}/spaces`)) as { spaces: { id: string }[] };
  const topic = await call('POST', `/networks/${slug}/topics`, {
    spaceId: spaces[0]?.id,
    title: topicTitle,
    body: 'Treffpunkt: Leipzig 04107, vor dem Eingang.',
  });
  topicId = String((topic.topic as Json | undefined)?.id ?? topic.id);
  // Karim writes to Olga and answers her topic: her header shows both unread badges.
  await apiCall(server, 'POST', '/auth/register', { ...karim, locale: 'de' });
  await call('POST', `/networks/${slug}/meta-mentors`, { email: karim.email });
  const olgaId = String(((await call('GET', '/session')).user as Json).id);
  const olgaCookie = cookie;
  cookie =
    (await apiCall(server, 'POST', '/auth/login', { email: karim.email, password: karim.password })).cookie ??
    '';
  await call('POST', `/networks/${slug}/documents/accept`, {
    agreementVersion: version('agreement'),
    rulesVersion: version('rules'),
  });
  const conversation = await call('POST', '/conversations/direct', { userId: olgaId });
  await call('POST', `/conversations/${conversation.id}/messages`, {
    body: 'Hallo Olga, hast du morgen Zeit?',
    clientId: 'rtl-flow-1',
  });
  await call('POST', `/networks/${slug}/topics/${topicId}/replies`, { body: 'Ich komme mit zum Jobcenter.' });
  cookie = olgaCookie;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The element's own direction as the browser lays it out, and whether it is isolated (bdi or dir=auto). */
async function direction(locator: Locator): Promise<{ direction: string; isolated: boolean }> {
  return locator.evaluate((node) => ({
    direction: getComputedStyle(node).direction,
    isolated: node.tagName === 'BDI' || node.getAttribute('dir') === 'auto',
  }));
}

/** The innermost element that shows exactly this user text. */
const userText = (page: Page, text: string) =>
  page
    .locator('bdi, [dir="auto"]')
    .filter({ hasText: new RegExp(`^${text.replace(/[?.]/g, '\\$&')}$`) })
    .first();

describe('right to left', () => {
  it('keeps German user text left-to-right in Arabic at 390 px; the More menu works; the header fits', async () => {
    const violations: string[] = [];
    const ctx = await browser.newContext({
      baseURL: server.url,
      viewport: { width: phone.width, height: phone.height },
      colorScheme: phone.colorScheme,
      locale: 'ar',
      serviceWorkers: 'block',
    });
    const [name = '', value = ''] = cookie.split('=');
    await ctx.addCookies([{ name, value, url: server.url }]);
    const page = await ctx.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: 'e2e/screenshots/failure-rtl.png', fullPage: true }).catch(() => {});
    });
    const scan = async (label: string) => {
      await page.waitForLoadState('networkidle');
      await screenshot(page, phone, label);
      for (const v of await seriousA11yViolations(page)) violations.push(`${label}: ${v}`);
    };

    // The header with both unread badges (messages, notifications) fits the phone's width.
    await page.goto('/home');
    await page.locator('html[dir="rtl"]').waitFor();
    await page.locator('.site-nav .count-badge').nth(1).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    const nav = await page.locator('.site-nav').boundingBox();
    expect(nav?.height ?? 999).toBeLessThan(60);
    await scan('79-rtl-home-badges');

    // The topic: its title ends in "?" on the right of the Latin text, not before "Termin".
    await page.goto(`/networks/${slug}/discussions/${topicId}`);
    await page.locator('html[dir="rtl"]').waitFor();
    const title = page.getByRole('heading', { level: 1, name: topicTitle });
    await title.waitFor();
    expect(await direction(title)).toEqual({ direction: 'ltr', isolated: true });
    await scan('80-rtl-topic');

    // The list of topics.
    await page.goto(`/networks/${slug}/discussions`);
    expect(await direction(userText(page, topicTitle))).toEqual({ direction: 'ltr', isolated: true });

    // The network's home: its description and a member's name.
    await page.goto(`/networks/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Mentoren Leipzig' }).waitFor();
    expect(await direction(userText(page, 'Mentoring für Geflüchtete in Leipzig.'))).toEqual({
      direction: 'ltr',
      isolated: true,
    });
    expect(await direction(userText(page, olga.displayName))).toEqual({ direction: 'ltr', isolated: true });
    expect(await direction(page.locator('html'))).toMatchObject({ direction: 'rtl' });
    await scan('81-rtl-network');

    // The organisation's address.
    await page.goto(`/organisations/${orgSlug}`);
    await page.getByRole('heading', { level: 1, name: 'Willkommenshaus e.V.' }).waitFor();
    expect(await direction(userText(page, city))).toEqual({ direction: 'ltr', isolated: true });

    // The network's sections: a few tabs and "More", a menu button that works with the keyboard.
    await page.goto(`/networks/${slug}`);
    const sections = page.getByRole('navigation', { name: /Mentoren Leipzig/ });
    const more = sections.getByRole('button', { name: /المزيد/ });
    // The network's German name keeps its own direction inside the Arabic label of its sections.
    expect(await sections.getAttribute('aria-label')).toContain('\u2068Mentoren Leipzig\u2069');
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    const navBox = await sections.boundingBox();
    expect(navBox?.height ?? 999).toBeLessThan(60);
    expect((navBox?.x ?? -1) >= 0 && (navBox?.width ?? 999) <= phone.width).toBe(true);
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const items = menu.getByRole('menuitem').filter({ visible: true });
    expect(await items.count()).toBeGreaterThan(2);
    await expect.poll(() => items.first().evaluate((n) => n === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => items.nth(1).evaluate((n) => n === document.activeElement)).toBe(true);
    await scan('82-rtl-more-menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => more.evaluate((n) => n === document.activeElement)).toBe(true);
    // An entry only the menu has on a phone opens its page.
    await openNavEntry(page, 'الإعدادات', /Mentoren Leipzig/);
    await page.waitForURL(/\/settings$/);

    // At 1280 px the header is one row and the network's sections one line of tabs.
    await page.setViewportSize({ width: laptop.width, height: laptop.height });
    await page.goto(`/networks/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Mentoren Leipzig' }).waitFor();
    const header = await page.locator('.site-header-inner').boundingBox();
    expect(header?.height ?? 999).toBeLessThan(70);
    const tabs = await page.getByRole('navigation', { name: /Mentoren Leipzig/ }).boundingBox();
    expect(tabs?.height ?? 999).toBeLessThan(60);
    await screenshot(page, laptop, '83-rtl-network-wide');
    for (const v of await seriousA11yViolations(page)) violations.push(`1280-network: ${v}`);

    expect(violations).toEqual([]);
    await ctx.close();
  });
});
