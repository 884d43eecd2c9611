import MarkdownIt, { type StateInline } from 'markdown-it';
import { stripControlCharacters } from './text.ts';

/**
 * Markdown → safe HTML for posts and announcements, rendered once on the server and stored.
 * Safety does not rest on a sanitiser pass after the fact but on what the renderer can emit:
 * raw HTML is off (it comes out as text), every attribute value is escaped by markdown-it, links
 * must be http(s), mailto or same-site paths, and images may only show attachments of the
 * network (no remote images: they would leak readers' addresses to third parties).
 */

const MENTION_AT = /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/y;
const ATTACHMENT_IMAGE = /^\/api\/networks\/[a-z0-9-]{1,60}\/attachments\/[0-9a-f-]{36}$/;

/** Whether a link target may become an href: http(s), mailto, same-site paths and fragments. */
export function isSafeHref(url: string): boolean {
  if (/^(https?:\/\/|mailto:)/i.test(url)) return true;
  if (url.startsWith('#')) return true;
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}

/** Whether an image source may be shown: only attachments, by their same-site path. */
export function isSafeImageSrc(url: string): boolean {
  return ATTACHMENT_IMAGE.test(url);
}

/** `@[Name](id)` as one inline token, so that mentions in code spans and links stay text. */
function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  MENTION_AT.lastIndex = state.pos;
  const match = MENTION_AT.exec(state.src);
  if (!match || match.index !== state.pos) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.meta = { userId: match[2], hint: match[1] };
  }
  state.pos += match[0].length;
  return true;
}

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = (url) => isSafeHref(url) || isSafeImageSrc(url);
md.inline.ruler.before('link', 'mention', mentionRule);

const escapeHtml = md.utils.escapeHtml;
md.renderer.rules.mention = (tokens, idx, _options, env) => {
  const meta = tokens[idx]?.meta as { userId: string; hint: string } | undefined;
  if (!meta) return '';
  const { userId, hint } = meta;
  const name = (env as RenderEnv | undefined)?.names?.get(userId);
  if (name === undefined) return escapeHtml(`@${hint}`);
  return `<span class="mention" data-user-id="${escapeHtml(userId)}">@${escapeHtml(name)}</span>`;
};
const defaultLinkOpen = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = String(token?.attrGet('href') ?? '');
  if (token && !isSafeHref(href)) token.attrSet('href', '#');
  token?.attrSet('rel', 'nofollow noopener noreferrer ugc');
  return defaultLinkOpen
    ? defaultLinkOpen(tokens, idx, options, env, self)
    : self.renderToken(tokens, idx, options);
};
const defaultImage = md.renderer.rules.image;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (!token || !isSafeImageSrc(String(token.attrGet('src') ?? ''))) {
    // Not an attachment: show the alt text, never fetch the address.
    return escapeHtml(token?.content ?? '');
  }
  token.attrSet('loading', 'lazy');
  return defaultImage
    ? defaultImage(tokens, idx, options, env, self)
    : self.renderToken(tokens, idx, options);
};

interface RenderEnv {
  names?: Map<string, string>;
  headingOffset?: number;
}

/** Headings move down by the offset (at most to h6), so a document's "# " sits under the page's own. */
function shiftHeading(tag: string, env: RenderEnv | undefined): string {
  const offset = env?.headingOffset ?? 0;
  const level = Number(tag.slice(1));
  return offset > 0 && level > 0 ? `h${Math.min(6, level + offset)}` : tag;
}
md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) token.tag = shiftHeading(token.tag, env as RenderEnv);
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = md.renderer.rules.heading_open;

/** Control characters (which browsers strip or choke on) never reach the renderer. */
function clean(source: string): string {
  return stripControlCharacters(source.replace(/\r\n?/g, '\n'), '\t\n');
}

/** The user ids mentioned in a post, in order, without repeats (mentions inside code stay text). */
export function findMentions(source: string): string[] {
  const ids: string[] = [];
  const visit = (tokens: ReturnType<typeof md.parse>) => {
    for (const token of tokens) {
      if (token.type === 'mention') {
        const id = (token.meta as { userId: string }).userId;
        if (!ids.includes(id)) ids.push(id);
      }
      if (token.children) visit(token.children);
    }
  };
  visit(md.parse(clean(source), {}));
  return ids;
}

/**
 * Renders Markdown to safe HTML — posts, announcements, the agreement and rules alike: one renderer,
 * one policy. Mentions show the names given (by user id); headings move down by headingOffset.
 */
export function renderMarkdown(
  source: string,
  names: Map<string, string> = new Map(),
  options: { headingOffset?: number } = {},
): string {
  return md.render(clean(source), { names, headingOffset: options.headingOffset } satisfies RenderEnv);
}

/**
 * A post's Markdown as plain text (for search snippets): the words readers see, no syntax; mentions
 * as `@Name`, images as their alt text, blocks separated by a space.
 */
export function markdownToPlainText(source: string): string {
  const parts: string[] = [];
  const visit = (tokens: ReturnType<typeof md.parse>) => {
    for (const token of tokens) {
      if (token.type === 'mention') parts.push(`@${(token.meta as { hint: string }).hint}`);
      else if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
      else if (token.type === 'image') parts.push(token.content);
      else if (token.type === 'fence' || token.type === 'code_block') parts.push(` ${token.content} `);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
      // Blocks end with a space; inline marks (**Wohnung**ssuche) join their words.
      else if (token.block && token.nesting === -1) parts.push(' ');
      if (token.children && token.type !== 'image') visit(token.children);
    }
  };
  visit(md.parse(clean(source), {}));
  return parts.join('').replace(/\s+/g, ' ').trim();
}
