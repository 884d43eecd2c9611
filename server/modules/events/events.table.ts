import type { Selectable } from 'kysely';
import type { EventFormat, EventStatus, OccurrenceState, RsvpResponse } from '../../../common/events.ts';

export interface EventsTable {
  id: string;
  networkId: string;
  title: string;
  /** Markdown as written, and its safe HTML rendered once on save. */
  description: string;
  descriptionHtml: string;
  language: string;
  format: EventFormat;
  onlineUrl: string | null;
  address: string | null;
  /** IANA zone id; the local wall times below are in it. */
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  /** UTC instants of the first occurrence. */
  startsAt: string;
  endsAt: string;
  /** UTC end of the last occurrence; null for a series without end. */
  lastEndsAt: string | null;
  /** JSON of contracts/events.ts Recurrence, or null. */
  recurrence: string | null;
  capacity: number | null;
  /** 0/1: shown read-only in the network's partner networks too. */
  shareWithPartners: number;
  /** 0/1: shown on the public page of a public network, to anyone (no attendees, no link). */
  isPublic: number;
  status: EventStatus;
  cancelReason: string;
  sequence: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
export type EventRow = Selectable<EventsTable>;

/** An event as a list reads it (the repository's LIST_COLUMNS). */
export type EventListRow = Pick<
  EventRow,
  | 'id'
  | 'networkId'
  | 'timeZone'
  | 'startsLocal'
  | 'endsLocal'
  | 'recurrence'
  | 'startsAt'
  | 'title'
  | 'format'
  | 'status'
  | 'capacity'
  | 'shareWithPartners'
  | 'isPublic'
>;

export interface EventOrganisersTable {
  eventId: string;
  userId: string;
}

export interface EventOccurrencesTable {
  eventId: string;
  /** The occurrence's original local start. */
  occurrenceKey: string;
  state: OccurrenceState;
  /** A moved occurrence's local start and end. */
  startsLocal: string | null;
  endsLocal: string | null;
  updatedAt: string;
}
export type OccurrenceRow = Selectable<EventOccurrencesTable>;

export interface EventRsvpsTable {
  eventId: string;
  userId: string;
  response: RsvpResponse;
  /** 1 while a yes waits for a place. */
  waiting: number;
  respondedAt: string;
}
export type RsvpRow = Selectable<EventRsvpsTable>;

export interface EventAttendanceTable {
  eventId: string;
  occurrenceKey: string;
  userId: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface EventRemindersTable {
  eventId: string;
  occurrenceKey: string;
  hours: number;
  sentAt: string;
}

export interface CalendarFeedsTable {
  userId: string;
  token: string;
  createdAt: string;
}

/** A network's event-list stamp: raised by every change of its events' times (list caches compare it). */
export interface EventListStampsTable {
  networkId: string;
  version: number;
}
