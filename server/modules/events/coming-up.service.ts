import type { AppContext } from '../../context.ts';
import {
  listOccurrenceChanges,
  listOrganisers,
  listScheduledEventsStartingBetween,
} from './events.repository.ts';
import { scheduleOf } from './events.service.ts';
import { expandOccurrences } from './recurrence.ts';

/** One meeting starting soon: an occurrence of a series, or a one-off event. */
export interface ComingOccurrence {
  eventId: string;
  title: string;
  occurrenceKey: string;
  /** UTC ISO start, with a moved occurrence's change applied. */
  startsAt: string;
}

/**
 * The meetings of a network's scheduled events that start within [from, to) (UTC ms), soonest
 * first: every occurrence of a series in the window (moved ones at their new time, cancelled and
 * removed ones left out), not just its first meeting; with the events' organisers (the one who
 * created it and any co-organisers).
 */
export async function listComingOccurrences(
  ctx: AppContext,
  networkId: string,
  from: number,
  to: number,
): Promise<{ occurrences: ComingOccurrence[]; organiserIds: Set<string> }> {
  const db = ctx.database.db;
  const events = await listScheduledEventsStartingBetween(
    db,
    new Date(from).toISOString(),
    new Date(to).toISOString(),
    networkId,
  );
  if (events.length === 0) return { occurrences: [], organiserIds: new Set() };
  const ids = events.map((e) => e.id);
  const [changes, organisers] = await Promise.all([listOccurrenceChanges(db, ids), listOrganisers(db, ids)]);
  const occurrences: ComingOccurrence[] = [];
  for (const event of events) {
    const own = changes.filter((c) => c.eventId === event.id);
    for (const occurrence of expandOccurrences(scheduleOf(event), own, from, to)) {
      const startsAt = Date.parse(occurrence.startsAt);
      if (occurrence.state !== 'scheduled' || startsAt < from || startsAt >= to) continue;
      occurrences.push({
        eventId: event.id,
        title: event.title,
        occurrenceKey: occurrence.key,
        startsAt: occurrence.startsAt,
      });
    }
  }
  occurrences.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.eventId.localeCompare(b.eventId));
  const organiserIds = new Set(organisers.map((o) => o.userId));
  for (const event of events) if (event.createdBy) organiserIds.add(event.createdBy);
  return { occurrences, organiserIds };
}
