import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AnnouncementRow } from './announcements.table.ts';

export interface AnnouncementListRow extends AnnouncementRow {
  authorName: string | null;
  /** Set when the author's account was erased (shown as a former member). */
  authorErasedAt: string | null;
}

/** An announcement in a list, with the name of its network (the origin of a partner's shared one). */
export interface AnnouncementWithNetworkRow extends AnnouncementListRow {
  networkSlug: string;
  networkName: string;
}

function withAuthors(db: Kysely<DB>) {
  return db
    .selectFrom('announcements as a')
    .leftJoin('users as u', 'u.id', 'a.authorId')
    .selectAll('a')
    .select(['u.displayName as authorName', 'u.erasedAt as authorErasedAt']);
}

/** Stores an announcement. */
export async function insertAnnouncement(db: Kysely<DB>, row: AnnouncementRow): Promise<void> {
  await db.insertInto('announcements').values(row).execute();
}

/** One announcement, whatever its network (for the mail job, which has only its id). */
export function findAnnouncementById(db: Kysely<DB>, id: string): Promise<AnnouncementListRow | undefined> {
  return withAuthors(db).where('a.id', '=', id).executeTakeFirst();
}

/** One announcement of a network (an id from another network is not found). */
export function findAnnouncement(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<AnnouncementListRow | undefined> {
  return withAuthors(db).where('a.networkId', '=', networkId).where('a.id', '=', id).executeTakeFirst();
}

/**
 * A network's announcements, newest first (ids are time-ordered), keyset before an id; with those
 * of its partners (`sharedFrom`) that were shared with partner networks.
 */
export function listAnnouncements(
  db: Kysely<DB>,
  networkId: string,
  options: { pinnedOnly: boolean; beforeId?: string; limit: number; sharedFrom?: readonly string[] },
): Promise<AnnouncementWithNetworkRow[]> {
  const sharedFrom = options.sharedFrom ?? [];
  let query = withAuthors(db)
    .innerJoin('networks as n', 'n.id', 'a.networkId')
    .select(['n.slug as networkSlug', 'n.name as networkName'])
    .where((eb) =>
      sharedFrom.length === 0
        ? eb('a.networkId', '=', networkId)
        : eb.or([
            eb('a.networkId', '=', networkId),
            eb.and([eb('a.networkId', 'in', [...sharedFrom]), eb('a.shareWithPartners', '=', 1)]),
          ]),
    )
    .orderBy('a.id', 'desc')
    .limit(options.limit);
  if (options.pinnedOnly) query = query.where('a.pinned', '=', 1);
  if (options.beforeId) query = query.where('a.id', '<', options.beforeId);
  return query.execute();
}

/** Pins or unpins an announcement. */
export async function setAnnouncementPinned(db: Kysely<DB>, id: string, pinned: boolean, now: string) {
  await db
    .updateTable('announcements')
    .set({ pinned: pinned ? 1 : 0, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Every active, not suspended member: announcements reach all of them (in the app and by mail). */
export function listMailableMembers(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.email', 'u.displayName', 'u.locale'])
    .where('m.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .where('u.suspendedAt', 'is', null)
    .orderBy('u.id')
    .execute();
}
