import type { Activity } from '../../../common/contracts/activities.ts';
import type { ExpertiseArea } from '../../../common/expertise.ts';
import type { ActivityListRow } from './activities.table.ts';

/** An activity as its author sees it, with the note already opened (null: it could not be). */
export function presentActivity(row: ActivityListRow, note: string | null): Activity {
  return {
    id: row.id,
    network: { slug: row.networkSlug, name: row.networkName },
    date: row.occurredOn,
    durationMinutes: row.durationMinutes,
    kind: row.kind,
    topics: JSON.parse(row.topics) as ExpertiseArea[],
    menteeCode: row.menteeCode,
    note: note ?? '',
    noteUnreadable: note === null,
    privacyConfirmed: row.privacyConfirmedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
