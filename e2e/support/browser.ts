import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshotDir = new URL('../screenshots/', import.meta.url).pathname;

/** The API path of one's own tour of a network. */
const TOUR_API = /\/api\/networks\/[^/]+\/tour$/;

/**
 * Every flow but the tour's own starts as a member who has been through each network's first-run
 * tour already (its dialog would stand in front of their steps): the browser's contexts see a new
 * tour as done. `showTours` lifts that for one context.
 */
async function asReturningMember(context: BrowserContext): Promise<void> {
  await context.route(TOUR_API, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    try {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: body.status === 'new' ? { ...body, status: 'done' } : body });
    } catch {
      // The page was closed or taken offline while its tour was on the way: it gets the network
      // error it would have had without this route (or, closed, nothing waits for it).
      await route.abort('internetdisconnected').catch(() => {});
    }
  });
}

/** The context sees each network's first-run tour as the server has it (e2e/tour.spec.ts). */
export async function showTours(context: BrowserContext): Promise<void> {
  await context.unroute(TOUR_API);
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await asReturningMember(context);
    return context;
  };
  return browser;
}

export interface Viewport {
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

/** The two widths every flow runs at: a cheap phone (in dark mode) and a laptop. */
export const VIEWPORTS: Viewport[] = [
  { width: 390, height: 844, colorScheme: 'dark' },
  { width: 1280, height: 800, colorScheme: 'light' },
];

/** A browser context at the viewport; `locale` is the browser's language (the app speaks it before sign-in). */
export function newContext(
  browser: Browser,
  baseURL: string,
  viewport: Viewport,
  locale = 'en',
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: viewport.width, height: viewport.height },
    colorScheme: viewport.colorScheme,
    locale: locale === 'en' ? 'en-US' : locale,
    serviceWorkers: 'block',
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page; returns serious and critical violations, described. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy rightly blocks inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Full-page screenshot to e2e/screenshots/<width>-<name>.png for humans to look at. */
export async function screenshot(page: Page, viewport: Viewport, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${viewport.width}-${name}.png`, fullPage: true });
}

/**
 * Screenshot (`<prefix>-<name>`) and axe scan of the page at its own width, findings added to
 * `violations`; the page must not be wider than the screen.
 */
export function pageCheck(viewport: Viewport, prefix: string, violations: string[]) {
  return async (page: Page, name: string): Promise<void> => {
    await page.waitForLoadState('networkidle');
    await screenshot(page, viewport, `${prefix}-${name}`);
    for (const v of await seriousA11yViolations(page)) violations.push(`${name}: ${v}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} is wider than the screen`).toBeLessThanOrEqual(0);
  };
}

/**
 * Screenshot and axe scan at the page's own width, then at the other one (with its colour scheme),
 * and back; serious or critical findings are added to `violations`.
 */
export async function checkBothWidths(page: Page, name: string, violations: string[]): Promise<void> {
  const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
  await page.waitForLoadState('networkidle');
  const own = page.viewportSize()?.width === phone.width ? phone : laptop;
  const other = own === phone ? laptop : phone;
  for (const viewport of [own, other]) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.emulateMedia({ colorScheme: viewport.colorScheme });
    await screenshot(page, viewport, name);
    for (const v of await seriousA11yViolations(page)) violations.push(`${viewport.width}-${name}: ${v}`);
  }
  await page.setViewportSize({ width: own.width, height: own.height });
  await page.emulateMedia({ colorScheme: own.colorScheme });
}

/**
 * Opens an entry of a navigation by its name, wherever it is at this width: a visible tab or link
 * (or button, such as signing out), else the entry under the navigation's "More" menu.
 * `navigation` narrows the search to one navigation (its accessible name).
 */
export async function openNavEntry(
  page: Page,
  name: string | RegExp,
  navigation?: string | RegExp,
): Promise<void> {
  const navs = navigation ? page.getByRole('navigation', { name: navigation }) : page.getByRole('navigation');
  await navs.first().waitFor();
  const exact = typeof name === 'string';
  const direct = navs
    .getByRole('link', { name, exact })
    .or(navs.getByRole('button', { name, exact }))
    .filter({ visible: true });
  if ((await direct.count()) > 0) {
    await direct.first().click();
    return;
  }
  const menus = navs.locator('button[aria-haspopup="menu"]').filter({ visible: true });
  for (let i = 0; i < (await menus.count()); i++) {
    const button = menus.nth(i);
    await button.click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    const item = menu.getByRole('menuitem', { name, exact }).filter({ visible: true });
    if ((await item.count()) > 0) {
      await item.first().click();
      return;
    }
    // Closed before the next menu's button is clicked: an open menu covers it. Escape reaches the
    // menu only once it has the focus; otherwise its button closes it.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden', timeout: 2_000 }).catch(async () => {
      await button.click();
      await menu.waitFor({ state: 'hidden' });
    });
  }
  throw new Error(`No navigation entry named ${String(name)}`);
}

/** Chooses an option of a searchable combobox (language and country pickers): types, then picks it. */
export async function chooseOption(page: Page, label: string | RegExp, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: typeof label === 'string' });
  await box.click();
  await box.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The pages a spec opens, photographed into e2e/screenshots/failure-<name>-<n>.png when a test fails. */
export class OpenPages {
  readonly list: Page[] = [];

  constructor(readonly name: string) {}

  add(page: Page): Page {
    this.list.push(page);
    return page;
  }

  /** Call at the start of a test. */
  photographFailures(): void {
    onTestFailed(async () => {
      for (const [i, page] of this.list.entries()) {
        await page
          .screenshot({ path: `e2e/screenshots/failure-${this.name}-${i}.png`, fullPage: true })
          .catch(() => {});
      }
    });
  }
}
