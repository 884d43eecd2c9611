import type {
  NameDeputyBody,
  ProgressionSuggestion,
  Succession,
} from '../../../common/contracts/progression.ts';
import type { ProgressionDecision, ProgressionStep } from '../../../common/progression.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { changeMember } from '../members/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import {
  findDeputy,
  listDecisions,
  listMemberStats,
  saveDecision,
  saveDeputy,
} from './progression.repository.ts';
import { type MemberStats, rankSuccessors, suggestionFor } from './ranking.ts';

/** How many successors the succession view lists. */
const SUCCESSORS_SHOWN = 10;

const personOf = (s: MemberStats) => ({
  userId: s.userId,
  displayName: s.displayName,
  role: s.role,
  level: s.level,
  joinedAt: s.joinedAt,
});

/** The open progression suggestions of a network (those not decided yet), strongest first. */
export async function listSuggestions(
  ctx: AppContext,
  network: NetworkRow,
  now = Date.now(),
): Promise<ProgressionSuggestion[]> {
  const db = ctx.database.db;
  const [stats, decisions] = await Promise.all([
    listMemberStats(db, network.id),
    listDecisions(db, network.id),
  ]);
  const decided = new Set(decisions.map((d) => `${d.userId}:${d.step}`));
  const suggestions: ProgressionSuggestion[] = [];
  for (const s of stats) {
    const suggestion = suggestionFor(s, now);
    if (!suggestion || decided.has(`${s.userId}:${suggestion.step}`)) continue;
    suggestions.push({ ...personOf(s), ...suggestion });
  }
  return suggestions.sort(
    (a, b) => b.reasons.length - a.reasons.length || a.displayName.localeCompare(b.displayName),
  );
}

/**
 * Confirms or dismisses one member's suggested step. A confirmed "experienced" raises the member's
 * level through the members service (audited there); a confirmed candidate is remembered and ranks
 * them first among successors. Either way the member is told kindly; a dismissal is only remembered.
 */
export async function decideSuggestion(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  userId: string,
  step: ProgressionStep,
  decision: ProgressionDecision,
  now = Date.now(),
): Promise<void> {
  const stats = (await listMemberStats(ctx.database.db, network.id)).find((s) => s.userId === userId);
  if (!stats) throw new AppError('NOT_FOUND', 404);
  const suggestion = suggestionFor(stats, now);
  if (!suggestion || suggestion.step !== step) throw new AppError('PROGRESSION_NOT_SUGGESTED', 409);
  if (decision === 'confirmed' && step === 'experienced') {
    await changeMember(ctx, network, actorId, userId, { level: 'experienced' });
  }
  await saveDecision(ctx.database.db, {
    networkId: network.id,
    userId,
    step,
    decision,
    decidedBy: actorId,
    decidedAt: isoNow(now),
  });
  if (decision === 'confirmed') {
    await notify(ctx, {
      userId,
      kind: step === 'experienced' ? 'progression_experienced' : 'progression_candidate',
      networkId: network.id,
      actorId,
    });
  }
}

/** Who could succeed or deputise for the meta-mentor, ranked with reasons, and the named deputy. */
export async function getSuccession(
  ctx: AppContext,
  network: NetworkRow,
  viewerId: string | null,
  now = Date.now(),
): Promise<Succession> {
  const db = ctx.database.db;
  const [stats, decisions, deputy] = await Promise.all([
    listMemberStats(db, network.id),
    listDecisions(db, network.id),
    findDeputy(db, network.id),
  ]);
  const metaMentors = stats.filter((s) => s.role === 'meta_mentor');
  const confirmedCandidates = new Set(
    decisions
      .filter((d) => d.step === 'meta_mentor_candidate' && d.decision === 'confirmed')
      .map((d) => d.userId),
  );
  // With one meta-mentor it is their succession; with several, the viewer's own (if they are one).
  const succeeded = metaMentors.length === 1 ? metaMentors[0]?.userId : (viewerId ?? undefined);
  const ranked = rankSuccessors(stats, now, { excludeUserId: succeeded, confirmedCandidates });
  return {
    metaMentorCount: metaMentors.length,
    deputy: deputy ?? null,
    candidates: ranked.slice(0, SUCCESSORS_SHOWN).map((r) => ({
      ...personOf(r.stats),
      score: r.score,
      reasons: r.reasons,
      isDeputy: deputy?.userId === r.stats.userId,
    })),
  };
}

/** Names the network's deputy (one action; replaces any earlier one): an active member, not oneself. */
export async function nameDeputy(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  body: NameDeputyBody,
): Promise<void> {
  const stats = await listMemberStats(ctx.database.db, network.id);
  if (!stats.some((s) => s.userId === body.userId)) throw new AppError('NOT_A_MEMBER', 422);
  if (body.userId === actorId) throw new AppError('DEPUTY_SELF', 422);
  await withTransaction(ctx, async (tx) => {
    await saveDeputy(tx.database.db, {
      networkId: network.id,
      userId: body.userId,
      namedBy: actorId,
      namedAt: isoNow(),
    });
    await recordAudit(tx, {
      networkId: network.id,
      actorId,
      subjectUserId: body.userId,
      action: 'deputy.named',
    });
  });
}

/**
 * The network's named deputy who is still an active member, or null (for the health dashboard's
 * "one meta-mentor and no deputy" warning and for showing the deputy to staff).
 */
export async function deputyOf(
  ctx: AppContext,
  networkId: string,
): Promise<{ userId: string; displayName: string; namedAt: string } | null> {
  return (await findDeputy(ctx.database.db, networkId)) ?? null;
}

/** Whether the network has a named deputy who is still an active member. */
export async function hasDeputy(ctx: AppContext, networkId: string): Promise<boolean> {
  return (await deputyOf(ctx, networkId)) !== null;
}
