import type { z } from 'zod';
import type { CreateAnnouncementBody } from '../../../common/contracts/discussions.ts';
import type { PageQuery } from '../../../common/contracts/networks.ts';
import { isWrittenBy } from '../../../common/policies/content.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { prepareBody } from '../discussions/index.ts';
import { findNetworkById, type NetworkRow } from '../networks/index.ts';
import { notifyMany } from '../notifications/index.ts';
import { getSharingPartnerIds } from '../partnerships/index.ts';
import type { UserRow } from '../users/index.ts';
import { publishAnnouncementCreated } from './announcements.events.ts';
import {
  type AnnouncementListRow,
  type AnnouncementWithNetworkRow,
  findAnnouncement,
  findAnnouncementById,
  insertAnnouncement,
  listAnnouncements,
  listMailableMembers,
  setAnnouncementPinned,
} from './announcements.repository.ts';
import type { AnnouncementRow } from './announcements.table.ts';

/** The job that mails an announcement to every member, whatever their notification settings. */
export const ANNOUNCEMENT_NOTIFY_JOB = 'announcement.notify';

/**
 * A meta-mentor or the office posts an announcement: it is pinned on the network home, pushed to
 * everyone connected, and mailed to every member by a job (so a slow mail server never holds up
 * the request, and a crash does not lose the mails).
 */
export async function postAnnouncement(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  body: CreateAnnouncementBody,
): Promise<AnnouncementListRow> {
  const prepared = await prepareBody(ctx, network.id, body.body);
  const now = isoNow();
  const row: AnnouncementRow = {
    id: newId(),
    networkId: network.id,
    authorId: author.id,
    title: body.title,
    bodySource: prepared.source,
    bodyHtml: prepared.html,
    pinned: 1,
    shareWithPartners: body.shareWithPartners ? 1 : 0,
    createdAt: now,
    updatedAt: now,
  };
  await insertAnnouncement(ctx.database.db, row);
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: author.id,
    action: 'announcement.posted',
    details: { announcementId: row.id, title: row.title },
  });
  await ctx.jobs.enqueue(ANNOUNCEMENT_NOTIFY_JOB, { announcementId: row.id }, { maxAttempts: 5 });
  const announcement = { ...row, authorName: author.displayName, authorErasedAt: null };
  await publishAnnouncementCreated(ctx, announcement);
  return announcement;
}

/**
 * Announcements of a network, newest first, with those its partner networks shared; `pinnedOnly`
 * gives the ones on the network home (its own only).
 */
export async function getAnnouncements(
  ctx: AppContext,
  network: NetworkRow,
  query: z.infer<typeof PageQuery>,
  pinnedOnly: boolean,
): Promise<{ page: AnnouncementWithNetworkRow[]; nextCursor: string | null }> {
  const before = decodeCursor(query.cursor, 1) as [string] | undefined;
  // The full list shows what partner networks shared too; the network home only its own.
  const sharedFrom = pinnedOnly ? [] : await getSharingPartnerIds(ctx, network.id);
  const rows = await listAnnouncements(ctx.database.db, network.id, {
    pinnedOnly,
    beforeId: before?.[0],
    limit: query.limit + 1,
    sharedFrom,
  });
  return paginate(rows, query.limit, (a) => [a.id]);
}

/** Takes an announcement off the network home, or puts it back. */
export async function pinAnnouncement(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  announcementId: string,
  pinned: boolean,
): Promise<AnnouncementListRow> {
  const db = ctx.database.db;
  const row = await findAnnouncement(db, network.id, announcementId);
  if (!row) throw notFound();
  await setAnnouncementPinned(db, row.id, pinned, isoNow());
  await recordAudit(ctx, {
    networkId: network.id,
    actorId,
    action: pinned ? 'announcement.pinned' : 'announcement.unpinned',
    details: { announcementId },
  });
  return { ...row, pinned: pinned ? 1 : 0 };
}

/** Mails one announcement to every member but its author, each in their own language. */
export async function notifyAnnouncement(ctx: AppContext, announcementId: string): Promise<number> {
  const row = await findAnnouncementById(ctx.database.db, announcementId);
  if (!row) return 0; // deleted with its network meanwhile
  const network = await findNetworkById(ctx, row.networkId);
  if (!network) return 0;
  const members = (await listMailableMembers(ctx.database.db, network.id)).filter(
    (member) => !isWrittenBy(row, member.id),
  );
  // Through the notifications (in-app entry + the mail, forced past every setting, with unsubscribe
  // link), everyone's written together.
  await notifyMany(
    ctx,
    members.map((member) => ({
      userId: member.id,
      kind: 'announcement' as const,
      networkId: network.id,
      actorId: row.authorId,
      announcementId,
      force: true,
    })),
  );
  return members.length;
}

/** Registers the announcement mail job with the queue. */
export function registerAnnouncementJobs(ctx: AppContext): void {
  ctx.jobs.handle(ANNOUNCEMENT_NOTIFY_JOB, async (payload) => {
    await notifyAnnouncement(ctx, (payload as { announcementId: string }).announcementId);
  });
}
