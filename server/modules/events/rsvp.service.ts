import type { AttendanceBody, RsvpBody, UpdateOccurrenceBody } from '../../../common/contracts/events.ts';
import {
  canManageAttendance,
  canRecordAttendance,
  canRsvp,
  placesToFill,
  waitsForPlace,
} from '../../../common/policies/events.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { getStandings } from '../networks/index.ts';
import {
  countConfirmedYes,
  listAttendance,
  listOccurrenceChanges,
  listRsvpsWithNames,
  listWaiting,
  promoteFromWaiting,
  replaceAttendance,
  saveOccurrenceChange,
  saveRsvp,
  updateEventRow,
} from './events.repository.ts';
import { type EventActor, loadEditableEvent, loadEvent, loadExtras, scheduleOf } from './events.service.ts';
import { isOccurrenceKey, placeOccurrence } from './recurrence.ts';

/**
 * Answers an event (the series, for a recurring one): yes, maybe or no. A yes beyond the capacity
 * waits for a place; when a place frees up (someone says maybe or no, or the capacity grows), the
 * longest waiting move up, in the same transaction. Returns who moved up.
 */
export async function answerEvent(ctx: AppContext, actor: EventActor, id: string, body: RsvpBody) {
  const { row } = await loadEvent(ctx, actor.network.id, id);
  if (!canRsvp(row, Date.now())) throw new AppError('EVENT_CLOSED', 409);
  const userId = actor.user.id;
  const promoted = await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    // Lock the event row on PostgreSQL so that two answers for the last place are decided in turn.
    await updateEventRow(db, id, { updatedAt: row.updatedAt });
    const mine = (await loadExtras(tx, [id], userId)).mine.get(id);
    const heldPlace = mine?.response === 'yes' && mine.waiting === 0;
    const taken = await countConfirmedYes(db, id, userId);
    const waiting = waitsForPlace(body.response, row.capacity, taken, heldPlace);
    const keepsTime = mine && mine.response === body.response && mine.waiting === (waiting ? 1 : 0);
    await saveRsvp(db, {
      eventId: id,
      userId,
      response: body.response,
      waiting: waiting ? 1 : 0,
      respondedAt: keepsTime ? mine.respondedAt : isoNow(),
    });
    return fillFreedPlaces(tx, id, row.capacity);
  });
  return { promoted };
}

/** Moves the longest waiting up into free places; returns their ids. */
export async function fillFreedPlaces(
  ctx: AppContext,
  eventId: string,
  capacity: number | null,
): Promise<string[]> {
  const db = ctx.database.db;
  const waiting = await listWaiting(db, eventId);
  if (waiting.length === 0) return [];
  const confirmed = await countConfirmedYes(db, eventId, '');
  const up = waiting.slice(0, placesToFill(capacity, confirmed, waiting.length));
  await promoteFromWaiting(db, eventId, up);
  return up;
}

/** Everyone who answered and who came (staff). */
export async function getAttendees(ctx: AppContext, actor: EventActor, id: string) {
  if (!canManageAttendance(actor.viewer)) throw forbidden();
  await loadEvent(ctx, actor.network.id, id);
  const db = ctx.database.db;
  const [answers, attended] = await Promise.all([listRsvpsWithNames(db, id), listAttendance(db, id)]);
  const byOccurrence = new Map<string, string[]>();
  for (const a of attended)
    byOccurrence.set(a.occurrenceKey, [...(byOccurrence.get(a.occurrenceKey) ?? []), a.userId]);
  return {
    attendees: answers.map((a) => ({
      user: { id: a.userId, displayName: a.displayName },
      response: a.response,
      waiting: Number(a.waiting) === 1,
      respondedAt: a.respondedAt,
    })),
    attendance: [...byOccurrence].map(([occurrence, userIds]) => ({ occurrence, userIds })),
  };
}

/**
 * Staff record who came to an occurrence that has started (replacing an earlier record). Those
 * named must be members of the network. Returns the occurrence key.
 */
export async function recordEventAttendance(
  ctx: AppContext,
  actor: EventActor,
  id: string,
  body: AttendanceBody,
) {
  if (!canManageAttendance(actor.viewer)) throw forbidden();
  const { row } = await loadEvent(ctx, actor.network.id, id);
  const schedule = scheduleOf(row);
  const key = body.occurrence ?? row.startsLocal;
  if (!isOccurrenceKey(schedule, key)) throw new AppError('NOT_FOUND', 404);
  const change = (await listOccurrenceChanges(ctx.database.db, [id])).find((c) => c.occurrenceKey === key);
  const occurrence = placeOccurrence(schedule, key, change);
  if (!canRecordAttendance(occurrence.startsAt, Date.now())) throw new AppError('EVENT_NOT_STARTED', 409);
  const ids = [...new Set(body.attendedIds)];
  const standings = await getStandings(ctx, ids);
  for (const userId of ids) {
    if (!standings.get(userId)?.some((s) => s.networkId === actor.network.id && takesPart(s)))
      throw new AppError('VALIDATION_FAILED', 400, [
        { path: ['attendedIds'], code: 'custom', message: 'those who came are members of the network' },
      ]);
  }
  await withTransaction(ctx, async (tx) => {
    await replaceAttendance(tx.database.db, id, key, ids, actor.user.id, isoNow());
    await recordAudit(tx, {
      networkId: row.networkId,
      actorId: actor.user.id,
      action: 'event.attendance_recorded',
      details: { eventId: id, occurrence: key, count: ids.length },
    });
  });
  return key;
}

/** Changes, cancels or removes one occurrence of a series (organisers and staff). */
export async function changeOccurrence(
  ctx: AppContext,
  actor: EventActor,
  id: string,
  key: string,
  body: UpdateOccurrenceBody,
) {
  const { row } = await loadEditableEvent(ctx, actor, id);
  if (!row.recurrence || !isOccurrenceKey(scheduleOf(row), key)) throw new AppError('NOT_FOUND', 404);
  const now = isoNow();
  await withTransaction(ctx, async (tx) => {
    await saveOccurrenceChange(tx.database.db, {
      eventId: id,
      occurrenceKey: key,
      state: body.state,
      startsLocal: body.startsLocal,
      endsLocal: body.endsLocal,
      updatedAt: now,
    });
    await updateEventRow(tx.database.db, id, { sequence: row.sequence + 1, updatedAt: now });
  });
  return row;
}
