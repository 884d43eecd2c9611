import { BUDDY_CHECKIN_DAYS } from '../../../common/buddies.ts';
import { otherOfPair } from '../../../common/policies/buddies.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import { getLastMessageTimes } from '../messages/index.ts';
import { getStandings } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import { claimReminder, hasJob, listActivePairs } from './buddies.repository.ts';
import type { BuddyPairRow } from './buddies.table.ts';

/** The daily job that sends the gentle check-in reminders; each run schedules the next. */
export const CHECKIN_JOB = 'buddies.checkins';
const BATCH = 200;

/**
 * The last sign of life of a pairing: the newest message between the two in their conversation,
 * else when it became active; a reminder restarts the clock too (the next one waits as long again).
 */
export function lastContactOf(
  pair: Pick<BuddyPairRow, 'activatedAt' | 'lastReminderAt'>,
  lastMessageAt?: string,
) {
  const times = [pair.activatedAt, pair.lastReminderAt, lastMessageAt].filter((t): t is string => Boolean(t));
  return times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b), times[0] ?? '');
}

/** Whether a pairing whose last contact was then is due for a check-in now. */
export function isCheckinDue(lastContact: string, now: number): boolean {
  return lastContact !== '' && now - Date.parse(lastContact) >= BUDDY_CHECKIN_DAYS * DAY;
}

/**
 * The next run: an hour before the daily digest, so that the reminders go out in that day's digest
 * (`hourUtc` is the digest's hour).
 */
export function nextCheckinRunAt(now: number, digestHourUtc: number): string {
  const hour = (digestHourUtc + 23) % 24;
  const today = Math.floor(now / DAY) * DAY + hour * HOUR;
  return new Date(today > now ? today : today + DAY).toISOString();
}

/** Registers the check-in job and makes sure a run is scheduled (several instances share one chain). */
export async function startBuddyJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.handle(CHECKIN_JOB, async () => {
    await runCheckins(ctx);
    await scheduleCheckins(ctx, ['pending']);
  });
  await scheduleCheckins(ctx, ['pending', 'running']);
}

async function scheduleCheckins(ctx: AppContext, statuses: JobStatus[]): Promise<void> {
  if (await hasJob(ctx.database.db, CHECKIN_JOB, statuses)) return;
  await ctx.jobs.enqueue(CHECKIN_JOB, {}, { runAt: nextCheckinRunAt(Date.now(), ctx.config.digestHourUtc) });
}

/**
 * Reminds both buddies of every active pairing with no contact for BUDDY_CHECKIN_DAYS, through
 * their notifications (the digest; never an immediate mail). Safe to run again at any time: a
 * reminder is claimed before it is sent, and restarts the clock. Pairings where one of the two no
 * longer takes part in the network are left alone. Returns how many pairings were reminded.
 */
export async function runCheckins(ctx: AppContext, now = Date.now()): Promise<number> {
  const db = ctx.database.db;
  let reminded = 0;
  let after = '';
  for (;;) {
    const pairs = await listActivePairs(db, after, BATCH);
    if (pairs.length === 0) break;
    after = pairs[pairs.length - 1]?.id ?? after;
    const lastMessages = await getLastMessageTimes(
      ctx,
      pairs.flatMap((p) => (p.conversationId ? [p.conversationId] : [])),
    );
    const due = pairs.filter((p) =>
      isCheckinDue(lastContactOf(p, p.conversationId ? lastMessages.get(p.conversationId) : undefined), now),
    );
    if (due.length === 0) continue;
    const standings = await getStandings(
      ctx,
      due.flatMap((p) => [p.beginnerId, p.mentorId as string]),
    );
    const present = (userId: string, networkId: string) =>
      standings.get(userId)?.some((s) => s.networkId === networkId && takesPart(s)) ?? false;
    for (const pair of due) {
      const people = [pair.beginnerId, pair.mentorId as string];
      if (!people.every((id) => present(id, pair.networkId))) continue;
      if (!(await claimReminder(db, pair.id, pair.lastReminderAt, isoNow(now)))) continue;
      for (const userId of people) {
        await notify(ctx, {
          userId,
          kind: 'buddy_checkin',
          networkId: pair.networkId,
          actorId: otherOfPair(userId, pair),
          conversationId: pair.conversationId,
        });
      }
      reminded++;
    }
  }
  return reminded;
}
