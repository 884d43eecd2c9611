import type { Report } from '../../../common/contracts/moderation.ts';
import type { ReportedItem, ReportListRow } from './moderation.repository.ts';
import type { ReportRow } from './moderation.table.ts';

const EXCERPT_MAX = 280;
const person = (id: string | null, name: string | null) =>
  id && name !== null ? { id, displayName: name } : null;

/** A report as its reporter sees it once sent. */
export function presentReceipt(row: ReportRow) {
  return {
    id: row.id,
    kind: row.kind,
    itemId: row.itemId,
    reason: row.reason,
    status: row.status,
    createdAt: row.createdAt,
  };
}

/** A report in the moderation queue, with the reported item as it is now (undefined: gone). */
export function presentReport(row: ReportListRow, item: ReportedItem | undefined): Report {
  const text = item?.excerpt.replace(/\s+/g, ' ').trim() ?? null;
  return {
    ...presentReceipt(row),
    text: row.text,
    reporter: person(row.reporterId, row.reporterName),
    author: person(row.authorId, row.authorName),
    network:
      row.networkId && row.networkSlug && row.networkName
        ? { id: row.networkId, slug: row.networkSlug, name: row.networkName }
        : null,
    excerpt: text === null ? null : text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text,
    topicId: item?.topicId ?? null,
    hidden: (item?.hiddenAt ?? null) !== null,
    decision: row.decision,
    decidedBy: person(row.decidedBy, row.deciderName),
    decidedAt: row.decidedAt,
    note: row.note,
  };
}

/** A page of the queue. */
export function presentReportPage(data: {
  page: ReportListRow[];
  nextCursor: string | null;
  items: Map<string, ReportedItem | undefined>;
}) {
  return {
    reports: data.page.map((r) => presentReport(r, data.items.get(`${r.kind}:${r.itemId}`))),
    nextCursor: data.nextCursor,
  };
}
