import type { CreateEventBody, Event } from '../../../../common/contracts/events.ts';
import type { EventFormat } from '../../../../common/events.ts';

/** The event form as the page keeps it (strings, as inputs give them). */
export interface EventDraft {
  title: string;
  description: string;
  language: string;
  format: EventFormat;
  onlineUrl: string;
  address: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  capacity: string;
  repeat: 'none' | 'weekly' | 'monthly';
  monthly: 'nth_weekday' | 'day_of_month';
  until: string;
  shareWithPartners: boolean;
  /** Who organises it (and may edit it): the creator first on a new event, co-organisers added. */
  organisers: DraftOrganiser[];
  isPublic: boolean;
}

/** An organiser on the form: the id sent, the name shown. */
export interface DraftOrganiser {
  id: string;
  displayName: string;
  formerMember?: boolean;
}

/** A new event: online, in the reader's zone, without repeat, organised by its creator. */
export function emptyDraft(
  language: string,
  timeZone: string,
  creator: DraftOrganiser | null = null,
): EventDraft {
  return {
    title: '',
    description: '',
    language,
    format: 'online',
    onlineUrl: '',
    address: '',
    timeZone,
    startsLocal: '',
    endsLocal: '',
    capacity: '',
    repeat: 'none',
    monthly: 'nth_weekday',
    until: '',
    shareWithPartners: false,
    organisers: creator ? [creator] : [],
    isPublic: false,
  };
}

/** The form of an existing event. */
export function draftOf(event: Event): EventDraft {
  return {
    title: event.title,
    description: event.descriptionSource ?? '',
    language: event.language,
    format: event.format,
    onlineUrl: event.onlineUrl ?? '',
    address: event.address ?? '',
    timeZone: event.timeZone,
    startsLocal: event.startsLocal,
    endsLocal: event.endsLocal,
    capacity: event.capacity === null ? '' : String(event.capacity),
    repeat: event.recurrence ? event.recurrence.freq : 'none',
    monthly: event.recurrence?.monthly ?? 'nth_weekday',
    until: event.recurrence?.until ?? '',
    shareWithPartners: event.shareWithPartners,
    organisers: event.organisers.map((o) => ({
      id: o.id,
      displayName: o.displayName,
      formerMember: o.formerMember,
    })),
    isPublic: event.isPublic,
  };
}

/**
 * The API body of a draft (the server checks it again and names the fields it refuses). Without
 * organisers on the form, the creator organises a new event and an edited one keeps its own.
 */
export function bodyOf(
  draft: EventDraft,
): Omit<CreateEventBody, 'organiserIds'> & { organiserIds?: string[] } {
  const capacity = Number.parseInt(draft.capacity, 10);
  return {
    title: draft.title.trim(),
    description: draft.description,
    language: draft.language as CreateEventBody['language'],
    format: draft.format,
    onlineUrl: draft.format === 'online' ? draft.onlineUrl.trim() || null : null,
    address: draft.format === 'on_site' ? draft.address.trim() || null : null,
    timeZone: draft.timeZone,
    startsLocal: draft.startsLocal,
    endsLocal: draft.endsLocal,
    capacity: Number.isFinite(capacity) && capacity > 0 ? capacity : null,
    shareWithPartners: draft.shareWithPartners,
    ...(draft.organisers.length > 0 && { organiserIds: draft.organisers.map((o) => o.id) }),
    isPublic: draft.isPublic,
    recurrence:
      draft.repeat === 'none'
        ? null
        : {
            freq: draft.repeat,
            interval: 1,
            weekdays: [],
            monthly: draft.monthly,
            until: draft.until || null,
            count: null,
          },
  };
}

/** The zones the form offers: the runtime's list, with the draft's own first. */
export function timeZoneOptions(current: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : ['UTC', 'Europe/Berlin'];
  return all.includes(current) ? all : [current, ...all];
}
