import { DRIFT_SILENT_DAYS, DRIFT_WINDOW_DAYS } from '../../../common/network-health.ts';
import type { AppContext } from '../../context.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type { HealthDailyTable } from './network-health.table.ts';
import * as repo from './rollup.repository.ts';

/** The job that keeps the daily roll-ups of network health; each run schedules the next. */
export const ROLLUP_JOB = 'health.rollup';
/** How often the roll-up of today (and yesterday) is brought up to date. */
const ROLLUP_EVERY_MS = HOUR;
const FIRST_RUN_DELAY_MS = 5 * 60_000;
/** On the first run, how many past days are rolled up (the dashboard's longest useful history). */
export const BACKFILL_DAYS = 120;

/** The UTC day (YYYY-MM-DD) of an instant. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const daysAfter = new Map<string, string>();
/**
 * The day `n` days after a day. Remembered: a dashboard request walks its weeks day by day (a few
 * hundred calls, each parsing and printing a date, 6 % of the request's CPU), over the same days
 * as the request before it.
 */
export const addDays = (day: string, n: number): string => {
  const key = `${day}${n}`;
  let after = daysAfter.get(key);
  if (after === undefined) {
    after = dayOf(Date.parse(`${day}T00:00:00.000Z`) + n * DAY);
    if (daysAfter.size >= 4096) daysAfter.clear();
    daysAfter.set(key, after);
  }
  return after;
};

export async function startHealthJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.handle(ROLLUP_JOB, async (payload) => {
    const day = (payload as { day?: unknown } | null)?.day;
    if (typeof day === 'string') {
      await rollUpDay(ctx, day);
      return;
    }
    await rollUpDue(ctx);
    await scheduleRollup(ctx, ['pending']);
  });
  await scheduleRollup(ctx, ['pending', 'running']);
}

async function scheduleRollup(ctx: AppContext, statuses: JobStatus[]): Promise<void> {
  const waiting = await ctx.database.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', ROLLUP_JOB)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  if (waiting) return;
  // The first run comes a few minutes after start (it fills the history); later ones hourly.
  const rolled = await ctx.database.db.selectFrom('healthRollups').select('day').executeTakeFirst();
  const delay = rolled ? ROLLUP_EVERY_MS : FIRST_RUN_DELAY_MS;
  await ctx.jobs.enqueue(ROLLUP_JOB, {}, { runAt: isoNow(Date.now() + delay) });
}

/**
 * Rolls up the days that need it: every day of the last BACKFILL_DAYS not rolled up yet, and
 * always yesterday and today (their activity may still grow). Returns the days rolled up.
 */
export async function rollUpDue(ctx: AppContext, now = Date.now()): Promise<string[]> {
  const today = dayOf(now);
  const first = addDays(today, -BACKFILL_DAYS);
  const done = await repo.rolledDays(ctx.database.db, first, today);
  const due: string[] = [];
  for (let day = first; day <= today; day = addDays(day, 1)) {
    if (!done.has(day) || day >= addDays(today, -1)) due.push(day);
  }
  for (const day of due) await rollUpDay(ctx, day, now);
  return due;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export { median };

/**
 * Recomputes one day of every network from the activity of that day alone (indexed by time): who
 * was active, each member's last active day, and the day's figures. Safe to repeat.
 */
export async function rollUpDay(ctx: AppContext, day: string, now = Date.now()): Promise<void> {
  const db = ctx.database.db;
  // Today (or a day still to come) is counted up to now: the dashboard adds what comes after.
  const until = isoNow(now);
  const [, dayEnd] = repo.dayBounds(day);
  const active = await repo.activeOnDay(db, day, until);
  await repo.saveActiveDay(db, day, active);
  await repo.touchLastActive(db, day, active);
  const counts = await repo.countsOfDay(db, day, until);
  const active7 = await repo.countActiveBetween(db, addDays(day, -6), day);
  const active30 = await repo.countActiveBetween(db, addDays(day, -29), day);
  const standings = await repo.standingsNow(
    db,
    addDays(day, -(DRIFT_SILENT_DAYS + DRIFT_WINDOW_DAYS)),
    addDays(day, -DRIFT_SILENT_DAYS),
  );

  const activeToday = new Map<string, number>();
  for (const row of active) activeToday.set(row.networkId, (activeToday.get(row.networkId) ?? 0) + 1);
  const minutes = new Map<string, number[]>();
  for (const r of counts.answered) {
    if (!r.firstResponseAt) continue;
    const list = minutes.get(r.networkId) ?? [];
    list.push(Math.max(0, Math.round((Date.parse(r.firstResponseAt) - Date.parse(r.createdAt)) / 60_000)));
    minutes.set(r.networkId, list);
  }
  const held = new Map<string, Set<string>>();
  const attendance = new Map<string, number>();
  for (const a of counts.attended) {
    attendance.set(a.networkId, (attendance.get(a.networkId) ?? 0) + 1);
    if (a.recurrence === null) continue; // one-off events are counted by their start
    const set = held.get(a.networkId) ?? new Set<string>();
    set.add(`${a.eventId}/${a.occurrenceKey}`);
    held.set(a.networkId, set);
  }

  const rows: HealthDailyTable[] = (await repo.listNetworkIds(db)).map((networkId) => {
    const n = (m: Map<string, number>) => m.get(networkId) ?? 0;
    return {
      networkId,
      day,
      activeMembers: n(activeToday),
      active7: n(active7),
      active30: n(active30),
      members: n(counts.members),
      newMembers: n(counts.joined),
      leavers: n(counts.left),
      discussions: n(counts.topics),
      replies: n(counts.replies),
      messages: n(counts.messages),
      helpOpened: n(counts.opened),
      helpAnswered: minutes.get(networkId)?.length ?? 0,
      helpResolved: n(counts.resolved),
      answerMinutes: JSON.stringify(minutes.get(networkId) ?? []),
      eventsHeld: n(counts.oneOff) + (held.get(networkId)?.size ?? 0),
      attendance: n(attendance),
      accepted: standings.withAgreement.has(networkId) ? n(standings.accepted) : n(counts.members),
      drifting: n(standings.drifting),
      countedUntil: until < dayEnd ? until : null,
    };
  });
  await repo.saveDaily(db, day, rows);
  await repo.markRolled(db, day, isoNow(now));
}
