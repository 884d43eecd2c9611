/**
 * Events (C6): meetings of a network, online or on site, once or recurring, with RSVPs, a waiting
 * list, attendance and calendar feeds. Plain constants, so the web app uses them without zod; the
 * schemas are in contracts/events.ts, the rules in policies/events.ts.
 *
 * Time: an event is kept as local wall time (`YYYY-MM-DDTHH:mm`) plus an IANA time zone id, the
 * way people agree on meetings ("every first Tuesday, 18:00, Europe/Berlin"). Occurrences are
 * expanded in wall time and only then turned into UTC instants, so a series keeps its 18:00 across
 * daylight-saving changes. The UTC instants of the first start and of the series' end are stored
 * beside the wall time for range queries and reminders.
 */

/** Online (a link) or on site (an address). */
export const EVENT_FORMATS = ['online', 'on_site'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** Scheduled or cancelled (the whole event or series; single occurrences have their own state). */
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * What became of one occurrence of a series: kept (possibly moved), cancelled (still listed and in
 * feeds with STATUS:CANCELLED so people see it is off) or removed (left out, an EXDATE in feeds).
 */
export const OCCURRENCE_STATES = ['scheduled', 'cancelled', 'removed'] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];

/** How a series repeats: weekly on weekdays, or monthly on the same day or the same nth weekday. */
export const RECURRENCE_FREQUENCIES = ['weekly', 'monthly'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Monthly: on the start's day of the month (the 14th) or its nth weekday (the first Tuesday). */
export const MONTHLY_MODES = ['day_of_month', 'nth_weekday'] as const;
export type MonthlyMode = (typeof MONTHLY_MODES)[number];

/** RSVP answers. A yes beyond the capacity goes on the waiting list. */
export const RSVP_RESPONSES = ['yes', 'maybe', 'no'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export const EVENT_TITLE_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 20_000;
export const EVENT_ADDRESS_MAX = 500;
export const EVENT_URL_MAX = 2000;
export const EVENT_CAPACITY_MAX = 10_000;
/** Organisers named on one event at most. */
export const EVENT_ORGANISERS_MAX = 10;
/** A series repeats at most this many times (or until a date at most this far away). */
export const RECURRENCE_COUNT_MAX = 500;
/** The range of one list query at most, in days. */
export const EVENT_RANGE_MAX_DAYS = 400;
/** Public pages list the public events starting within this many days. */
export const PUBLIC_EVENTS_DAYS = 180;
/** Reminders go out this many hours before an occurrence starts. */
export const EVENT_REMINDER_HOURS = [24, 1] as const;

/** Whether a string is an IANA time zone id this runtime knows (`Intl` is the source of truth). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DDTHH:mm`, a local wall time without zone. */
export const LOCAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;
/** The roadmap's "regular exchange" is met once this many meetings had their attendance recorded. */
export const EXCHANGE_MEETINGS_TARGET = 3;
