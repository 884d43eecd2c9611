import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import { languageName } from '../../../common/languages.ts';
import { etagOf } from '../../lib/http-cache.ts';
import type { NetworkRow } from './networks.table.ts';

/**
 * The share image of a public network (og:image): a 1200×630 PNG with its name, region, languages,
 * the start of its description and the mentorNET mark, so a link shared in a messenger shows the
 * network rather than a bare icon. Drawn as SVG and rendered with resvg, with fonts shipped as npm
 * packages, never the system's, so it works on a server without fonts or a browser: DejaVu Sans
 * (Latin, Greek, Cyrillic, Arabic, Hebrew and more), Noto Sans Ethiopic for Tigrinya and Amharic,
 * and Noto Sans Arabic for the Urdu and Pashto letters DejaVu lacks (ہ, ے, ۍ, …).
 */

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;
/** Raised when the drawing changes, so that every cached image is replaced. */
const DRAWING_VERSION = 2;

const require = createRequire(import.meta.url);
/** Only the two weights drawn (normal and bold): resvg loads every listed file for each render. */
const FONT_FILES = [
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  '@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-ethiopic/700Bold/NotoSansEthiopic_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
].map((file) => require.resolve(file));

/**
 * Runs of Ethiopic or of Arabic script, with the spaces between their words. Each run DejaVu Sans
 * cannot draw gets a span in a font that can; everything else keeps DejaVu Sans. A font-family list
 * would not do: resvg takes only the first family of a list that it has, and its fallback for a
 * letter the font lacks ignores the weight (bold Ethiopic came out regular).
 */
const SCRIPT_RUN =
  /(?<ethiopic>[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]+(?:\s+[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]+)*)|[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+(?:\s+[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+)*/gu;
/**
 * The Arabic-script letters and marks DejaVu Sans lacks (found by drawing each): a run with one of
 * them is drawn whole in Noto Sans Arabic, so that a word's letters join and match.
 */
const NOT_IN_DEJAVU =
  /[\u0608\u060b\u060d-\u061a\u061d\u061e\u0620\u063b-\u063f\u0656-\u065f\u0671-\u0678\u06c1-\u06c5\u06c9\u06ca\u06cd\u06cf\u06d1-\u06d4\u06d6-\u06dc\u06de-\u06e4\u06e7-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]/u;

type ShareFacts = Pick<NetworkRow, 'slug' | 'name' | 'description' | 'region' | 'languages'>;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\p{Cc}/gu, ' ');

/** A text as the content of an SVG text element, each run DejaVu lacks in a span of its own font. */
function textContent(text: string): string {
  let out = '';
  let last = 0;
  for (const run of text.matchAll(SCRIPT_RUN)) {
    const family = run.groups?.ethiopic
      ? 'Noto Sans Ethiopic'
      : NOT_IN_DEJAVU.test(run[0])
        ? 'Noto Sans Arabic'
        : undefined;
    out += escapeXml(text.slice(last, run.index));
    out += family ? `<tspan font-family="${family}">${escapeXml(run[0])}</tspan>` : escapeXml(run[0]);
    last = run.index + run[0].length;
  }
  return out + escapeXml(text.slice(last));
}

/** Whether a text is written right to left (its first strong letter is Arabic or Hebrew). */
function isRtl(text: string): boolean {
  const strong = text.match(
    /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u08ff\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f\ufb1d-\ufdff\ufe70-\ufeff]/,
  );
  return strong !== null && /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(strong[0]);
}

/** Words in lines of at most `width` characters, at most `lines` of them (the last cut with …). */
export function wrapText(text: string, width: number, lines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length <= width) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    line = [...word].length > width ? `${[...word].slice(0, width - 1).join('')}…` : word;
    if (out.length === lines) break;
  }
  if (line && out.length < lines) out.push(line);
  if (out.length === lines && out.join(' ').length < words.join(' ').length) {
    const last = out[lines - 1] ?? '';
    if (!last.endsWith('…')) out[lines - 1] = `${[...last].slice(0, width - 1).join('')}…`;
  }
  return out.slice(0, lines);
}

/** The SVG of a network's share image. */
export function shareImageSvg(network: ShareFacts, platformName: string): string {
  const languages = JSON.parse(network.languages) as string[];
  const main = languages[0] ?? 'en';
  const languageText = languages.map((code) => languageName(code, main)).join(' · ');
  const nameLines = wrapText(network.name, 26, 2);
  const details = [network.region, languageText].filter(Boolean).join(' — ');
  const description = wrapText(network.description, 56, 2);
  const rtl = isRtl(network.name);
  const x = rtl ? SHARE_IMAGE_WIDTH - 80 : 80;
  const anchor = rtl ? 'end' : 'start';
  const line = (text: string, y: number, size: number, weight: string, fill: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" direction="${isRtl(text) ? 'rtl' : 'ltr'}" ` +
    `font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" fill="${fill}">${textContent(text)}</text>`;
  let y = 250;
  const parts: string[] = [];
  for (const text of nameLines) {
    parts.push(line(text, y, 68, 'bold', '#ffffff'));
    y += 82;
  }
  y += 6;
  if (details) {
    parts.push(line(wrapText(details, 60, 1)[0] ?? '', y, 32, 'normal', '#cfe8ea'));
    y += 58;
  }
  for (const text of description) {
    parts.push(line(text, y, 28, 'normal', '#e8f3f4'));
    y += 40;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" viewBox="0 0 ${SHARE_IMAGE_WIDTH} ${SHARE_IMAGE_HEIGHT}">`,
    `<rect width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" fill="#0f4c5c"/>`,
    `<rect y="${SHARE_IMAGE_HEIGHT - 16}" width="${SHARE_IMAGE_WIDTH}" height="16" fill="#e36414"/>`,
    // The mark: three linked people (a network of mentors), then the platform's name.
    '<g transform="translate(80 70)" fill="none" stroke="#ffffff" stroke-width="5">',
    '<line x1="20" y1="50" x2="60" y2="14"/><line x1="60" y1="14" x2="100" y2="50"/><line x1="20" y1="50" x2="100" y2="50"/>',
    '<circle cx="20" cy="50" r="13" fill="#e36414"/><circle cx="60" cy="14" r="13" fill="#ffffff"/><circle cx="100" cy="50" r="13" fill="#e36414"/>',
    '</g>',
    `<text x="210" y="112" font-family="DejaVu Sans" font-size="40" font-weight="bold" fill="#ffffff">${textContent(platformName)}</text>`,
    ...parts,
    '</svg>',
  ].join('');
}

/** The ETag of a network's share image: it changes with everything drawn (name, description, …). */
export function shareImageTag(network: ShareFacts, platformName: string): string {
  return etagOf(
    JSON.stringify([
      DRAWING_VERSION,
      platformName,
      network.name,
      network.description,
      network.region,
      network.languages,
    ]),
  );
}

/** Images drawn, by ETag (a network's changes make a new tag; the oldest are dropped). */
const drawn = new Map<string, Promise<Buffer>>();
const DRAWN_MAX = 200;

/** A network's share image as PNG with its ETag, drawn once per version and kept. */
export async function shareImageOf(
  network: ShareFacts,
  platformName: string,
): Promise<{ png: Buffer; etag: string }> {
  const etag = shareImageTag(network, platformName);
  let png = drawn.get(etag);
  if (!png) {
    if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value as string);
    png = renderAsync(shareImageSvg(network, platformName), {
      fitTo: { mode: 'width', value: SHARE_IMAGE_WIDTH },
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    }).then((image) => image.asPng());
    png.catch(() => drawn.delete(etag));
    drawn.set(etag, png);
  }
  return { png: await png, etag };
}
