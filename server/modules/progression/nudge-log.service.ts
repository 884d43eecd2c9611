import type { NudgeLog } from '../../../common/contracts/progression.ts';
import type { NotificationKindCode } from '../../../common/notifications.ts';
import type { NudgeKind } from '../../../common/progression.ts';
import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import { insertNudge, listNudges } from './progression.repository.ts';

const NUDGE_LOG_SHOWN = 200;

/** The notification each nudge is (each has its own e-mail setting). */
const NOTIFICATION_OF = {
  reengagement: 'nudge_reengagement',
  missed: 'nudge_missed',
  help_wanted: 'nudge_help_wanted',
  upcoming_events: 'nudge_upcoming_events',
} as const satisfies Record<NudgeKind, NotificationKindCode>;

/**
 * Logs a nudge for staff with what it said, then tells the person: a notification of the nudge's
 * own kind (each has its e-mail setting), which waits for the daily digest.
 */
export async function logAndNotify(
  ctx: AppContext,
  networkId: string,
  userId: string,
  kind: NudgeKind,
  details: Record<string, unknown>,
  now: number,
  about: { eventId?: string } = {},
): Promise<void> {
  await insertNudge(ctx.database.db, {
    id: newId(),
    networkId,
    userId,
    kind,
    details: JSON.stringify(details),
    sentAt: isoNow(now),
  });
  await notify(ctx, { userId, kind: NOTIFICATION_OF[kind], networkId, eventId: about.eventId ?? null });
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
