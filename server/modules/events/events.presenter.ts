import type {
  Event,
  EventListItem,
  Occurrence,
  PublicEventItem,
  Recurrence,
} from '../../../common/contracts/events.ts';
import { canEditEvent, canManageAttendance, type EventViewer } from '../../../common/policies/events.ts';
import { type EventAnswers, type EventExtras, emptyCounts, scheduleOf } from './events.service.ts';
import type { EventListRow, EventRow, OccurrenceRow, RsvpRow } from './events.table.ts';
import { type ExpandedOccurrence, expandOccurrences, placeOccurrence, ruleString } from './recurrence.ts';

const DAY = 86_400_000;

function myRsvpOf(row: RsvpRow | undefined): Event['myRsvp'] {
  return row ? { response: row.response, waiting: Number(row.waiting) === 1 } : null;
}

/** The next occurrence of an event that is not over at `now` (looking a year past its start or now), or null. */
export function nextOccurrence(
  row: EventRow,
  changes: readonly OccurrenceRow[],
  now: number,
): ExpandedOccurrence | null {
  const horizon = Math.max(now, Date.parse(row.startsAt)) + 400 * DAY;
  return expandOccurrences(scheduleOf(row), changes, now, horizon, 1)[0] ?? null;
}

/** One event as the viewer sees it. */
export function presentEvent(
  row: EventRow,
  networkSlug: string,
  extras: EventExtras,
  viewer: EventViewer,
  now: number,
): Event {
  const organisers = extras.organisers.get(row.id) ?? [];
  const changes = extras.changes.get(row.id) ?? [];
  const schedule = scheduleOf(row);
  const canEdit = canEditEvent(viewer, { organiserIds: organisers.map((o) => o.id) });
  const exceptions: Occurrence[] = changes
    .map((c) => placeOccurrence(schedule, c.occurrenceKey, c))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    id: row.id,
    networkSlug,
    title: row.title,
    descriptionSource: canEdit ? row.description : null,
    descriptionHtml: row.descriptionHtml,
    language: row.language,
    format: row.format,
    onlineUrl: row.onlineUrl,
    address: row.address,
    timeZone: row.timeZone,
    startsLocal: row.startsLocal,
    endsLocal: row.endsLocal,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    recurrence: schedule.recurrence,
    rrule: schedule.recurrence ? ruleString(schedule.recurrence as Recurrence, row.startsLocal) : null,
    status: row.status,
    cancelReason: row.cancelReason,
    sequence: row.sequence,
    organisers,
    counts: extras.counts.get(row.id) ?? emptyCounts(),
    myRsvp: myRsvpOf(extras.mine.get(row.id)),
    next: nextOccurrence(row, changes, now),
    upcoming: schedule.recurrence
      ? expandOccurrences(schedule, changes, now, Math.max(now, Date.parse(row.startsAt)) + 400 * DAY, 12)
      : [],
    exceptions,
    canEdit,
    canManageAttendance: canManageAttendance(viewer),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    shareWithPartners: row.shareWithPartners === 1,
    isPublic: row.isPublic === 1,
    origin: null,
  };
}

/**
 * An event a partner network shared, as members of this network read it: its origin shown, and
 * nothing of the origin network's members (no organisers, no answers) — read-only.
 */
export function presentSharedEvent(
  row: EventRow & { networkSlug: string; networkName: string },
  extras: EventExtras,
  now: number,
): Event {
  const readOnly: EventViewer = { userId: '', staff: false };
  const event = presentEvent(row, row.networkSlug, { ...extras, mine: new Map() }, readOnly, now);
  return {
    ...event,
    organisers: [],
    myRsvp: null,
    canEdit: false,
    canManageAttendance: false,
    descriptionSource: null,
    origin: { slug: row.networkSlug, name: row.networkName },
  };
}

/** A page of occurrences as list items (already in time order). */
export function presentOccurrences(
  items: {
    row: EventListRow & { networkSlug: string; networkName: string };
    occurrence: ExpandedOccurrence;
  }[],
  extras: EventAnswers,
  /** The network listed: events of other networks are partners' shared ones, shown with their origin. */
  networkId: string | null = null,
): EventListItem[] {
  return items.map(({ row, occurrence }) => ({
    shareWithPartners: row.shareWithPartners === 1,
    isPublic: row.isPublic === 1,
    origin:
      networkId === null || row.networkId === networkId
        ? null
        : { slug: row.networkSlug, name: row.networkName },
    eventId: row.id,
    networkSlug: row.networkSlug,
    networkName: row.networkName,
    title: row.title,
    format: row.format,
    timeZone: row.timeZone,
    status: row.status,
    recurring: row.recurrence !== null,
    capacity: row.capacity,
    counts: extras.counts.get(row.id) ?? emptyCounts(),
    myRsvp: myRsvpOf(extras.mine.get(row.id)),
    occurrence,
  }));
}

/** Upcoming public occurrences as anyone sees them: no answers, no organisers, no link or address. */
export function presentPublicEvents(
  items: { row: EventRow & { networkSlug: string; networkName: string }; occurrence: ExpandedOccurrence }[],
): PublicEventItem[] {
  return items.map(({ row, occurrence }) => ({
    eventId: row.id,
    networkSlug: row.networkSlug,
    networkName: row.networkName,
    title: row.title,
    language: row.language,
    format: row.format,
    timeZone: row.timeZone,
    recurring: row.recurrence !== null,
    occurrence: {
      key: occurrence.key,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      startsLocal: occurrence.startsLocal,
      endsLocal: occurrence.endsLocal,
    },
  }));
}
