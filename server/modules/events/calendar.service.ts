import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { newSecret } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { getStandingsOf } from '../networks/index.ts';
import { buildCalendar } from './calendar.ts';
import {
  findFeedByToken,
  findFeedOfUser,
  listEventsOfNetworks,
  listOccurrenceChanges,
  saveFeed,
} from './events.repository.ts';
import type { EventActor } from './events.service.ts';
import { loadEvent } from './events.service.ts';

/** A personal feed holds at most this many events (the newest). */
const FEED_EVENTS_MAX = 2000;

/**
 * The address of a user's personal feed. The token is a bearer secret for one read-only feed and is
 * kept as is (like the per-user unsubscribe key) so that the account page can show the address
 * again; renewing it makes the old address stop working at once.
 */
export async function getCalendarFeed(ctx: AppContext, userId: string, renew = false) {
  let feed = await findFeedOfUser(ctx.database.db, userId);
  if (!feed || renew) {
    await saveFeed(ctx.database.db, userId, newSecret(), isoNow());
    feed = await findFeedOfUser(ctx.database.db, userId);
  }
  if (!feed) throw notFound();
  return { url: `${ctx.config.publicUrl}/api/calendar/${feed.token}.ics`, createdAt: feed.createdAt };
}

/** The personal feed of the token's owner: every event of every network they take part in. */
export async function personalCalendar(ctx: AppContext, token: string): Promise<string> {
  const feed = await findFeedByToken(ctx.database.db, token);
  if (!feed) throw notFound();
  const networks = (await getStandingsOf(ctx, feed.userId)).filter(takesPart);
  const rows = await listEventsOfNetworks(
    ctx.database.db,
    networks.map((n) => n.networkId),
    FEED_EVENTS_MAX,
  );
  const changes = await listOccurrenceChanges(
    ctx.database.db,
    rows.map((r) => r.id),
  );
  return buildCalendar(
    'mentorNET',
    rows.map((row) => ({
      row,
      networkSlug: row.networkSlug,
      changes: changes.filter((c) => c.eventId === row.id),
    })),
    ctx.config.publicUrl,
  );
}

/** One event as a feed ("add to calendar"). */
export async function eventCalendar(ctx: AppContext, actor: EventActor, id: string): Promise<string> {
  const { row } = await loadEvent(ctx, actor.network.id, id);
  const changes = await listOccurrenceChanges(ctx.database.db, [id]);
  return buildCalendar(row.title, [{ row, networkSlug: actor.network.slug, changes }], ctx.config.publicUrl);
}
