/**
 * The resource rules of events: who may create events in a network (the meta-mentor and office;
 * mentors too when the network allows it), who may edit one event (its organisers and staff), who
 * sees attendees and records attendance, and how an answer fits the capacity (the waiting list).
 * The role × action table (permissions.ts) lets members in; these functions decide per network and
 * per event. Used by the server and the web app.
 */
import type { EventStatus, RsvpResponse } from '../events.ts';
import { canInNetwork, type NetworkActor, type Visibility } from '../permissions.ts';

/** Who looks at events in one network. */
export interface EventViewer {
  userId: string;
  /** The meta-mentor and office: create always, edit any event, see attendees, record attendance. */
  staff: boolean;
}

/** A network's caller as an event viewer. */
export function eventViewerOf(actor: NetworkActor, visibility: Visibility, userId: string): EventViewer {
  return { userId, staff: canInNetwork(actor, 'events.attendance', visibility) };
}

/** Whether the caller may create an event: staff, or any member when the network allows it. */
export function canCreateEvent(
  actor: NetworkActor,
  visibility: Visibility,
  network: { membersCreateEvents: boolean },
): boolean {
  if (!canInNetwork(actor, 'events.create', visibility)) return false;
  return canInNetwork(actor, 'events.attendance', visibility) || network.membersCreateEvents;
}

/** Whether the viewer may edit, cancel or delete the event: its organisers and staff. */
export function canEditEvent(viewer: EventViewer, event: { organiserIds: readonly string[] }): boolean {
  return viewer.staff || event.organiserIds.includes(viewer.userId);
}

/**
 * Public events: an event may be shown on the network's public page (to anyone, without an
 * account) only while the network itself is public; its editors (organisers and staff) decide.
 * An unlisted or private network lists none, whatever its events' flags say.
 */
export function showsPublicEvents(visibility: Visibility): boolean {
  return visibility === 'public';
}

/** Attendees and attendance are the staff's. */
export function canManageAttendance(viewer: EventViewer): boolean {
  return viewer.staff;
}

/** Answers are taken while the event is scheduled and its last occurrence is not over. */
export function canRsvp(event: { status: EventStatus; lastEndsAt: string | null }, now: number): boolean {
  if (event.status !== 'scheduled') return false;
  return event.lastEndsAt === null || Date.parse(event.lastEndsAt) > now;
}

/** Attendance is recorded once the occurrence has started. */
export function canRecordAttendance(occurrenceStartsAt: string, now: number): boolean {
  return Date.parse(occurrenceStartsAt) <= now;
}

/**
 * Whether an answer waits for a place: a yes when the event is full. Someone who already holds a
 * place keeps it; `confirmedYes` counts the places taken by others.
 */
export function waitsForPlace(
  response: RsvpResponse,
  capacity: number | null,
  confirmedYes: number,
  heldPlace: boolean,
): boolean {
  if (response !== 'yes' || capacity === null || heldPlace) return false;
  return confirmedYes >= capacity;
}

/** How many from the waiting list (oldest first) move up when places are free. */
export function placesToFill(capacity: number | null, confirmedYes: number, waiting: number): number {
  if (capacity === null) return waiting;
  return Math.max(0, Math.min(waiting, capacity - confirmedYes));
}
