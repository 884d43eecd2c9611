import { diffLines } from 'diff';
import type {
  DiffPart,
  Resource,
  ResourceSummary,
  RevisionDetail,
  RevisionSummary,
} from '../../../common/contracts/resources.ts';
import type { ResourceViewer } from '../../../common/policies/resources.ts';
import { canEditResources, canManageResources } from '../../../common/policies/resources.ts';
import { authorOf } from '../../lib/people.ts';
import type { ResourceListRow, ResourceRevisionListRow, ResourceSummaryRow } from './resources.table.ts';

const EXCERPT_MAX = 240;

/** A Markdown source as one line of plain text, shortened for lists. */
export function excerptOf(source: string): string {
  const plain = source
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > EXCERPT_MAX ? `${plain.slice(0, EXCERPT_MAX - 1)}…` : plain;
}

/** The download address of a file resource (access-checked like the resource). */
export const resourceFileUrl = (slug: string, id: string) => `/api/networks/${slug}/resources/${id}/file`;

/**
 * A resource in a list. One a partner network shared (`networkId` is the listing network's) names
 * that network as its origin and none of its members.
 */
export function presentSummary(row: ResourceSummaryRow, networkId: string | null = null): ResourceSummary {
  const shared = networkId !== null && row.networkId !== networkId;
  return {
    shareWithPartners: row.shareWithPartners === 1,
    origin: shared ? { slug: row.networkSlug ?? '', name: row.networkName ?? '' } : null,
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(row.bodySource),
    url: row.url,
    fileName: row.fileName,
    tags: JSON.parse(row.tags) as string[],
    language: row.language,
    expertise: JSON.parse(row.expertise) as string[],
    region: row.region,
    revision: Number(row.revision),
    updatedAt: row.updatedAt,
    updatedBy: shared ? null : authorOf(row.updatedBy, row.updatedByName, row.updatedByErasedAt),
    startHere: shared || row.startHere === null ? null : Number(row.startHere),
  };
}

/**
 * A resource a partner network shared, read-only: its text and links, its origin, none of the
 * origin network's members and no file download (files stay with the network that holds them).
 */
export function presentSharedResource(
  row: ResourceListRow & { networkSlug: string; networkName: string },
): Resource {
  return {
    ...presentSummary(row, ''),
    hidden: false,
    bodySource: row.bodySource,
    bodyHtml: row.bodyHtml,
    file: null,
    createdAt: row.createdAt,
    createdBy: null,
    canEdit: false,
    canManage: false,
  };
}

export function presentResource(slug: string, row: ResourceListRow, viewer: ResourceViewer): Resource {
  const hidden = row.hiddenAt !== null;
  // Hidden content stays readable for its creator and the staff, who moderate the library.
  const withheld = hidden && !viewer.staff && row.createdBy !== viewer.userId;
  return {
    ...presentSummary(row),
    hidden,
    bodySource: withheld ? '' : row.bodySource,
    bodyHtml: withheld ? '' : row.bodyHtml,
    file:
      !withheld && row.attachmentId && row.fileName !== null
        ? {
            id: row.attachmentId,
            fileName: row.fileName,
            contentType: row.fileContentType ?? 'application/octet-stream',
            size: Number(row.fileSize),
            url: resourceFileUrl(slug, row.id),
          }
        : null,
    createdAt: row.createdAt,
    createdBy: authorOf(row.createdBy, row.createdByName, row.createdByErasedAt),
    canEdit: canEditResources(viewer),
    canManage: canManageResources(viewer),
  };
}

export function presentRevision(row: ResourceRevisionListRow): RevisionSummary {
  return {
    revision: Number(row.revision),
    author: authorOf(row.authorId, row.authorName, row.authorErasedAt),
    summary: row.summary,
    createdAt: row.createdAt,
    revertedFrom: row.revertedFrom === null ? null : Number(row.revertedFrom),
  };
}

/** A text of a revision as diffed: the title as the first line, then the address, then the body. */
export function diffText(v: { title: string; url: string | null; body: string }): string {
  return [`# ${v.title}`, ...(v.url ? [v.url] : []), '', v.body].join('\n');
}

/** The line-level difference between two texts (a maintained diff library, not by hand). */
export function presentDiff(before: string, after: string): DiffPart[] {
  return diffLines(before, after).map((part) => ({
    op: part.added ? 'add' : part.removed ? 'remove' : 'same',
    text: part.value,
  }));
}

export function presentRevisionDetail(
  row: ResourceRevisionListRow,
  previous: ResourceRevisionListRow | undefined,
  bodyHtml: string,
): RevisionDetail {
  const textOf = (r: ResourceRevisionListRow) => diffText({ title: r.title, url: r.url, body: r.bodySource });
  return {
    ...presentRevision(row),
    title: row.title,
    bodySource: row.bodySource,
    bodyHtml,
    url: row.url,
    diff: presentDiff(previous ? textOf(previous) : '', textOf(row)),
  };
}
