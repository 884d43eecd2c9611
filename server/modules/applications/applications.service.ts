import type {
  ApplicationListQuery,
  CreateApplicationBody,
  DecideApplicationBody,
} from '../../../common/contracts/invitations.ts';
import { canInNetwork, NETWORK_ROLES } from '../../../common/permissions.ts';
import { memberActor } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { localeOf } from '../auth/index.ts';
import { admitMember } from '../members/index.ts';
import { getStandings, type NetworkRow, publishMembershipChanged } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import { findUserById, type UserRow } from '../users/index.ts';
import type { MyApplicationRow, NetworkApplicationRow } from './applications.presenter.ts';
import {
  closePendingApplication,
  findNetworkApplication,
  findUserApplication,
  insertApplication,
  listMemberIdsInRoles,
  listNetworkApplications,
  listUserApplications,
} from './applications.repository.ts';
import type { ApplicationRow } from './applications.table.ts';

const decided = () => new AppError('APPLICATION_DECIDED', 409);

/** An experienced mentor applies to a public network; one pending application per network. */
export async function createApplication(
  ctx: AppContext,
  network: NetworkRow,
  user: UserRow,
  body: CreateApplicationBody,
): Promise<MyApplicationRow> {
  const row: ApplicationRow = {
    id: newId(),
    networkId: network.id,
    userId: user.id,
    motivation: body.motivation,
    experience: body.experience,
    languages: JSON.stringify([...new Set(body.languages)]),
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    decisionMessage: null,
    createdAt: isoNow(),
  };
  await withTransaction(ctx, async (tx) => {
    if (!(await insertApplication(tx.database.db, row))) throw new AppError('APPLICATION_EXISTS', 409);
    await recordAudit(tx, {
      networkId: network.id,
      actorId: user.id,
      subjectUserId: user.id,
      action: 'application.created',
      details: { applicationId: row.id },
    });
  });
  await notifyDeciders(ctx, network, user.id);
  return { ...row, networkSlug: network.slug, networkName: network.name };
}

/**
 * Tells everyone who may decide on the application (the meta-mentors and office who take part):
 * in the app at once, by e-mail as each chose (the daily digest unless they changed it).
 */
async function notifyDeciders(ctx: AppContext, network: NetworkRow, applicantId: string): Promise<void> {
  try {
    const roles = NETWORK_ROLES.filter((role) =>
      canInNetwork(memberActor({ role, acceptedCurrent: true }), 'applications.decide', network.visibility),
    );
    const ids = await listMemberIdsInRoles(ctx.database.db, network.id, roles);
    const standings = await getStandings(ctx, ids);
    for (const userId of ids) {
      const standing = standings.get(userId)?.find((s) => s.networkId === network.id);
      if (!standing || !canInNetwork(memberActor(standing), 'applications.decide', network.visibility))
        continue;
      await notify(ctx, {
        userId,
        kind: 'application_received',
        networkId: network.id,
        actorId: applicantId,
      });
    }
  } catch (err) {
    // The application is saved; a failure to tell the staff must not turn into an error for the applicant.
    ctx.log.error({ err, networkId: network.id }, 'application notifications failed');
  }
}

/** A page of a network's applications in one status, for meta-mentors and office. */
export async function listApplications(
  ctx: AppContext,
  network: NetworkRow,
  query: ApplicationListQuery,
): Promise<{ rows: NetworkApplicationRow[]; nextCursor: string | null }> {
  const [beforeId] = decodeCursor(query.cursor, 1) ?? [];
  const rows = await listNetworkApplications(ctx.database.db, network.id, {
    status: query.status,
    beforeId: beforeId === undefined ? undefined : String(beforeId),
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.id]);
  return { rows: page, nextCursor };
}

/**
 * Approves (the applicant joins as an experienced mentor) or declines an application, then mails
 * the applicant in their language. Deciding and joining happen together or not at all; the new
 * member's sockets hear of it once both are committed.
 */
export async function decideApplication(
  ctx: AppContext,
  network: NetworkRow,
  decider: UserRow,
  id: string,
  body: DecideApplicationBody,
): Promise<void> {
  const db = ctx.database.db;
  const row = await findNetworkApplication(db, network.id, id);
  if (!row) throw notFound();
  if (row.status !== 'pending') throw decided();
  const applicant = await findUserById(ctx, row.userId);
  if (!applicant) throw notFound();
  const approve = body.decision === 'approve';
  const message = body.message ? body.message : null;
  await withTransaction(ctx, async (tx) => {
    const changes = {
      status: approve ? ('approved' as const) : ('declined' as const),
      decidedBy: decider.id,
      decidedAt: isoNow(),
      decisionMessage: message,
    };
    if (!(await closePendingApplication(tx.database.db, row.id, changes))) throw decided();
    if (approve) {
      await admitMember(tx, {
        network,
        userId: applicant.id,
        role: 'mentor',
        level: 'experienced',
        actorId: decider.id,
        via: 'application',
        details: { applicationId: row.id },
      });
    }
    await recordAudit(tx, {
      networkId: network.id,
      actorId: decider.id,
      subjectUserId: applicant.id,
      action: approve ? 'application.approved' : 'application.declined',
      details: { applicationId: row.id, message },
    });
  });
  if (approve) await publishMembershipChanged(ctx, network.id, applicant.id);
  const base = ctx.config.publicUrl;
  await ctx.mailer.send(applicant.email, localeOf(applicant), {
    name: approve ? 'application_approved' : 'application_declined',
    params: {
      name: applicant.displayName,
      network: network.name,
      decider: decider.displayName,
      message: message ?? '',
      url: approve ? `${base}/networks/${network.slug}` : `${base}/networks`,
    },
  });
}

/** The caller's own applications, newest first. */
export function listMyApplications(ctx: AppContext, user: UserRow): Promise<MyApplicationRow[]> {
  return listUserApplications(ctx.database.db, user.id);
}

/** Withdraws one of the caller's pending applications. */
export async function withdrawApplication(ctx: AppContext, user: UserRow, id: string): Promise<void> {
  const row = await findUserApplication(ctx.database.db, user.id, id);
  if (!row) throw notFound();
  await withTransaction(ctx, async (tx) => {
    const closed = await closePendingApplication(tx.database.db, row.id, {
      status: 'withdrawn',
      decidedBy: user.id,
      decidedAt: isoNow(),
      decisionMessage: null,
    });
    if (!closed) throw decided();
    await recordAudit(tx, {
      networkId: row.networkId,
      actorId: user.id,
      subjectUserId: user.id,
      action: 'application.withdrawn',
      details: { applicationId: row.id },
    });
  });
}
