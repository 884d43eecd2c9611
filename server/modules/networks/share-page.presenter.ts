import type { NetworkRow } from './networks.table.ts';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from './share-image.ts';

/** An upcoming public event as the share page names it. */
export interface SharedEventFacts {
  title: string;
  startsAt: string;
  endsAt: string;
  format: 'online' | 'on_site';
}

/** What the share page shows besides the network: its image's version and upcoming public events. */
export interface ShareExtras {
  /** Part of the image's address, so a preview cache fetches a changed image anew. */
  version: string;
  events: readonly SharedEventFacts[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A description for link previews: the network's own, shortened at a word, on one line. */
export function previewDescription(network: Pick<NetworkRow, 'description' | 'name' | 'region'>): string {
  const text = network.description.replace(/\s+/g, ' ').trim();
  if (!text) return network.region ? `${network.name} · ${network.region}` : network.name;
  if (text.length <= 200) return text;
  const cut = text.slice(0, 200);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 120 ? cut.lastIndexOf(' ') : 200)}…`;
}

/**
 * The app shell with the tags a messenger or social network reads when a public network's link is
 * shared (title, description, OpenGraph, Twitter card, canonical address): the preview shows the
 * network, not a bare "mentorNET". Every value is escaped; the page itself is the same app.
 */
export function withShareMeta(
  shell: string,
  network: Pick<NetworkRow, 'slug' | 'name' | 'description' | 'region' | 'languages'>,
  site: { url: string; name: string },
  extras: ShareExtras = { version: '', events: [] },
): string {
  const url = `${site.url}/networks/${encodeURIComponent(network.slug)}`;
  const image = `${url}/share-image.png${extras.version ? `?v=${encodeURIComponent(extras.version)}` : ''}`;
  const title = `${network.name} · ${site.name}`;
  const description = previewDescription(network);
  const [mainLanguage] = JSON.parse(network.languages) as string[];
  const tags = [
    `<meta name="description" content="${escapeHtml(description)}" />`,
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${escapeHtml(site.name)}" />`,
    `<meta property="og:title" content="${escapeHtml(network.name)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    `<meta property="og:image" content="${escapeHtml(image)}" />`,
    `<meta property="og:image:type" content="image/png" />`,
    `<meta property="og:image:width" content="${SHARE_IMAGE_WIDTH}" />`,
    `<meta property="og:image:height" content="${SHARE_IMAGE_HEIGHT}" />`,
    `<meta property="og:image:alt" content="${escapeHtml(`${network.name} · ${site.name}`)}" />`,
    ...(mainLanguage ? [`<meta property="og:locale" content="${escapeHtml(mainLanguage)}" />`] : []),
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${escapeHtml(network.name)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(description)}" />`,
    `<meta name="twitter:image" content="${escapeHtml(image)}" />`,
    ...(extras.events.length ? [eventsData(extras.events, network.name, url)] : []),
  ].join('\n    ');
  const withTags = shell.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>\n    ${tags}`);
  if (!extras.events.length) return withTags;
  // For readers without scripts (and search engines): the upcoming public events in the page body.
  const list = extras.events
    .map(
      (e) =>
        `<li><time datetime="${escapeHtml(e.startsAt)}">${escapeHtml(e.startsAt.slice(0, 16).replace('T', ' '))} UTC</time> ${escapeHtml(e.title)}</li>`,
    )
    .join('');
  return withTags.replace(
    '<div id="root"></div>',
    `<div id="root"></div><noscript><h2>${escapeHtml(network.name)}</h2><ul>${list}</ul></noscript>`,
  );
}

/** The events as schema.org data (search engines list them); `<` escaped so the script cannot end early. */
function eventsData(events: readonly SharedEventFacts[], networkName: string, url: string): string {
  const data = events.map((e) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    startDate: e.startsAt,
    endDate: e.endsAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode:
      e.format === 'online'
        ? 'https://schema.org/OnlineEventAttendanceMode'
        : 'https://schema.org/OfflineEventAttendanceMode',
    organizer: { '@type': 'Organization', name: networkName, url },
  }));
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/ld+json">${json}</script>`;
}
