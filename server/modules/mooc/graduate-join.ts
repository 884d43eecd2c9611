import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { findGraduate, insertBadge, updateGraduate } from './mooc.repository.ts';

/**
 * Called by the invitation accept flow (inside its transaction) when a MOOC graduate's
 * invitation is used: marks the graduate joined and gives the "MOOC graduate" badge naming the session.
 */
export async function markGraduateJoined(ctx: AppContext, graduateId: string, userId: string): Promise<void> {
  const db = ctx.database.db;
  const graduate = await findGraduate(db, graduateId);
  if (!graduate) return;
  const now = isoNow();
  await updateGraduate(db, graduate.id, { status: 'joined', joinedAt: now, userId, updatedAt: now });
  await insertBadge(db, {
    id: newId(),
    networkId: graduate.networkId,
    userId,
    kind: 'mooc_graduate',
    sessionId: graduate.sessionId,
    createdAt: now,
  });
  await recordAudit(ctx, {
    networkId: graduate.networkId,
    actorId: userId,
    subjectUserId: userId,
    action: 'mooc.graduate_joined',
    details: { sessionId: graduate.sessionId, graduateId: graduate.id },
  });
}
