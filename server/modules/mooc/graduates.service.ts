import type { BulkSendResult, GraduateListQuery } from '../../../common/contracts/mooc.ts';
import { isLocale, type Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { createInvitation } from '../invitations/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import {
  findGraduate,
  findSessionGraduate,
  insertBadge,
  listNetworkBadges,
  listSessionGraduates,
  updateGraduate,
} from './mooc.repository.ts';
import type { GraduateListRow, MoocGraduateRow, MoocSessionRow } from './mooc.table.ts';

/** A page of a session's graduates in import order, optionally of one status, as of `now`. */
export async function listGraduates(
  ctx: AppContext,
  session: MoocSessionRow,
  query: GraduateListQuery,
): Promise<{ rows: GraduateListRow[]; now: string; nextCursor: string | null }> {
  const [afterId] = decodeCursor(query.cursor, 1) ?? [];
  const now = isoNow();
  const rows = await listSessionGraduates(ctx.database.db, session.id, {
    status: query.status,
    now,
    afterId: afterId === undefined ? undefined : String(afterId),
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.id]);
  return { rows: page, now, nextCursor };
}

/** The graduate's own language when the platform speaks it, else the network's first, else English. */
export function graduateLocale(network: NetworkRow, language: string | null): Locale {
  if (isLocale(language)) return language;
  const [first] = JSON.parse(network.languages) as string[];
  return isLocale(first) ? first : 'en';
}

/**
 * Sends one invitation per graduate through the invitations feature (beginner mentor, in the
 * graduate's language). Stops at the network's invitation rate limit and reports what is left.
 */
async function sendInvitations(
  ctx: AppContext,
  network: NetworkRow,
  inviter: UserRow,
  session: MoocSessionRow,
  graduates: MoocGraduateRow[],
  reminder: boolean,
): Promise<BulkSendResult> {
  let sent = 0;
  let skipped = 0;
  for (const [index, graduate] of graduates.entries()) {
    try {
      const { row: invitation } = await createInvitation(
        ctx,
        network,
        inviter,
        { kind: 'email', email: graduate.email, role: 'mentor', level: 'beginner' },
        {
          locale: graduateLocale(network, graduate.language),
          moocGraduateId: graduate.id,
          reminder,
          course: {
            graduateName: graduate.name,
            title: session.title,
            startsOn: session.startsOn,
            endsOn: session.endsOn,
          },
        },
      );
      const now = isoNow();
      await updateGraduate(ctx.database.db, graduate.id, {
        status: reminder ? 'reminded' : 'invited',
        invitationId: invitation.id,
        ...(reminder ? { remindedAt: now } : { invitedAt: now }),
        updatedAt: now,
      });
      sent += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === 'ALREADY_MEMBER') {
        skipped += 1;
        continue;
      }
      if (error instanceof AppError && error.code === 'RATE_LIMITED') {
        const details = error.details as { retryAfterSeconds?: number } | undefined;
        return {
          sent,
          skipped,
          remaining: graduates.length - index,
          retryAfterSeconds: details?.retryAfterSeconds ?? null,
        };
      }
      throw error;
    }
  }
  return { sent, skipped, remaining: 0, retryAfterSeconds: null };
}

/** Invites the session's imported graduates (or those of them listed). */
export async function inviteGraduates(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  inviter: UserRow,
  graduateIds?: string[],
): Promise<BulkSendResult> {
  const wanted = graduateIds ? new Set(graduateIds) : null;
  const rows = await listSessionGraduates(ctx.database.db, session.id, { status: 'imported', now: isoNow() });
  const targets = rows.filter((r) => !wanted || wanted.has(r.id));
  const result = await sendInvitations(ctx, network, inviter, session, targets, false);
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: inviter.id,
    action: 'mooc.invitations_sent',
    details: { sessionId: session.id, ...result },
  });
  return result;
}

/**
 * Reminds the invited graduates who have not joined, expired invitations included: each gets a
 * fresh invitation (the old link stops working) with the reminder wording.
 */
export async function remindGraduates(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  inviter: UserRow,
): Promise<BulkSendResult> {
  const db = ctx.database.db;
  const now = isoNow();
  const invited = (await listSessionGraduates(db, session.id, { now })).filter(
    (r) => r.status === 'invited' || r.status === 'reminded',
  );
  const result = await sendInvitations(ctx, network, inviter, session, invited, true);
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: inviter.id,
    action: 'mooc.reminders_sent',
    details: { sessionId: session.id, ...result },
  });
  return result;
}

/** Records that a graduate's invitation mail came back undelivered; the graduate as of now. */
export async function markGraduateBounced(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  actor: UserRow,
  graduateId: string,
): Promise<{ row: GraduateListRow; now: string }> {
  const now = isoNow();
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const graduate = await findSessionGraduate(db, session.id, graduateId);
    if (!graduate) throw notFound();
    if (graduate.status === 'joined') throw new AppError('ALREADY_MEMBER', 409);
    await updateGraduate(db, graduate.id, { status: 'bounced', bouncedAt: now, updatedAt: now });
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'mooc.graduate_bounced',
      details: { sessionId: session.id, graduateId, email: graduate.email },
    });
  });
  const [row] = await listSessionGraduates(ctx.database.db, session.id, { now, id: graduateId });
  if (!row) throw notFound();
  return { row, now };
}

/**
 * Called by the invitation accept flow (inside its transaction) when a MOOC graduate's
 * invitation is used: marks the graduate joined and gives the "MOOC graduate" badge naming the session.
 */
export async function markGraduateJoined(ctx: AppContext, graduateId: string, userId: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
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
    await recordAudit(tx, {
      networkId: graduate.networkId,
      actorId: userId,
      subjectUserId: userId,
      action: 'mooc.graduate_joined',
      details: { sessionId: graduate.sessionId, graduateId: graduate.id },
    });
  });
}

/** The network's member badges, or one member's. */
export function listBadges(ctx: AppContext, network: NetworkRow, userId?: string) {
  return listNetworkBadges(ctx.database.db, network.id, userId);
}
