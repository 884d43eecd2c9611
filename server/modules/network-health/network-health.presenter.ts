import type { HealthGoal, HealthWeek } from '../../../common/contracts/network-health.ts';
import type { HealthDailyRow } from './network-health.table.ts';
import { addDays, median } from './rollup.service.ts';

/** A goal with its progress (0–100 when it has a start and a target) and whether it is reached or overdue. */
export function presentGoal(
  goal: {
    id: string;
    title: string;
    unit: string | null;
    startValue: number | null;
    targetValue: number | null;
    latestValue: number | null;
    dueOn: string | null;
  },
  today: string,
): HealthGoal & { reached: boolean } {
  const { startValue: start, targetValue: target, latestValue: latest } = goal;
  let percent: number | null = null;
  let reached = false;
  if (start !== null && target !== null && target !== start) {
    const value = latest ?? start;
    percent = Math.round(Math.min(100, Math.max(0, (100 * (value - start)) / (target - start))));
    reached = percent >= 100;
  }
  return {
    id: goal.id,
    title: goal.title,
    unit: goal.unit,
    startValue: start,
    targetValue: target,
    latestValue: latest,
    percent,
    dueOn: goal.dueOn,
    overdue: goal.dueOn !== null && goal.dueOn < today && !reached,
    reached,
  };
}

/**
 * The daily roll-ups of [from, to] as weeks from Monday (the last may end early at `to`): sums of
 * the counted figures, the median time to a first answer over the week's answers, and the distinct
 * active members (7 and 30 days) and members as of the week's last day. Days not rolled up count as
 * nothing happened.
 */
const parsedMinutes = new WeakMap<HealthDailyRow, number[]>();
/**
 * A day's minutes to a first answer, parsed once per row: the rolled-up days are the same objects
 * from request to request while a process keeps them (network-health.service dailyPartOf).
 */
function answerMinutesOf(row: HealthDailyRow): number[] {
  let minutes = parsedMinutes.get(row);
  if (!minutes) {
    minutes = JSON.parse(row.answerMinutes) as number[];
    parsedMinutes.set(row, minutes);
  }
  return minutes;
}

export function presentWeeks(rows: HealthDailyRow[], from: string, to: string): HealthWeek[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const weeks: HealthWeek[] = [];
  for (let weekStart = from; weekStart <= to; weekStart = addDays(weekStart, 7)) {
    const sunday = addDays(weekStart, 6);
    const last = sunday < to ? sunday : to;
    const week: HealthWeek = {
      weekStart,
      active7: byDay.get(last)?.active7 ?? 0,
      active30: byDay.get(last)?.active30 ?? 0,
      members: byDay.get(last)?.members ?? 0,
      newMembers: 0,
      leavers: 0,
      discussions: 0,
      replies: 0,
      messages: 0,
      helpOpened: 0,
      helpAnswered: 0,
      helpResolved: 0,
      medianFirstAnswerMinutes: null,
      eventsHeld: 0,
      attendance: 0,
    };
    const minutes: number[] = [];
    for (let day = weekStart; day <= last; day = addDays(day, 1)) {
      const row = byDay.get(day);
      if (!row) continue;
      week.newMembers += row.newMembers;
      week.leavers += row.leavers;
      week.discussions += row.discussions;
      week.replies += row.replies;
      week.messages += row.messages;
      week.helpOpened += row.helpOpened;
      week.helpAnswered += row.helpAnswered;
      week.helpResolved += row.helpResolved;
      week.eventsHeld += row.eventsHeld;
      week.attendance += row.attendance;
      for (const m of answerMinutesOf(row)) minutes.push(m);
    }
    week.medianFirstAnswerMinutes = median(minutes);
    weeks.push(week);
  }
  return weeks;
}
