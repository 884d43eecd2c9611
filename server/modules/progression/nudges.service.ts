import type { NudgeLog } from '../../../common/contracts/progression.ts';
import {
  DRIFT_SILENT_DAYS,
  DRIFT_WINDOW_DAYS,
  REENGAGEMENT_EVERY_DAYS,
} from '../../../common/progression.ts';
import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import {
  countSince,
  countUnansweredHelp,
  hasJob,
  insertNudge,
  lastActiveInNetwork,
  lastNudgeAt,
  listNetworkIds,
  listNudges,
} from './progression.repository.ts';

/** The daily job that sends the nudges; each run schedules the next. */
export const NUDGE_JOB = 'progression.nudges';
const NUDGE_LOG_SHOWN = 200;

/** Drifting: last active in the 60 days before the last 30, not since. */
export function isDrifting(lastActiveAt: string | null | undefined, now: number): boolean {
  if (!lastActiveAt) return false;
  const silentFor = now - Date.parse(lastActiveAt);
  return silentFor >= DRIFT_SILENT_DAYS * DAY && silentFor < (DRIFT_SILENT_DAYS + DRIFT_WINDOW_DAYS) * DAY;
}

/** Whether a person last nudged then may be nudged again now (at most once per 30 days). */
export function mayNudgeAgain(lastNudge: string | null, now: number): boolean {
  return lastNudge === null || now - Date.parse(lastNudge) >= REENGAGEMENT_EVERY_DAYS * DAY;
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
 * Sends the re-engagement nudge to every drifting member of every network, at most once per 30
 * days per person (across networks), as a notification that waits for the daily digest, so that
 * it shares one mail with whatever else the person gets that day; a person who turned the kind
 * off still sees it in the app but gets no mail. Each nudge is logged for staff with what it said.
 * Returns how many were sent.
 */
export async function runNudges(ctx: AppContext, now = Date.now()): Promise<number> {
  const db = ctx.database.db;
  let sent = 0;
  for (const network of await listNetworkIds(db)) {
    const lastActive = await lastActiveInNetwork(db, network.id);
    const drifting = [...lastActive].filter(([, at]) => isDrifting(at, now));
    if (drifting.length === 0) continue;
    const unanswered = await countUnansweredHelp(db, network.id);
    for (const [userId, at] of drifting) {
      if (!mayNudgeAgain(await lastNudgeAt(db, userId, 'reengagement'), now)) continue;
      const since = await countSince(db, network.id, at);
      await insertNudge(db, {
        id: newId(),
        networkId: network.id,
        userId,
        kind: 'reengagement',
        details: JSON.stringify({ lastActiveAt: at, ...since, suggestion: suggestionOf(unanswered) }),
        sentAt: isoNow(now),
      });
      await notify(ctx, { userId, kind: 'nudge_reengagement', networkId: network.id });
      sent++;
    }
  }
  return sent;
}

/** The nudges sent in a network, newest first, for its staff. */
export async function getNudgeLog(ctx: AppContext, network: NetworkRow): Promise<NudgeLog> {
  const rows = await listNudges(ctx.database.db, network.id, NUDGE_LOG_SHOWN);
  return {
    nudges: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      userId: r.userId,
      displayName: r.displayName,
      sentAt: new Date(Date.parse(String(r.sentAt))).toISOString(),
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
  };
}
