import type { HealthDailyRow } from './network-health.table.ts';
import { addDays } from './rollup.service.ts';

/** Lets the dashboard's clock run a little ahead of the one that dated a row (another process or host). */
const CLOCK_SKEW_MS = 60_000;

/**
 * The part of today the dashboard reads live: from where today's roll-up stopped counting (or from
 * midnight before the first roll-up of the day) up to now. Rows dated later than now (imported or
 * generated data) are not today's activity yet; the roll-up of the day counts them once it has passed.
 */
export function liveSpanOf(
  todayRow: HealthDailyRow | undefined,
  day: string,
  now: number,
): { day: string; since: string; until: string; rolled: HealthDailyRow | undefined } {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  const until = Math.min(now + CLOCK_SKEW_MS, start + 86_400_000);
  // A row without its cut (rolled up before rows had one) counts nothing the live part can add to.
  const rolled = todayRow?.day === day && todayRow.countedUntil !== null ? todayRow : undefined;
  const since = rolled?.countedUntil ? Date.parse(rolled.countedUntil) : start;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { day, since: iso(Math.min(since, until)), until: iso(until), rolled };
}

/**
 * Who was active in the days up to today as rolled up (each member's last such day within the 30
 * days up to today), with the counts for today, 7 and 30 days worked out once: a request then only
 * looks up the members active since the roll-up.
 */
export interface RecentActive {
  lastDay: Map<string, string>;
  day: string;
  today: number;
  active7: number;
  active30: number;
}

/** The counts of `RecentActive` for the day `day` (the last day of the 30 read). */
export function recentActiveOf(lastDay: Map<string, string>, day: string): RecentActive {
  const first7 = addDays(day, -6);
  const first30 = addDays(day, -29);
  let today = 0;
  let active7 = 0;
  let active30 = 0;
  for (const last of lastDay.values()) {
    if (last === day) today += 1;
    if (last >= first7) active7 += 1;
    if (last >= first30) active30 += 1;
  }
  return { lastDay, day, today, active7, active30 };
}

/** Today's figures as they are now, read live over the part of today the roll-up has not counted. */
export type LiveFigures = Pick<
  HealthDailyRow,
  | 'members'
  | 'discussions'
  | 'replies'
  | 'helpOpened'
  | 'helpResolved'
  | 'messages'
  | 'newMembers'
  | 'leavers'
  | 'attendance'
  | 'eventsHeld'
> & { answerMinutes: number[]; activeSince: string[] };

/** Figures that add up over the day: the roll-up's count up to its cut plus the live part after it. */
const ADDED = [
  'discussions',
  'replies',
  'helpOpened',
  'helpResolved',
  'messages',
  'newMembers',
  'leavers',
] as const;

/**
 * The daily rows with today's row as it is now. Its counts are the roll-up's up to where it stopped
 * (`rolled`, none before the first roll-up of the day) plus the live part after; members now, the
 * attendance and events held of today's meetings are read whole; its active members (today, 7 and
 * 30 days) are those of the rolled-up days joined with who was active since. A post, message,
 * answer, RSVP or attendance shows in this week's figures at once; past days keep their roll-ups.
 */
export function withToday(
  rows: HealthDailyRow[],
  latest: HealthDailyRow | undefined,
  networkId: string,
  rolled: HealthDailyRow | undefined,
  recent: RecentActive,
  figures: LiveFigures,
): HealthDailyRow[] {
  const { answerMinutes, activeSince, ...counts } = figures;
  const day = recent.day;
  const first7 = addDays(day, -6);
  let { today, active7, active30 } = recent;
  // Each member active since the roll-up counts once more wherever the rolled-up days lack them.
  for (const userId of new Set(activeSince)) {
    const last = recent.lastDay.get(userId);
    if (last === undefined) active30 += 1;
    if (last === undefined || last < first7) active7 += 1;
    if (last !== day) today += 1;
  }
  const minutes = rolled
    ? [...(JSON.parse(rolled.answerMinutes) as number[]), ...answerMinutes]
    : answerMinutes;
  const added = Object.fromEntries(ADDED.map((k) => [k, (rolled?.[k] ?? 0) + counts[k]])) as Pick<
    HealthDailyRow,
    (typeof ADDED)[number]
  >;
  const live = {
    ...added,
    members: counts.members,
    attendance: counts.attendance,
    eventsHeld: counts.eventsHeld,
    activeMembers: today,
    active7,
    active30,
    helpAnswered: minutes.length,
    answerMinutes: JSON.stringify(minutes),
  };
  const last = rows.at(-1);
  if (last?.day === day) return [...rows.slice(0, -1), { ...last, ...live }];
  // Not rolled up yet today: standings as of the latest roll-up.
  const base = {
    networkId,
    day,
    accepted: latest?.accepted ?? 0,
    drifting: latest?.drifting ?? 0,
    countedUntil: null,
  };
  return [...rows, { ...base, ...live }];
}
