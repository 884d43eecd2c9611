import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import { getStandings, type NetworkRow } from '../networks/index.ts';
import { suggestHelpersFor } from './help-requests.service.ts';
import * as repo from './help-requests.repository.ts';

/** How many waiting requests one run looks at per network (the oldest first). */
const WAITING_MAX = 20;

/**
 * The open requests of a network that still need a helper: no response and no offer for
 * `afterHours`, asked within `withinDays`. For each, its suggested helpers (best first) who were
 * not told about it yet and take part in the network — the people a nudge could ask. Returns
 * a map from each such person to the requests they could help with, oldest first.
 */
export async function listHelpersWanted(
  ctx: AppContext,
  network: NetworkRow,
  options: { now: number; afterHours: number; withinDays: number },
): Promise<Map<string, string[]>> {
  const db = ctx.database.db;
  const waiting = await repo.listWaitingRequests(db, network.id, {
    createdBefore: isoNow(options.now - options.afterHours * HOUR),
    createdAfter: isoNow(options.now - options.withinDays * DAY),
    limit: WAITING_MAX,
  });
  const wanted = new Map<string, string[]>();
  for (const { id, requesterId } of waiting) {
    const row = await repo.findRequest(db, network.id, id, requesterId ?? '');
    if (!row) continue;
    const [ranked, told] = await Promise.all([
      suggestHelpersFor(ctx, network, row),
      repo.listNotifiedIds(db, id),
    ]);
    for (const helper of ranked) {
      const userId = helper.candidate.userId;
      if (told.has(userId) || userId === requesterId) continue;
      wanted.set(userId, [...(wanted.get(userId) ?? []), id]);
    }
  }
  // Someone on leave or suspended since the ranking was made is not asked.
  const standings = await getStandings(ctx, [...wanted.keys()]);
  for (const userId of wanted.keys()) {
    if (!standings.get(userId)?.some((s) => s.networkId === network.id && takesPart(s)))
      wanted.delete(userId);
  }
  return wanted;
}
