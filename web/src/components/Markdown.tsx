import { Fragment, type ReactNode } from 'react';

/**
 * A small, safe Markdown renderer for the network agreement and rules: headings, paragraphs,
 * lists, quotes, rules, **bold**, *italic*, `code` and links. It builds React elements — raw HTML
 * in the source stays text, and only http(s) and mailto links become links.
 */
export function Markdown({ source, headingOffset = 1 }: { source: string; headingOffset?: number }) {
  return <div className="markdown">{renderBlocks(source.replace(/\r\n?/g, '\n'), headingOffset)}</div>;
}

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'quote'; text: string }
  | { type: 'rule' };

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,3}[.)])\s+(.*)$/;

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(/^\s{0,3}>\s?/, ''));
        i++;
      }
      blocks.push({ type: 'quote', text: quoted.join(' ') });
      continue;
    }
    const first = line.match(LIST_ITEM);
    if (first) {
      const ordered = /\d/.test(first[1] ?? '');
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = current.match(LIST_ITEM);
        if (item) items.push(item[2] ?? '');
        else if (current.trim() && /^\s+/.test(current) && items.length > 0)
          items[items.length - 1] += ` ${current.trim()}`;
        else break;
        i++;
      }
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const current = lines[i] ?? '';
      if (!current.trim() || /^\s{0,3}(#{1,6}\s|>)/.test(current) || LIST_ITEM.test(current)) break;
      paragraph.push(current.trim());
      i++;
    }
    blocks.push({ type: 'paragraph', text: paragraph.join(' ') });
  }
  return blocks;
}

function renderBlocks(source: string, headingOffset: number): ReactNode[] {
  return parseBlocks(source).map((block, index) => {
    const key = `${block.type}-${index}`;
    switch (block.type) {
      case 'heading': {
        const level = Math.min(6, block.level + headingOffset);
        const Tag = `h${level}` as 'h2';
        return <Tag key={key}>{renderInline(block.text)}</Tag>;
      }
      case 'paragraph':
        return <p key={key}>{renderInline(block.text)}</p>;
      case 'quote':
        return <blockquote key={key}>{renderInline(block.text)}</blockquote>;
      case 'rule':
        return <hr key={key} />;
      case 'list': {
        const Tag = block.ordered ? 'ol' : 'ul';
        return (
          <Tag key={key}>
            {block.items.map((item, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity besides their place
              <li key={n}>{renderInline(item)}</li>
            ))}
          </Tag>
        );
      }
      default:
        return null;
    }
  });
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/;

function safeHref(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

/** Inline marks, recursively; anything unmatched is plain text. */
export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest) {
    const match = rest.match(INLINE);
    if (!match || match.index === undefined) {
      out.push(rest);
      break;
    }
    if (match.index > 0) out.push(rest.slice(0, match.index));
    const token = match[0];
    const key = n++;
    if (match[1]) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (match[2]) out.push(<strong key={key}>{renderInline(token.slice(2, -2))}</strong>);
    else if (match[3]) out.push(<em key={key}>{renderInline(token.slice(1, -1))}</em>);
    else {
      const link = token.match(/^\[([^\]]+)\]\(([^)\s]+)\)$/);
      const href = link?.[2] ? safeHref(link[2]) : null;
      out.push(
        href ? (
          <a key={key} href={href} rel="noopener noreferrer" target="_blank">
            {renderInline(link?.[1] ?? '')}
          </a>
        ) : (
          <Fragment key={key}>{link?.[1] ?? token}</Fragment>
        ),
      );
    }
    rest = rest.slice(match.index + token.length);
  }
  return out;
}
