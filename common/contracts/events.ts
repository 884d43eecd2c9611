import { z } from 'zod';
import {
  EVENT_ADDRESS_MAX,
  EVENT_CAPACITY_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_FORMATS,
  EVENT_ORGANISERS_MAX,
  EVENT_STATUSES,
  EVENT_TITLE_MAX,
  EVENT_URL_MAX,
  isTimeZone,
  LOCAL_DATE_TIME,
  MONTHLY_MODES,
  OCCURRENCE_STATES,
  RECURRENCE_COUNT_MAX,
  RECURRENCE_FREQUENCIES,
  RSVP_RESPONSES,
  WEEKDAYS,
} from '../events.ts';
import { LANGUAGE_CODES } from '../languages.ts';
import { AuthorSummary, Id, PersonSummary, Slug } from './networks.ts';
import { HttpUrl } from './url.ts';

export {
  EVENT_FORMATS,
  EVENT_RANGE_MAX_DAYS,
  EVENT_STATUSES,
  OCCURRENCE_STATES,
  RSVP_RESPONSES,
} from '../events.ts';

/** An IANA time zone id, checked with Intl. */
export const TimeZoneId = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, { message: 'an IANA time zone id such as Europe/Berlin' });
/** A local wall time `YYYY-MM-DDTHH:mm` (no zone: the event's zone says where). */
export const LocalDateTime = z.string().regex(LOCAL_DATE_TIME, 'YYYY-MM-DDTHH:mm');
/** A link for online events: the shared web address rule (http(s) only). */
export const SafeUrl = HttpUrl(EVENT_URL_MAX);

/**
 * How a series repeats (RRULE semantics: FREQ, INTERVAL, BYDAY with BYSETPOS, UNTIL or COUNT).
 * Weekly on the given weekdays (default: the start's); monthly on the start's day of the month, or
 * on its nth weekday ("every first Tuesday"; a start in the last week of a month means the last).
 */
export const Recurrence = z.strictObject({
  freq: z.enum(RECURRENCE_FREQUENCIES),
  interval: z.number().int().min(1).max(12).default(1),
  weekdays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
  monthly: z.enum(MONTHLY_MODES).default('nth_weekday'),
  /** Last day (in the event's zone) an occurrence may start on, inclusive. */
  until: z.iso.date().nullable().default(null),
  count: z.number().int().min(1).max(RECURRENCE_COUNT_MAX).nullable().default(null),
});
export type Recurrence = z.infer<typeof Recurrence>;

const EventFields = {
  title: z.string().trim().min(1).max(EVENT_TITLE_MAX),
  /** Markdown, rendered safely as in discussions. */
  description: z.string().trim().max(EVENT_DESCRIPTION_MAX).default(''),
  language: z.enum(LANGUAGE_CODES),
  format: z.enum(EVENT_FORMATS),
  onlineUrl: SafeUrl.nullable().default(null),
  address: z.string().trim().max(EVENT_ADDRESS_MAX).nullable().default(null),
  timeZone: TimeZoneId,
  startsLocal: LocalDateTime,
  endsLocal: LocalDateTime,
  capacity: z.number().int().min(1).max(EVENT_CAPACITY_MAX).nullable().default(null),
  recurrence: Recurrence.nullable().default(null),
  /** Organisers besides (or instead of) the creator: members of the network. Default: the creator. */
  organiserIds: z.array(Id).max(EVENT_ORGANISERS_MAX).default([]),
  /** Show it read-only in the network's partner networks too. */
  shareWithPartners: z.boolean().default(false),
  /** Show it on the public page of the network (a public network only), to anyone. */
  isPublic: z.boolean().default(false),
};

type Checked = {
  format?: string;
  onlineUrl?: string | null;
  address?: string | null;
  startsLocal?: string;
  endsLocal?: string;
};
/** Online needs a link, on site an address; the end comes after the start. */
function checkShape(body: Checked, ctx: z.RefinementCtx) {
  if (body.format === 'online' && !body.onlineUrl)
    ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'an online event needs its link' });
  if (body.format === 'on_site' && !body.address)
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'an event on site needs its address' });
  if (body.startsLocal && body.endsLocal && body.endsLocal <= body.startsLocal)
    ctx.addIssue({ code: 'custom', path: ['endsLocal'], message: 'the end must come after the start' });
}

export const CreateEventBody = z.strictObject(EventFields).superRefine(checkShape);
export type CreateEventBody = z.infer<typeof CreateEventBody>;

/** A change: any of the fields; the result must still be whole (checked by the server). */
export const UpdateEventBody = z.strictObject({
  title: EventFields.title.optional(),
  description: z.string().trim().max(EVENT_DESCRIPTION_MAX).optional(),
  language: EventFields.language.optional(),
  format: EventFields.format.optional(),
  onlineUrl: SafeUrl.nullable().optional(),
  address: z.string().trim().max(EVENT_ADDRESS_MAX).nullable().optional(),
  timeZone: TimeZoneId.optional(),
  startsLocal: LocalDateTime.optional(),
  endsLocal: LocalDateTime.optional(),
  capacity: z.number().int().min(1).max(EVENT_CAPACITY_MAX).nullable().optional(),
  recurrence: Recurrence.nullable().optional(),
  organiserIds: z.array(Id).min(1).max(EVENT_ORGANISERS_MAX).optional(),
  shareWithPartners: z.boolean().optional(),
  isPublic: z.boolean().optional(),
});
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

/** Change or cancel one occurrence of a series, named by its original local start. */
export const UpdateOccurrenceBody = z
  .strictObject({
    state: z.enum(OCCURRENCE_STATES),
    /** A moved occurrence: its new local start and end (the event's zone). */
    startsLocal: LocalDateTime.nullable().default(null),
    endsLocal: LocalDateTime.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if ((body.startsLocal === null) !== (body.endsLocal === null))
      ctx.addIssue({ code: 'custom', path: ['endsLocal'], message: 'give both start and end, or neither' });
    if (body.startsLocal && body.endsLocal && body.endsLocal <= body.startsLocal)
      ctx.addIssue({ code: 'custom', path: ['endsLocal'], message: 'the end must come after the start' });
  });
export type UpdateOccurrenceBody = z.infer<typeof UpdateOccurrenceBody>;

export const CancelEventBody = z.strictObject({ reason: z.string().trim().max(500).default('') });
export type CancelEventBody = z.infer<typeof CancelEventBody>;

/** The occurrences starting in [from, to): ISO instants; default from now for 60 days. */
export const EventRangeQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  /** The nextCursor of the page before. */
  cursor: z.string().max(400).optional(),
});
export type EventRangeQuery = z.infer<typeof EventRangeQuery>;

export const EventParams = z.strictObject({ slug: Slug, id: Id });
export const OccurrenceParams = z.strictObject({ slug: Slug, id: Id, occurrence: LocalDateTime });

export const RsvpBody = z.strictObject({ response: z.enum(RSVP_RESPONSES) });
export type RsvpBody = z.infer<typeof RsvpBody>;

/** Staff record who came to one occurrence (default: the event or the series' first). */
export const AttendanceBody = z.strictObject({
  occurrence: LocalDateTime.nullable().default(null),
  attendedIds: z.array(Id).max(1000),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const RsvpCounts = z.object({
  yes: z.number().int(),
  maybe: z.number().int(),
  no: z.number().int(),
  waiting: z.number().int(),
});
export type RsvpCounts = z.infer<typeof RsvpCounts>;

/** The caller's own answer: their response and whether they wait for a place. */
export const MyRsvp = z
  .object({
    response: z.enum(RSVP_RESPONSES),
    waiting: z.boolean(),
    /** On one event's page: the place on the waiting list (1 = next), while waiting. */
    position: z.number().int().nullable().optional(),
  })
  .nullable();

export const Occurrence = z.object({
  /** The original local start: names the occurrence (RECURRENCE-ID). */
  key: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  startsLocal: z.string(),
  endsLocal: z.string(),
  state: z.enum(OCCURRENCE_STATES),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const Event = z.object({
  id: z.string(),
  networkSlug: z.string(),
  title: z.string(),
  /** The Markdown as written: only for those who may edit; else null. */
  descriptionSource: z.string().nullable(),
  /** Sanitised HTML rendered on the server; safe to insert as HTML. */
  descriptionHtml: z.string(),
  language: z.string(),
  format: z.enum(EVENT_FORMATS),
  onlineUrl: z.string().nullable(),
  address: z.string().nullable(),
  timeZone: z.string(),
  startsLocal: z.string(),
  endsLocal: z.string(),
  /** The first occurrence's instants (UTC). */
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int().nullable(),
  recurrence: Recurrence.nullable(),
  /** The RRULE as in feeds, e.g. FREQ=MONTHLY;BYDAY=1TU, or null. */
  rrule: z.string().nullable(),
  status: z.enum(EVENT_STATUSES),
  cancelReason: z.string(),
  /** Raised on every change (SEQUENCE in feeds). */
  sequence: z.number().int(),
  organisers: z.array(AuthorSummary),
  counts: RsvpCounts,
  myRsvp: MyRsvp,
  /** The next occurrence that is not over (or null). */
  next: Occurrence.nullable(),
  /** The next dates of a series that are not over (at most 12, cancelled ones included). */
  upcoming: z.array(Occurrence),
  /** Occurrences with a state or time of their own. */
  exceptions: z.array(Occurrence),
  canEdit: z.boolean(),
  canManageAttendance: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Shown read-only in the network's partner networks too. */
  shareWithPartners: z.boolean(),
  /** Shown on the network's public page, to anyone. */
  isPublic: z.boolean(),
  /** The partner network a shared event comes from, read-only here (null: this network's own). */
  origin: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
export type Event = z.infer<typeof Event>;

/** One occurrence in a list, with its event's headline facts. */
export const EventListItem = z.object({
  eventId: z.string(),
  networkSlug: z.string(),
  networkName: z.string(),
  title: z.string(),
  format: z.enum(EVENT_FORMATS),
  timeZone: z.string(),
  status: z.enum(EVENT_STATUSES),
  recurring: z.boolean(),
  capacity: z.number().int().nullable(),
  counts: RsvpCounts,
  myRsvp: MyRsvp,
  occurrence: Occurrence,
  shareWithPartners: z.boolean(),
  isPublic: z.boolean(),
  /** The partner network a shared event comes from (null: the listed network's own). */
  origin: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
export type EventListItem = z.infer<typeof EventListItem>;

export const EventList = z.object({
  items: z.array(EventListItem),
  /** Where the next page starts, or null on the last one. */
  nextCursor: z.string().nullable(),
  from: z.string(),
  to: z.string(),
});
export type EventList = z.infer<typeof EventList>;

/**
 * One upcoming occurrence of a public event as anyone sees it: the headline facts and the network
 * it belongs to. Nothing about who answered or came, and no meeting link or address (those are
 * for the members).
 */
export const PublicEventItem = z.object({
  eventId: z.string(),
  networkSlug: z.string(),
  networkName: z.string(),
  title: z.string(),
  language: z.string(),
  format: z.enum(EVENT_FORMATS),
  timeZone: z.string(),
  recurring: z.boolean(),
  occurrence: Occurrence.pick({
    key: true,
    startsAt: true,
    endsAt: true,
    startsLocal: true,
    endsLocal: true,
  }),
});
export type PublicEventItem = z.infer<typeof PublicEventItem>;

/** Upcoming public events: from now, for PUBLIC_EVENTS_DAYS at most, page by page. */
export const PublicEventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The nextCursor of the page before. */
  cursor: z.string().max(400).optional(),
});
export type PublicEventsQuery = z.infer<typeof PublicEventsQuery>;

export const PublicEventList = z.object({
  items: z.array(PublicEventItem),
  /** Where the next page starts, or null on the last one. */
  nextCursor: z.string().nullable(),
});
export type PublicEventList = z.infer<typeof PublicEventList>;

export const Attendee = z.object({
  user: PersonSummary,
  response: z.enum(RSVP_RESPONSES),
  waiting: z.boolean(),
  respondedAt: z.string(),
});
export const Attendees = z.object({
  attendees: z.array(Attendee),
  /** Who came, per occurrence key. */
  attendance: z.array(z.object({ occurrence: z.string(), userIds: z.array(z.string()) })),
});
export type Attendees = z.infer<typeof Attendees>;

export const RsvpResult = z.object({ counts: RsvpCounts, myRsvp: MyRsvp });
export type RsvpResult = z.infer<typeof RsvpResult>;

/** The caller's personal calendar feed: its secret address. */
export const CalendarFeed = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;
export const CalendarFeedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/) });

/** Realtime: an event's RSVP counts changed (to the network's room). */
export interface EventRsvpChangedEvent {
  networkId: string;
  networkSlug: string;
  eventId: string;
  counts: RsvpCounts;
}
/** Realtime: an event was created, changed, cancelled or deleted; clients load it again. */
export interface EventChangedEvent {
  networkId: string;
  networkSlug: string;
  eventId: string;
}
