import type { HealthDailyRow } from './network-health.table.ts';
import { addDays } from './rollup.service.ts';

/** Today's figures as they are now, read live (the roll-up of today may be up to an hour old). */
export type TodayFigures = Pick<
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
> & { answerMinutes: number[]; activeToday: string[] };

/**
 * The daily rows with today's row as it is now: its counted figures read live, and its active
 * members (today, 7 and 30 days) from who was active today joined with the rolled-up days before,
 * which the process keeps. A post, message, answer, RSVP or attendance shows in this week's figures
 * at once; past days keep their roll-ups.
 */
export function withToday(
  rows: HealthDailyRow[],
  latest: HealthDailyRow | undefined,
  networkId: string,
  day: string,
  recent: Map<string, string>,
  figures: TodayFigures,
): HealthDailyRow[] {
  const { answerMinutes, activeToday, ...counts } = figures;
  const activeSince = (first: string) => {
    const ids = new Set(activeToday);
    for (const [userId, last] of recent) if (last >= first) ids.add(userId);
    return ids.size;
  };
  const live = {
    ...counts,
    activeMembers: new Set(activeToday).size,
    active7: activeSince(addDays(day, -6)),
    active30: activeSince(addDays(day, -29)),
    helpAnswered: answerMinutes.length,
    answerMinutes: JSON.stringify(answerMinutes),
  };
  const last = rows.at(-1);
  if (last?.day === day) return [...rows.slice(0, -1), { ...last, ...live }];
  // Not rolled up yet today: standings as of the latest roll-up.
  const base = {
    networkId,
    day,
    accepted: latest?.accepted ?? 0,
    drifting: latest?.drifting ?? 0,
    helpResolved: 0,
  };
  return [...rows, { ...base, ...live }];
}
