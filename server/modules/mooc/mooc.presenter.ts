import {
  type BadgeList,
  GRADUATE_STATUSES,
  type Graduate,
  type GraduateCounts,
  type GraduateList,
  type MoocSession,
} from '../../../common/contracts/mooc.ts';
import type { GraduateListRow, MoocSessionRow } from './mooc.table.ts';

/** A session with its creator's name, as the service reads it. */
export type SessionWithCreator = MoocSessionRow & { creatorName: string | null };

/** How many graduates of a session are in one status (lapsed invitations count as `expired`). */
export interface GraduateCount {
  sessionId: string;
  status: string;
  count: number;
}

function emptyCounts(): GraduateCounts & { total: number } {
  return { ...(Object.fromEntries(GRADUATE_STATUSES.map((s) => [s, 0])) as GraduateCounts), total: 0 };
}

/** A session with its graduates counted per status (counts of other sessions are ignored). */
export function presentSession(row: SessionWithCreator, counts: readonly GraduateCount[]): MoocSession {
  const graduates = emptyCounts();
  for (const c of counts) {
    if (c.sessionId !== row.id) continue;
    graduates[c.status as keyof GraduateCounts] += Number(c.count);
    graduates.total += Number(c.count);
  }
  return {
    id: row.id,
    title: row.title,
    courseUrl: row.courseUrl,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdBy: row.createdBy ? { id: row.createdBy, displayName: row.creatorName ?? '' } : null,
    createdAt: row.createdAt,
    graduates,
  };
}

/** Sessions with their graduate counts. */
export function presentSessions(page: { rows: SessionWithCreator[]; counts: readonly GraduateCount[] }) {
  return { sessions: page.rows.map((row) => presentSession(row, page.counts)) };
}

/** An invited or reminded graduate whose invitation lapsed without them joining shows as `expired`. */
function graduateStatus(row: GraduateListRow, now: string): Graduate['status'] {
  if (row.status !== 'invited' && row.status !== 'reminded') return row.status;
  const open = row.invitationRevokedAt === null && (row.invitationExpiresAt ?? '') > now;
  return open ? row.status : 'expired';
}

/** A graduate as of `now` (whether their invitation still holds). */
export function presentGraduate(row: GraduateListRow, now: string): Graduate {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    completedOn: row.completedOn,
    language: row.language,
    status: graduateStatus(row, now),
    invitedAt: row.invitedAt,
    remindedAt: row.remindedAt,
    joinedAt: row.joinedAt,
    user: row.userId ? { id: row.userId, displayName: row.userName ?? '' } : null,
    createdAt: row.createdAt,
  };
}

/** A page of graduates as of `now`. */
export function presentGraduateList(page: {
  rows: GraduateListRow[];
  now: string;
  nextCursor: string | null;
}): GraduateList {
  return { graduates: page.rows.map((r) => presentGraduate(r, page.now)), nextCursor: page.nextCursor };
}

/** Member badges with the session each names. */
export function presentBadges(
  rows: {
    userId: string;
    kind: 'mooc_graduate';
    sessionId: string;
    title: string;
    endsOn: string;
    createdAt: string;
  }[],
): BadgeList {
  return {
    badges: rows.map((r) => ({
      userId: r.userId,
      kind: r.kind,
      session: { id: r.sessionId, title: r.title, endsOn: r.endsOn },
      createdAt: r.createdAt,
    })),
  };
}
