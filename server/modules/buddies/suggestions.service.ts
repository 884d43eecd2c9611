import { BUDDY_SUGGESTIONS_MAX } from '../../../common/buddies.ts';
import type { BuddySuggestions } from '../../../common/contracts/buddies.ts';
import { BUDDY_MEMBERSHIP, canBePairedAsMentor, isInPairingOf } from '../../../common/policies/buddies.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { getStandings } from '../networks/index.ts';
import { getMatchFacts } from '../profiles/index.ts';
import { findUserById } from '../users/index.ts';
import { presentSuggestions } from './buddies.presenter.ts';
import { countActivePairsOf, findOpenPairOf, listMembersWith } from './buddies.repository.ts';
import { assertPairable, type BuddyActor } from './buddies.service.ts';
import { type Candidate, rankCandidates } from './ranking.ts';

/** How many of the best-ranked candidates get their standing checked at a time. */
const STANDING_BATCH = 3 * BUDDY_SUGGESTIONS_MAX;

/**
 * Experienced mentors for a beginner, best first, each with the reasons: shared languages, region
 * and expertise, whether they said they are open to being a buddy, and their current load (active
 * pairings; the load spreads). Members on leave are left out, and so is the buddy already named
 * in the beginner's open pairing. The caller manages buddy pairing (`buddies.manage`).
 */
export async function suggestBuddies(
  ctx: AppContext,
  actor: BuddyActor,
  beginnerId: string,
): Promise<BuddySuggestions> {
  const { network } = actor;
  const beginner = await findUserById(ctx, beginnerId);
  const standing = beginner && (await getStandings(ctx, [beginner.id])).get(beginner.id);
  if (!beginner || !standing?.some((s) => s.networkId === network.id)) throw notFound();
  await assertPairable(ctx, network.id, beginner.id, null);

  const db = ctx.database.db;
  const open = await findOpenPairOf(db, network.id, beginner.id);
  // Members on leave are not suggested.
  const today = isoNow().slice(0, 10);
  const members = (await listMembersWith(db, network.id, BUDDY_MEMBERSHIP, today)).filter(
    (m) => !isInPairingOf(m.userId, beginner.id, open),
  );
  const ids = members.map((m) => m.userId);
  const [facts, load] = await Promise.all([
    getMatchFacts(ctx, [beginner.id, ...ids]),
    countActivePairsOf(db, ids),
  ]);
  const mine = facts.get(beginner.id);
  if (!mine) throw new AppError('INTERNAL', 500);
  const candidates: Candidate[] = members.map((m) => {
    const f = facts.get(m.userId);
    return {
      userId: m.userId,
      displayName: m.displayName,
      languages: f?.languages ?? [],
      region: f?.region ?? '',
      expertise: f?.expertise ?? [],
      openToBuddy: f?.openToBuddy ?? false,
      activePairs: load.get(m.userId) ?? 0,
    };
  });
  const ranked = rankCandidates(mine, candidates);

  // Only those who took part (accepted the current agreement) can be paired: checked for the best
  // ones, batch by batch, until there are enough.
  const chosen: typeof ranked = [];
  for (let i = 0; i < ranked.length && chosen.length < BUDDY_SUGGESTIONS_MAX; i += STANDING_BATCH) {
    const batch = ranked.slice(i, i + STANDING_BATCH);
    const standings = await getStandings(
      ctx,
      batch.map((r) => r.candidate.userId),
    );
    for (const r of batch) {
      const here = standings.get(r.candidate.userId)?.find((s) => s.networkId === network.id);
      if (canBePairedAsMentor(here) && chosen.length < BUDDY_SUGGESTIONS_MAX) chosen.push(r);
    }
  }
  return presentSuggestions(beginner, mine, chosen, (id) => facts.get(id));
}
