import type { Announcement, AnnouncementList } from '../../../common/contracts/discussions.ts';
import { authorOf } from '../../lib/people.ts';
import type { AnnouncementListRow } from './announcements.repository.ts';

/** An announcement as every member sees it. */
export function presentAnnouncement(row: AnnouncementListRow): Announcement {
  return {
    id: row.id,
    title: row.title,
    bodySource: row.bodySource,
    bodyHtml: row.bodyHtml,
    author: authorOf(row.authorId, row.authorName ?? '', row.authorErasedAt),
    pinned: row.pinned === 1,
    createdAt: row.createdAt,
  };
}

/** A page of announcements. */
export function presentAnnouncementList({
  page,
  nextCursor,
}: {
  page: AnnouncementListRow[];
  nextCursor: string | null;
}): AnnouncementList {
  return { announcements: page.map(presentAnnouncement), nextCursor };
}
