import type { HealthSettings, HealthWarning } from '../../../common/contracts/network-health.ts';

/** What the warnings are worked out from: figures of now, read by the service. */
export interface WarningInput {
  slug: string;
  today: string;
  settings: HealthSettings;
  /** Active members (7 days) at the end of each of the last weeks, oldest first. */
  weeklyActive: number[];
  unanswered: number;
  hadRecentEvent: boolean;
  metaMentors: { id: string; displayName: string; lastActiveOn: string | null; joinedAt: string }[];
  /** A deputy is named (progression module): one meta-mentor then has a successor. */
  deputyNamed?: boolean;
  members: number;
  accepted: number | null;
  goals: { title: string; dueOn: string | null; reached: boolean }[];
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Whether each value is lower than the one before (and there was something to fall from). */
export function isFalling(values: number[]): boolean {
  if (values.length < 2 || (values[0] ?? 0) === 0) return false;
  return values.every((v, i) => i === 0 || v < (values[i - 1] ?? 0));
}

/** The early warnings of a network, each with what it names and where its suggested action is done. */
export function workOutWarnings(input: WarningInput): HealthWarning[] {
  const { slug, settings, today } = input;
  const base = `/networks/${slug}`;
  const warnings: HealthWarning[] = [];
  if (isFalling(input.weeklyActive)) {
    warnings.push({
      code: 'activity_falling',
      count: settings.fallingWeeks,
      actionPath: `${base}/discussions/new`,
    });
  }
  if (input.unanswered > 0) {
    warnings.push({ code: 'requests_unanswered', count: input.unanswered, actionPath: `${base}/support` });
  }
  if (!input.hadRecentEvent) {
    warnings.push({
      code: 'no_recent_event',
      count: settings.eventGapWeeks,
      actionPath: `${base}/events/new`,
    });
  }
  for (const meta of input.metaMentors) {
    const since = meta.lastActiveOn ?? meta.joinedAt.slice(0, 10);
    const silent = daysBetween(since, today);
    if (silent >= settings.metaInactiveDays) {
      warnings.push({
        code: 'meta_mentor_inactive',
        subject: meta.displayName,
        count: silent,
        actionPath: `${base}/members`,
      });
    }
  }
  if (input.metaMentors.length === 1 && !input.deputyNamed) {
    warnings.push({ code: 'single_meta_mentor', actionPath: `${base}/members` });
  }
  if (input.accepted !== null && input.members > 0) {
    const share = (100 * input.accepted) / input.members;
    if (share < settings.agreementPercent) {
      warnings.push({
        code: 'agreement_not_accepted',
        count: input.members - input.accepted,
        actionPath: `${base}/agreement/acceptances`,
      });
    }
  }
  for (const goal of input.goals) {
    if (goal.dueOn !== null && goal.dueOn < today && !goal.reached) {
      warnings.push({ code: 'goal_overdue', subject: goal.title, actionPath: `${base}/goals` });
    }
  }
  return warnings;
}
