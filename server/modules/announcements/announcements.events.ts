import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import { presentAnnouncement } from './announcements.presenter.ts';
import type { AnnouncementListRow } from './announcements.repository.ts';

/**
 * Pushes a new announcement to everyone connected to the network. It is saved (and its mails are
 * queued) by now: a failing fan-out is logged, never turned into an error for the author.
 */
export async function publishAnnouncementCreated(ctx: AppContext, announcement: AnnouncementListRow) {
  const { networkId } = announcement;
  try {
    await ctx.realtime.publish(
      rooms.network(networkId),
      realtimeEvent('announcement.created', { networkId, announcement: presentAnnouncement(announcement) }),
    );
  } catch (err) {
    ctx.log.warn({ err }, 'realtime publish failed');
  }
}
