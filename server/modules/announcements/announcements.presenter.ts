import type { Announcement, AnnouncementList } from '../../../common/contracts/discussions.ts';
import type { SharedOrigin } from '../../../common/contracts/partnerships.ts';
import type { AnnouncementListRow, AnnouncementWithNetworkRow } from './announcements.repository.ts';
import { authorOf } from '../../lib/people.ts';

/**
 * An announcement as every member sees it. One shared by a partner network names that network as
 * its origin and not its author: no member data crosses between networks.
 */
export function presentAnnouncement(row: AnnouncementListRow, origin: SharedOrigin = null): Announcement {
  return {
    id: row.id,
    title: row.title,
    bodySource: row.bodySource,
    bodyHtml: row.bodyHtml,
    author: origin === null ? authorOf(row.authorId, row.authorName ?? '', row.authorErasedAt) : null,
    pinned: origin === null && row.pinned === 1,
    createdAt: row.createdAt,
    shareWithPartners: row.shareWithPartners === 1,
    origin,
  };
}

/** A page of announcements. */
export function presentAnnouncementList(
  { page, nextCursor }: { page: AnnouncementWithNetworkRow[]; nextCursor: string | null },
  networkId: string,
): AnnouncementList {
  return {
    announcements: page.map((row) =>
      presentAnnouncement(
        row,
        row.networkId === networkId ? null : { slug: row.networkSlug, name: row.networkName },
      ),
    ),
    nextCursor,
  };
}
