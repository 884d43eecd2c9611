import type { SetTourBody, TourState } from '../../../common/contracts/tour.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { type NetworkAccess, requireUser } from '../networks/index.ts';
import * as repo from './tour.repository.ts';

/**
 * The first-run tour (F6): each member's own state in each network, kept on the server so that a
 * tour gone through or skipped on one device does not come back on another, and the welcome text
 * its first step shows, written by the network's meta-mentors.
 */

/** The caller's tour in the network and the welcome it opens with. */
export async function getTour(ctx: AppContext, access: NetworkAccess): Promise<TourState> {
  const user = requireUser(access);
  const db = ctx.database.db;
  const [status, welcomeText] = await Promise.all([
    repo.findTourStatus(db, access.network.id, user.id),
    repo.findWelcomeText(db, access.network.id),
  ]);
  return { status: status ?? 'new', welcomeText };
}

/** Records that the caller went through or skipped the tour (only ever their own). */
export async function setTour(ctx: AppContext, access: NetworkAccess, body: SetTourBody): Promise<TourState> {
  const user = requireUser(access);
  await repo.saveTourStatus(ctx.database.db, {
    networkId: access.network.id,
    userId: user.id,
    status: body.status,
    updatedAt: isoNow(),
  });
  return getTour(ctx, access);
}

export async function getWelcome(ctx: AppContext, access: NetworkAccess): Promise<string> {
  return repo.findWelcomeText(ctx.database.db, access.network.id);
}

/** The meta-mentors' welcome for the tour; '' removes it. Logged as an edit of the network. */
export async function setWelcome(
  ctx: AppContext,
  access: NetworkAccess,
  welcomeText: string,
): Promise<string> {
  const actor = requireUser(access);
  await withTransaction(ctx, async (tx) => {
    await repo.saveWelcomeText(tx.database.db, access.network.id, welcomeText, isoNow());
    await recordAudit(tx, {
      networkId: access.network.id,
      actorId: actor.id,
      action: 'network.edited',
      details: { fields: ['welcomeText'] },
    });
  });
  return welcomeText;
}
