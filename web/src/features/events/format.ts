import type { Occurrence } from '../../../../common/contracts/events.ts';
import { dateTimeFormat } from '../../../../common/intl-fallback.ts';

/**
 * An occurrence's time in the reader's own time zone and UI language ("Tuesday, 5 February 2030,
 * 18:00–20:00"), and, when the event's zone is another one, the event's local time beside it.
 */
export function formatOccurrence(
  occurrence: Pick<Occurrence, 'startsAt' | 'endsAt'>,
  locale: string,
  readerZone?: string,
): string {
  const start = new Date(occurrence.startsAt);
  const end = new Date(occurrence.endsAt);
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(readerZone && { timeZone: readerZone }),
  };
  return dateTimeFormat(locale, options).formatRange(start, end);
}

/** The short form for lists ("Tue, Feb 5, 18:00"). */
export function formatOccurrenceShort(startsAt: string, locale: string, readerZone?: string): string {
  return dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(readerZone && { timeZone: readerZone }),
  }).format(new Date(startsAt));
}

/** The reader's IANA time zone (the browser's). */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A wall time in the event's zone as the UI language writes it, with the zone's name. */
export function formatInEventZone(startsAt: string, timeZone: string, locale: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: the zone's id is written beside.
  const time = dateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(startsAt));
  return `${time} (${timeZone})`;
}
