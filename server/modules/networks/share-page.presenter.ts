import type { NetworkRow } from './networks.table.ts';

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
): string {
  const url = `${site.url}/networks/${encodeURIComponent(network.slug)}`;
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
    `<meta property="og:image" content="${escapeHtml(`${site.url}/icons/icon-512.png`)}" />`,
    `<meta property="og:image:width" content="512" />`,
    `<meta property="og:image:height" content="512" />`,
    `<meta property="og:image:alt" content="${escapeHtml(site.name)}" />`,
    ...(mainLanguage ? [`<meta property="og:locale" content="${escapeHtml(mainLanguage)}" />`] : []),
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${escapeHtml(network.name)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(description)}" />`,
  ].join('\n    ');
  return shell.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>\n    ${tags}`);
}
