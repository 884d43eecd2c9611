import { diffLines } from 'diff';
import type { LegalVersion, PendingLegalVersion } from '../../../common/contracts/legal.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { LegalVersionRow } from './legal.table.ts';

/** A legal text as safe HTML, under the page's own heading ("# " becomes h2). */
export function renderLegalBody(body: string): string {
  return renderMarkdown(body, new Map(), { headingOffset: 1 });
}

export function presentLegalVersion(row: LegalVersionRow): LegalVersion {
  return {
    kind: row.kind,
    version: Number(row.version),
    body: row.body,
    bodyHtml: renderLegalBody(row.body),
    summary: row.summary,
    publishedAt: row.publishedAt,
  };
}

/** What changed between the version a person accepted and the current one, line by line. */
export function presentLegalChanges(
  before: LegalVersionRow,
  after: LegalVersionRow,
): PendingLegalVersion['changes'] {
  return {
    sinceVersion: Number(before.version),
    parts: diffLines(before.body, after.body).map((part) => ({
      change: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('unchanged' as const),
      text: part.value,
    })),
  };
}
