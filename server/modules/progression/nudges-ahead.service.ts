import { takesPart } from '../../../common/policies/standing.ts';
import {
  HELP_WANTED_AFTER_HOURS,
  HELP_WANTED_EVERY_DAYS,
  HELP_WANTED_WITHIN_DAYS,
  UPCOMING_EVENTS_AHEAD_DAYS,
  UPCOMING_EVENTS_EVERY_DAYS,
} from '../../../common/progression.ts';
import type { AppContext } from '../../context.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { listHelpersWanted } from '../help-requests/index.ts';
import { listComingOccurrences } from '../events/index.ts';
import { findNetworkById, getStandings } from '../networks/index.ts';
import { logAndNotify } from './nudge-log.service.ts';
import { listAnsweredAny, listLastNudges, listLastSeen } from './progression.repository.ts';

/**
 * "Help wanted": each suggested helper of the network's requests still waiting for a helper (see
 * the help requests' listHelpersWanted) hears of them in one nudge, at most once a week per
 * network, and not on a day they were welcomed back. Returns how many were sent.
 */
export async function askForHelpers(
  ctx: AppContext,
  networkId: string,
  now: number,
  skip: ReadonlySet<string>,
): Promise<number> {
  const network = await findNetworkById(ctx, networkId);
  if (!network) return 0;
  const wanted = await listHelpersWanted(ctx, network, {
    now,
    afterHours: HELP_WANTED_AFTER_HOURS,
    withinDays: HELP_WANTED_WITHIN_DAYS,
  });
  if (wanted.size === 0) return 0;
  const recent = await listLastNudges(
    ctx.database.db,
    networkId,
    'help_wanted',
    isoNow(now - HELP_WANTED_EVERY_DAYS * DAY),
  );
  let sent = 0;
  for (const [userId, requestIds] of wanted) {
    if (skip.has(userId) || recent.has(userId)) continue;
    await logAndNotify(
      ctx,
      networkId,
      userId,
      'help_wanted',
      { requests: requestIds.length, requestIds },
      now,
    );
    sent++;
  }
  return sent;
}

/**
 * "Events coming up": the members of a network who take part and have not answered any of the
 * events meeting in the week ahead (nor organise one) hear of them in one nudge, at most once a
 * week per network, and not on a day they were welcomed back. Every meeting in the week counts: each
 * occurrence of a series, not only its first. Returns how many were sent.
 */
export async function tellOfEvents(
  ctx: AppContext,
  networkId: string,
  now: number,
  skip: ReadonlySet<string>,
): Promise<number> {
  const db = ctx.database.db;
  const { occurrences, organiserIds } = await listComingOccurrences(
    ctx,
    networkId,
    now,
    now + UPCOMING_EVENTS_AHEAD_DAYS * DAY,
  );
  const [first] = occurrences;
  if (!first) return 0;
  const eventIds = [...new Set(occurrences.map((o) => o.eventId))];
  const answered = await listAnsweredAny(db, eventIds);
  const members = [...(await listLastSeen(db, networkId)).keys()].filter(
    (id) => !skip.has(id) && !answered.has(id) && !organiserIds.has(id),
  );
  if (members.length === 0) return 0;
  const [recent, standings] = await Promise.all([
    listLastNudges(db, networkId, 'upcoming_events', isoNow(now - UPCOMING_EVENTS_EVERY_DAYS * DAY)),
    getStandings(ctx, members),
  ]);
  const details = {
    events: occurrences.length,
    eventIds,
    firstTitle: first.title,
    firstStartsAt: first.startsAt,
  };
  let sent = 0;
  for (const userId of members) {
    if (recent.has(userId)) continue;
    if (!standings.get(userId)?.some((s) => s.networkId === networkId && takesPart(s))) continue;
    await logAndNotify(ctx, networkId, userId, 'upcoming_events', details, now, { eventId: first.eventId });
    sent++;
  }
  return sent;
}
