import { EXCHANGE_MEETINGS_TARGET } from '../../../common/events.ts';
import type { AppContext } from '../../context.ts';
import { listAttendedOccurrences } from './events.repository.ts';

/** When a meeting step of the roadmap was reached: the day of the meeting and when it was recorded. */
export interface MeetingMilestone {
  doneOn: string;
  recordedAt: string;
}

/**
 * The roadmap steps that depend on meetings, from events with recorded attendance: the kick-off
 * is the first such meeting, the regular exchange the EXCHANGE_MEETINGS_TARGET-th one.
 */
export async function getMeetingMilestones(
  ctx: AppContext,
  networkId: string,
): Promise<{ kickoff: MeetingMilestone | null; exchange: MeetingMilestone | null }> {
  const meetings = await listAttendedOccurrences(ctx.database.db, networkId);
  const at = (i: number): MeetingMilestone | null => {
    const m = meetings[i];
    return m
      ? {
          doneOn: m.occurrenceKey.slice(0, 10),
          recordedAt: new Date(m.recordedAt as string | Date).toISOString(),
        }
      : null;
  };
  return { kickoff: at(0), exchange: at(EXCHANGE_MEETINGS_TARGET - 1) };
}
