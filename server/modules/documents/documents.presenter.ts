import { diffLines } from 'diff';
import type { NetworkDocument } from '../../../common/contracts/documents.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { NetworkDocumentRow } from './documents.table.ts';

/** The card shows the title already; bodies usually open with it as their own "# " heading. */
export function withoutTitle(body: string, title: string): string {
  const first = body.match(/^\s*#\s+(.+?)\s*#*\s*(\n|$)/);
  return first && first[1]?.trim() === title.trim() ? body.slice(first[0].length) : body;
}

/** A document body as safe HTML, its headings under the page's (h2 card title → "# " is h3). */
export function renderDocumentBody(body: string, title?: string): string {
  return renderMarkdown(title === undefined ? body : withoutTitle(body, title), new Map(), {
    headingOffset: 2,
  });
}

/** What changed between two versions' sources, line by line. */
export function presentChanges(before: NetworkDocumentRow, after: NetworkDocumentRow) {
  return {
    sinceVersion: before.version,
    parts: diffLines(before.body, after.body).map((part) => ({
      change: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('unchanged' as const),
      text: part.value,
    })),
  };
}

/** A published version as every reader sees it. */
export function presentVersion(row: NetworkDocumentRow): Omit<NetworkDocument, 'acceptedAt' | 'changes'> {
  return {
    kind: row.kind,
    version: row.version,
    title: row.title,
    body: row.body,
    bodyHtml: renderDocumentBody(row.body, row.title),
    summary: row.summary,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
  };
}
