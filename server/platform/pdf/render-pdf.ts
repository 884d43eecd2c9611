import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Documents as PDF through Chromium's print-to-PDF: the browser shapes and orders every script
 * (Arabic joined and right to left, Greek, Cyrillic, Ethiopic) as it does on screen, and embeds the
 * subset of the fonts the text uses, with a text layer that PDF text extractors read back. Fonts are
 * the Noto families shipped as npm packages, inlined into the page, so nothing depends on the fonts
 * installed on the machine. Each letter takes the first family of the list that has it, so a
 * Tigrinya word inside a Latin sentence gets Noto Sans Ethiopic and the words around it Noto Sans.
 */

const require = createRequire(import.meta.url);

/** The @font-face rules of one fontsource stylesheet, with the woff2 files inlined. */
function inlineFontCss(pkg: string, weight: 400 | 700): string {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8');
  return css.replace(
    /src: url\(\.\/files\/([\w.-]+\.woff2)\) format\('woff2'\)[^;]*;/g,
    (_, file: string) => {
      const data = readFileSync(path.join(dir, 'files', file)).toString('base64');
      return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
    },
  );
}

/** The Ethiopic blocks (syllables, supplement, extended A and B), for Tigrinya and Amharic. */
const ETHIOPIC_RANGE = 'U+1200-139F, U+2D80-2DDF, U+AB00-AB2F, U+1E7E0-1E7FF';

/** An @font-face rule of Noto Sans Ethiopic (TrueType files, no fontsource package), inlined. */
function ethiopicFontCss(weight: 400 | 700): string {
  const file = weight === 400 ? '400Regular/NotoSansEthiopic_400Regular' : '700Bold/NotoSansEthiopic_700Bold';
  const data = readFileSync(require.resolve(`@expo-google-fonts/noto-sans-ethiopic/${file}.ttf`)).toString(
    'base64',
  );
  return `@font-face {
  font-family: 'Noto Sans Ethiopic';
  font-style: normal;
  font-weight: ${weight};
  src: url(data:font/ttf;base64,${data}) format('truetype');
  unicode-range: ${ETHIOPIC_RANGE};
}`;
}

let fontCss: string | null = null;

/**
 * Noto Sans (Latin, Greek, Cyrillic, …), Noto Sans Arabic and Noto Sans Ethiopic, regular and bold,
 * for `font-family`.
 */
export function embeddedFontCss(): string {
  fontCss ??= [
    inlineFontCss('@fontsource/noto-sans', 400),
    inlineFontCss('@fontsource/noto-sans', 700),
    inlineFontCss('@fontsource/noto-sans-arabic', 400),
    inlineFontCss('@fontsource/noto-sans-arabic', 700),
    ethiopicFontCss(400),
    ethiopicFontCss(700),
  ].join('\n');
  return fontCss;
}

export const PDF_FONT_FAMILY = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Ethiopic', sans-serif";

/** Thrown when Chromium cannot be started (not installed where CHROMIUM_PATH says). */
export class PdfUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Chromium could not be started for PDF output: ${cause instanceof Error ? cause.message : cause}`);
    this.name = 'PdfUnavailableError';
  }
}

// One document at a time per process: a Chromium takes a few hundred MB while it prints.
let queue: Promise<unknown> = Promise.resolve();

/**
 * How long a started Chromium waits for the next document before it is closed. Starting one takes
 * most of a report's time (about a second on a small machine); a staff member who downloads the
 * report in two languages, or several networks' reports, should not pay that each time, and an
 * idle server should not keep a browser's memory.
 */
const IDLE_MS = 60_000;
type Browser = Awaited<ReturnType<typeof chromium.launch>>;
let warm: { browser: Browser; path: string; timer: NodeJS.Timeout | null } | null = null;

/** Prints a self-contained HTML page (no network: scripts off, only inline resources) to an A4 PDF. */
export function renderPdf(html: string, options: { chromiumPath: string }): Promise<Buffer> {
  const job = queue.then(() => print(html, options.chromiumPath));
  queue = job.catch(() => undefined);
  return job;
}

/** Closes the warm Chromium now (at shutdown, or in tests). */
export async function closePdfBrowser(): Promise<void> {
  const current = warm;
  warm = null;
  if (!current) return;
  if (current.timer) clearTimeout(current.timer);
  await current.browser.close().catch(() => undefined);
}

async function browserFor(executablePath: string): Promise<Browser> {
  if (warm && warm.path === executablePath && warm.browser.isConnected()) {
    if (warm.timer) clearTimeout(warm.timer);
    warm.timer = null;
    return warm.browser;
  }
  await closePdfBrowser();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    throw new PdfUnavailableError(err);
  }
  const entry = { browser, path: executablePath, timer: null };
  warm = entry;
  browser.on('disconnected', () => {
    if (warm === entry) warm = null;
  });
  return browser;
}

async function print(html: string, executablePath: string): Promise<Buffer> {
  const browser = await browserFor(executablePath);
  // Each document in a fresh context of its own: nothing carries over from the one before.
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await context.close().catch(() => undefined);
    const entry = warm;
    if (entry?.browser === browser) {
      entry.timer = setTimeout(() => void closePdfBrowser(), IDLE_MS);
      // An idle browser must not keep the process (or a test run) alive.
      entry.timer.unref();
    }
  }
}
