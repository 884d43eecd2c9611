import type { Recurrence } from '../../common/contracts/events.ts';
import { localToUtc } from '../../common/event-time.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';

/** The local wall time (`YYYY-MM-DDTHH:mm`, UTC fields) of an instant: for events in UTC. */
export const utcLocal = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/**
 * An event stored directly (for tests that need one without going through the API): in UTC
 * unless told, weekly without end when `recurrence` is 'weekly'.
 */
export async function buildEvent(
  ctx: AppContext,
  network: { id: string },
  organiserId: string,
  options: {
    startsLocal?: string;
    endsLocal?: string;
    timeZone?: string;
    recurrence?: Recurrence | null;
    capacity?: number | null;
    title?: string;
    shareWithPartners?: boolean;
    isPublic?: boolean;
  } = {},
): Promise<{ id: string }> {
  const timeZone = options.timeZone ?? 'UTC';
  const startsLocal = options.startsLocal ?? utcLocal(Date.now() + 3 * 86_400_000);
  const endsLocal = options.endsLocal ?? utcLocal(Date.parse(`${startsLocal}:00Z`) + 3_600_000);
  const recurrence = options.recurrence ?? null;
  const id = newId();
  const now = isoNow();
  const endsAt = new Date(localToUtc(endsLocal, timeZone)).toISOString();
  await ctx.database.db
    .insertInto('events')
    .values({
      id,
      networkId: network.id,
      title: options.title ?? 'Fictional mentor café',
      description: '',
      descriptionHtml: '',
      language: 'en',
      format: 'online',
      onlineUrl: 'https://meet.example.org/cafe',
      address: null,
      timeZone,
      startsLocal,
      endsLocal,
      startsAt: new Date(localToUtc(startsLocal, timeZone)).toISOString(),
      endsAt,
      lastEndsAt: recurrence ? null : endsAt,
      recurrence: recurrence ? JSON.stringify(recurrence) : null,
      capacity: options.capacity ?? null,
      shareWithPartners: options.shareWithPartners ? 1 : 0,
      isPublic: options.isPublic ? 1 : 0,
      status: 'scheduled',
      cancelReason: '',
      sequence: 0,
      createdBy: organiserId,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await ctx.database.db.insertInto('eventOrganisers').values({ eventId: id, userId: organiserId }).execute();
  return { id };
}

export const WEEKLY: Recurrence = {
  freq: 'weekly',
  interval: 1,
  weekdays: [],
  monthly: 'nth_weekday',
  until: null,
  count: null,
};
