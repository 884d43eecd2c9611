import { EVENT_REMINDER_HOURS } from '../../../common/events.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { HOUR, MINUTE } from '../../lib/time.ts';
import { getStandings } from '../networks/index.ts';
import { notify, sendHeldMail } from '../notifications/index.ts';
import {
  claimReminder,
  hasJob,
  listInterested,
  listOccurrenceChanges,
  listScheduledEventsStartingBetween,
} from './events.repository.ts';
import { type EventActor, loadEvent, scheduleOf } from './events.service.ts';
import type { EventRow } from './events.table.ts';
import { expandOccurrences } from './recurrence.ts';

/** The reminder job: runs every few minutes and sends what is due. */
export const REMINDER_JOB = 'events.reminders';
/** How often the job looks; a reminder goes out at most this late. */
export const REMINDER_EVERY_MS = 5 * MINUTE;

type ChangeKind = 'event_changed' | 'event_cancelled' | 'event_place';

/** Only those still taking part in the event's network hear about it. */
async function presentIn(ctx: AppContext, networkId: string, userIds: string[]): Promise<string[]> {
  const standings = await getStandings(ctx, userIds);
  return userIds.filter((id) => standings.get(id)?.some((s) => s.networkId === networkId && takesPart(s)));
}

/**
 * Tells people about a change: by default those who said yes (with a place) or maybe; `to` names
 * others (those who moved up from the waiting list). Whoever made the change is not told.
 */
export async function notifyEventChange(
  ctx: AppContext,
  actor: EventActor,
  eventId: string,
  kind: ChangeKind,
  to?: string[],
): Promise<void> {
  const { row } = await loadEvent(ctx, actor.network.id, eventId);
  const ids = to ?? (await listInterested(ctx.database.db, [eventId])).map((r) => r.userId);
  for (const userId of await presentIn(ctx, row.networkId, ids)) {
    await notify(ctx, { userId, kind, networkId: row.networkId, actorId: actor.user.id, eventId });
  }
}

/** Registers the reminder job and makes sure one run is scheduled. */
export async function startEventJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.handle(REMINDER_JOB, async () => {
    await runReminders(ctx);
    await ctx.jobs.enqueue(
      REMINDER_JOB,
      {},
      { runAt: new Date(Date.now() + REMINDER_EVERY_MS).toISOString() },
    );
  });
  if (!(await hasJob(ctx.database.db, REMINDER_JOB, ['pending', 'running'])))
    await ctx.jobs.enqueue(
      REMINDER_JOB,
      {},
      { runAt: new Date(Date.now() + REMINDER_EVERY_MS).toISOString() },
    );
}

/**
 * Sends the reminders that are due at `now`: for every occurrence starting within 24 hours (and
 * within 1 hour), one notification to each who said yes (with a place) or maybe, once per
 * occurrence and lead time (claimed first, so several instances never send twice): the 24-hour
 * reminder in the last day before the start, the 1-hour one in the last hour. Reminders are time-bound:
 * they are e-mailed now unless the person's `events` e-mail setting is off (never held for the
 * daily digest), pushed as their push settings say (dropped in quiet hours, not kept for the
 * morning); the mail job sends one mail for all that are pending, so several events due together
 * make one mail. Returns how many notifications went out.
 */
export async function runReminders(ctx: AppContext, now = Date.now()): Promise<number> {
  const db = ctx.database.db;
  const horizon = Math.max(...EVENT_REMINDER_HOURS) * HOUR;
  const events = await listScheduledEventsStartingBetween(
    db,
    new Date(now).toISOString(),
    new Date(now + horizon + HOUR).toISOString(),
  );
  if (events.length === 0) return 0;
  const changes = await listOccurrenceChanges(
    db,
    events.map((e) => e.id),
  );
  const due: { event: EventRow; key: string; hours: number }[] = [];
  for (const event of events) {
    const occurrences = expandOccurrences(
      scheduleOf(event),
      changes.filter((c) => c.eventId === event.id),
      now,
      now + horizon,
    );
    for (const occurrence of occurrences) {
      if (occurrence.state !== 'scheduled') continue;
      const startsIn = Date.parse(occurrence.startsAt) - now;
      if (startsIn <= 0) continue;
      // The shortest lead time that has been reached: 1 h before, else 24 h before.
      const hours = [...EVENT_REMINDER_HOURS]
        .sort((a, b) => a - b)
        .find((h) => startsIn <= h * HOUR && startsIn > h * HOUR - (h === 1 ? HOUR : 23 * HOUR));
      if (hours !== undefined) due.push({ event, key: occurrence.key, hours });
    }
  }
  if (due.length === 0) return 0;
  const interested = await listInterested(
    db,
    due.map((d) => d.event.id),
  );
  let sent = 0;
  // Mail goes out once every reminder of this run is written: several due together, one mail.
  const reminded = new Set<string>();
  for (const { event, key, hours } of due) {
    if (!(await claimReminder(db, event.id, key, hours, new Date(now).toISOString()))) continue;
    const ids = interested.filter((r) => r.eventId === event.id).map((r) => r.userId);
    for (const userId of await presentIn(ctx, event.networkId, ids)) {
      await notify(ctx, {
        userId,
        kind: 'event_reminder',
        networkId: event.networkId,
        eventId: event.id,
        holdMail: true,
      });
      reminded.add(userId);
      sent++;
    }
  }
  await sendHeldMail(ctx, reminded);
  return sent;
}
