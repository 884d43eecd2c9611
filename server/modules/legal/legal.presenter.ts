import type { LegalVersion } from '../../../common/contracts/legal.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { LegalVersionRow } from './legal.table.ts';

export function presentLegalVersion(row: LegalVersionRow): LegalVersion {
  return {
    kind: row.kind,
    version: Number(row.version),
    body: row.body,
    // Under the page's own heading: "# " becomes h2.
    bodyHtml: renderMarkdown(row.body, new Map(), { headingOffset: 1 }),
    summary: row.summary,
    publishedAt: row.publishedAt,
  };
}
