import {
  DRIFT_SILENT_DAYS,
  DRIFT_WINDOW_DAYS,
  MISSED_EVERY_DAYS,
  REENGAGEMENT_EVERY_DAYS,
} from '../../../common/progression.ts';
import type { AppContext } from '../../context.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import { logAndNotify } from './nudge-log.service.ts';
import { askForHelpers, tellOfEvents } from './nudges-ahead.service.ts';
import {
  countSince,
  countUnansweredHelp,
  hasJob,
  lastActiveInNetwork,
  lastNudgeAt,
  listLastSeen,
  listNetworkIds,
} from './progression.repository.ts';

/** The daily job that sends the nudges; each run schedules the next. */
export const NUDGE_JOB = 'progression.nudges';

/** Drifting: last active in the 60 days before the last 30, not since. */
export function isDrifting(lastActiveAt: string | null | undefined, now: number): boolean {
  if (!lastActiveAt) return false;
  const silentFor = now - Date.parse(lastActiveAt);
  return silentFor >= DRIFT_SILENT_DAYS * DAY && silentFor < (DRIFT_SILENT_DAYS + DRIFT_WINDOW_DAYS) * DAY;
}

/** Whether a person last nudged then may be nudged again now (at most once per `days`, 30 by default). */
export function mayNudgeAgain(
  lastNudge: string | null,
  now: number,
  days = REENGAGEMENT_EVERY_DAYS,
): boolean {
  return lastNudge === null || now - Date.parse(lastNudge) >= days * DAY;
}

/** Whether a member last seen then did not open the app in the past week. */
export function missedTheWeek(lastSeenAt: string | null | undefined, now: number): boolean {
  return !lastSeenAt || now - Date.parse(lastSeenAt) >= MISSED_EVERY_DAYS * DAY;
}

/**
 * The one thing a drifting member could do, chosen from what the network needs most: answer a
 * help request nobody has answered yet, else look at what is new.
 */
export function suggestionOf(unansweredHelp: number): 'answer_help' | 'read_news' {
  return unansweredHelp > 0 ? 'answer_help' : 'read_news';
}

/** The next run: an hour before the daily digest, so that nudges share that day's digest mail. */
export function nextNudgeRunAt(now: number, digestHourUtc: number): string {
  const hour = (digestHourUtc + 23) % 24;
  const today = Math.floor(now / DAY) * DAY + hour * HOUR;
  return new Date(today > now ? today : today + DAY).toISOString();
}

/** Registers the nudge job and makes sure a run is scheduled (several instances share one chain). */
export async function startNudgeJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.handle(NUDGE_JOB, async () => {
    await runNudges(ctx);
    await scheduleNudges(ctx, ['pending']);
  });
  await scheduleNudges(ctx, ['pending', 'running']);
}

async function scheduleNudges(ctx: AppContext, statuses: JobStatus[]): Promise<void> {
  if (await hasJob(ctx.database.db, NUDGE_JOB, statuses)) return;
  await ctx.jobs.enqueue(NUDGE_JOB, {}, { runAt: nextNudgeRunAt(Date.now(), ctx.config.digestHourUtc) });
}

/**
 * Sends the nudges of every network: the re-engagement nudge to drifting members (at most once per
 * 30 days per person, across networks); "what you missed" to members who did not open the app in
 * the past week while something happened in the network (once a week per network); "help wanted"
 * to suggested helpers of requests still waiting for one, and "events coming up" to members who
 * have not answered the week's events (each at most once a week per network). All are
 * notifications that wait for the daily digest, so they share one mail with whatever else the
 * person gets that day; a person who turned a kind off still sees it in the app but gets no mail.
 * Each nudge is logged for staff with what it said. Returns how many were sent.
 */
export async function runNudges(ctx: AppContext, now = Date.now()): Promise<number> {
  let sent = 0;
  for (const network of await listNetworkIds(ctx.database.db)) {
    // Someone just welcomed back is asked for nothing else on the same day.
    const reengaged = await reengage(ctx, network.id, now);
    sent += reengaged.size + (await tellWhatWasMissed(ctx, network.id, now, reengaged));
    sent += await askForHelpers(ctx, network.id, now, reengaged);
    sent += await tellOfEvents(ctx, network.id, now, reengaged);
  }
  return sent;
}

/** The re-engagement nudges of one network; returns who got one. */
async function reengage(ctx: AppContext, networkId: string, now: number): Promise<Set<string>> {
  const db = ctx.database.db;
  const lastActive = await lastActiveInNetwork(db, networkId);
  const drifting = [...lastActive].filter(([, at]) => isDrifting(at, now));
  const nudged = new Set<string>();
  if (drifting.length === 0) return nudged;
  const unanswered = await countUnansweredHelp(db, networkId);
  for (const [userId, at] of drifting) {
    if (!mayNudgeAgain(await lastNudgeAt(db, userId, 'reengagement'), now)) continue;
    const since = await countSince(db, networkId, at);
    const details = { lastActiveAt: at, ...since, suggestion: suggestionOf(unanswered) };
    await logAndNotify(ctx, networkId, userId, 'reengagement', details, now);
    nudged.add(userId);
  }
  return nudged;
}

/** "What you missed" in one network for members away from the app all week (not those just nudged). */
async function tellWhatWasMissed(
  ctx: AppContext,
  networkId: string,
  now: number,
  skip: ReadonlySet<string>,
): Promise<number> {
  const db = ctx.database.db;
  const since = await countSince(db, networkId, isoNow(now - MISSED_EVERY_DAYS * DAY));
  if (since.topics + since.helpRequests + since.events === 0) return 0;
  let sent = 0;
  for (const [userId, lastSeenAt] of await listLastSeen(db, networkId)) {
    if (skip.has(userId) || !missedTheWeek(lastSeenAt, now)) continue;
    const last = await lastNudgeAt(db, userId, 'missed', networkId);
    if (!mayNudgeAgain(last, now, MISSED_EVERY_DAYS)) continue;
    await logAndNotify(ctx, networkId, userId, 'missed', { ...since }, now);
    sent++;
  }
  return sent;
}
