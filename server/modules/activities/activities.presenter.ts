import type { Activity } from '../../../common/contracts/activities.ts';
import type { ExpertiseArea } from '../../../common/expertise.ts';
import type { ActivityListRow } from './activities.table.ts';

/** An activity as its author sees it, with the note already opened. */
export function presentActivity(row: ActivityListRow, note: string): Activity {
  return {
    id: row.id,
    network: { slug: row.networkSlug, name: row.networkName },
    date: row.occurredOn,
    durationMinutes: row.durationMinutes,
    kind: row.kind,
    topics: JSON.parse(row.topics) as ExpertiseArea[],
    menteeCode: row.menteeCode,
    note,
    privacyConfirmed: row.privacyConfirmedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
