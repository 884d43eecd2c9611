import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  type ICalWeekday,
} from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { localToUtc, parseLocal } from '../../../common/event-time.ts';
import { scheduleOf } from './events.service.ts';
import type { EventRow, OccurrenceRow } from './events.table.ts';
import { placeOccurrence, ruleParts } from './recurrence.ts';

/**
 * iCalendar feeds through ical-generator: one VEVENT per event with a stable UID and its SEQUENCE,
 * in the event's own zone (with its VTIMEZONE), a series with its RRULE, removed occurrences as
 * EXDATE, and moved or cancelled ones as their own VEVENT with RECURRENCE-ID (STATUS:CANCELLED
 * when called off). A cancelled event keeps its UID with STATUS:CANCELLED so calendars drop it.
 */

export interface FeedEvent {
  row: EventRow;
  networkSlug: string;
  changes: readonly OccurrenceRow[];
}

/** The UID of an event in every feed, forever. */
export const eventUid = (id: string) => `${id}@mentornet`;

/** The VTIMEZONE of a zone from the time zone library (null for one it does not know). */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

/**
 * ical-generator writes a Date's UTC fields after TZID=<zone>: a wall time is handed over as a
 * "floating" Date whose UTC fields are the local ones.
 */
const wall = (local: string) => new Date(parseLocal(local));

/** A feed of events as iCalendar text. */
export function buildCalendar(name: string, events: readonly FeedEvent[], publicUrl: string): string {
  const calendar = ical({
    name,
    prodId: { company: 'mentorNET', product: 'events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: vtimezone },
  });
  for (const { row, networkSlug, changes } of events) {
    const schedule = scheduleOf(row);
    const zone = row.timeZone;
    const common = {
      id: eventUid(row.id),
      sequence: row.sequence,
      timezone: zone,
      summary: row.title,
      description: row.description || null,
      location: row.format === 'on_site' ? row.address : row.onlineUrl,
      url: `${publicUrl}/networks/${networkSlug}/events/${row.id}`,
      stamp: new Date(row.updatedAt),
      lastModified: new Date(row.updatedAt),
      created: new Date(row.createdAt),
    };
    const cancelled = row.status === 'cancelled';
    let repeating = null;
    if (schedule.recurrence) {
      const parts = ruleParts(schedule.recurrence, row.startsLocal);
      const removed = changes.filter((c) => c.state === 'removed').map((c) => wall(c.occurrenceKey));
      repeating = {
        freq: parts.freq === 'WEEKLY' ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.MONTHLY,
        interval: parts.interval,
        ...(parts.byDay.length && { byDay: parts.byDay as ICalWeekday[] }),
        ...(parts.bySetPos !== null && { bySetPos: parts.bySetPos }),
        ...(parts.byMonthDay !== null && { byMonthDay: parts.byMonthDay }),
        ...(parts.count !== null && { count: parts.count }),
        ...(parts.until !== null && { until: new Date(localToUtc(parts.until, zone)) }),
        ...(removed.length && { exclude: removed }),
      };
    }
    calendar.createEvent({
      ...common,
      start: wall(row.startsLocal),
      end: wall(row.endsLocal),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating,
    });
    if (!schedule.recurrence) continue;
    for (const change of changes) {
      if (change.state === 'removed') continue;
      const occurrence = placeOccurrence(schedule, change.occurrenceKey, change);
      calendar.createEvent({
        ...common,
        recurrenceId: wall(change.occurrenceKey),
        start: wall(occurrence.startsLocal),
        end: wall(occurrence.endsLocal),
        status:
          cancelled || change.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
  }
  return calendar.toString();
}
