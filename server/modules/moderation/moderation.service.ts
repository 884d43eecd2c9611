import type { z } from 'zod';
import type {
  CreateReportBody,
  DecideReportBody,
  ReportListQuery,
} from '../../../common/contracts/moderation.ts';
import { HIDEABLE_KINDS, type ReportStatus } from '../../../common/moderation.ts';
import { canInNetwork } from '../../../common/permissions.ts';
import { mayReviewReport } from '../../../common/policies/moderation.ts';
import { memberActor } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { SessionContext } from '../../platform/sessions/index.ts';
import {
  authorizeNetwork,
  findNetworkById,
  getStandingsOf,
  loadNetworkAccess,
  type NetworkAccess,
} from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import * as repo from './moderation.repository.ts';

/** Who acts: the signed-in user. */
type Moderator = Pick<SessionContext['user'], 'id' | 'isPlatformAdmin'>;

import type { ReportRow } from './moderation.table.ts';

const DAY_MS = 86_400_000;

/**
 * Files a report. Posts, topics and resources may be reported by the members of their network
 * (`content.report`, with the network's usual denials); a message only by someone in its
 * conversation; a profile by anyone signed in. One open report per reporter and item.
 */
export async function createReport(
  ctx: AppContext,
  auth: SessionContext | null,
  body: CreateReportBody,
): Promise<ReportRow> {
  const db = ctx.database.db;
  const item = await repo.findReportedItem(db, body.kind, body.id);
  if (!item) throw auth ? notFound() : unauthenticated();
  if (item.networkId) {
    const network = await findNetworkById(ctx, item.networkId);
    if (!network) throw notFound();
    authorizeNetwork(await loadNetworkAccess(ctx, auth, network.slug), 'content.report');
  }
  if (!auth) throw unauthenticated();
  const user = auth.user;
  if (item.conversationId && !(await repo.isParticipant(db, item.conversationId, user.id))) throw notFound();
  if (body.kind === 'profile' && body.id === user.id) throw forbidden();
  const row: ReportRow = {
    id: newId(),
    kind: body.kind,
    itemId: body.id,
    networkId: item.networkId,
    authorId: item.authorId,
    reporterId: user.id,
    reason: body.reason,
    text: body.text,
    status: 'open',
    decision: null,
    decidedBy: null,
    decidedAt: null,
    note: null,
    createdAt: isoNow(),
  };
  if (!(await repo.insertReport(db, row))) throw new AppError('REPORT_EXISTS', 409);
  return row;
}

/** The networks whose reports a user reviews: those where they are a meta-mentor who accepted the rules. */
async function reviewedNetworks(ctx: AppContext, userId: string): Promise<{ id: string; slug: string }[]> {
  const standings = await getStandingsOf(ctx, userId);
  return standings
    .filter((s) => canInNetwork(memberActor(s), 'moderation.review', s.visibility))
    .map((s) => ({ id: s.networkId, slug: s.slug }));
}

async function pageOf(
  ctx: AppContext,
  networkIds: readonly string[] | 'all',
  query: { status: ReportStatus; cursor?: string; limit: number },
) {
  const [beforeId] = decodeCursor(query.cursor, 1) ?? [];
  const rows = await repo.listReports(ctx.database.db, {
    status: query.status,
    networkIds,
    beforeId: beforeId === undefined ? undefined : String(beforeId),
    limit: query.limit + 1,
  });
  const page = paginate(rows, query.limit, (r) => [r.id]);
  return { ...page, items: await itemsOf(ctx, page.page) };
}

/** The reported items of a page as they are now (excerpt, hidden), read one by one (a page is small). */
async function itemsOf(ctx: AppContext, rows: ReportRow[]) {
  const items = new Map<string, repo.ReportedItem | undefined>();
  for (const r of rows) {
    const key = `${r.kind}:${r.itemId}`;
    if (!items.has(key)) items.set(key, await repo.findReportedItem(ctx.database.db, r.kind, r.itemId));
  }
  return items;
}

/**
 * The moderation queue: a platform admin sees every report (or one network's); anyone else the
 * reports of the networks they moderate as a meta-mentor, never messages or profiles. 403 for
 * those who moderate nowhere.
 */
export async function listReports(
  ctx: AppContext,
  auth: SessionContext,
  query: z.infer<typeof ReportListQuery>,
) {
  const user = auth.user;
  const admin = user.isPlatformAdmin === 1;
  const mine = admin ? [] : await reviewedNetworks(ctx, user.id);
  if (!admin && mine.length === 0) throw forbidden();
  if (query.network) {
    const access = await loadNetworkAccess(ctx, auth, query.network);
    authorizeNetwork(access, 'moderation.review');
    return pageOf(ctx, [access.network.id], query);
  }
  return pageOf(ctx, admin ? 'all' : mine.map((n) => n.id), query);
}

/** One network's queue (the route authorized `moderation.review` for it). */
export function listNetworkReports(
  ctx: AppContext,
  access: NetworkAccess,
  query: { status: ReportStatus; cursor?: string; limit: number },
) {
  return pageOf(ctx, [access.network.id], query);
}

/** A report the user may decide on; 404 for any other (its existence is not told). */
async function loadReviewable(ctx: AppContext, user: Moderator, id: string): Promise<ReportRow> {
  const report = await repo.findReport(ctx.database.db, id);
  if (!report) throw notFound();
  const networks = user.isPlatformAdmin === 1 ? [] : await reviewedNetworks(ctx, user.id);
  const reviewer = { platformAdmin: user.isPlatformAdmin === 1, networkIds: networks.map((n) => n.id) };
  if (!mayReviewReport(reviewer, report)) throw notFound();
  return report;
}

const AUDIT_ACTION = {
  hide: 'content.hidden',
  restore: 'content.restored',
  warn: 'member.warned',
  suspend: 'member.suspended',
  dismiss: 'report.dismissed',
} as const;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 400, [{ path: [path], code: 'invalid', message }]);

/**
 * A moderator's decision on a report, applied to every open report of the same item: hide or
 * restore the content, warn its author, suspend the author from the network for some days, or
 * dismiss. The author (warned, suspended) and the reporters are told; the act is audited.
 */
export async function decideReport(
  ctx: AppContext,
  user: Moderator,
  id: string,
  body: DecideReportBody,
): Promise<ReportRow> {
  const report = await loadReviewable(ctx, user, id);
  const { decision } = body;
  const hideable = (HIDEABLE_KINDS as readonly string[]).includes(report.kind);
  if ((decision === 'hide' || decision === 'restore') && !hideable)
    throw invalid('decision', 'only posts, topics and resources can be hidden');
  if ((decision === 'warn' || decision === 'suspend') && !report.authorId)
    throw invalid('decision', 'the author is gone');
  if (decision === 'suspend' && !report.networkId) throw invalid('decision', 'suspension is from a network');
  const now = isoNow();
  const until =
    decision === 'suspend' ? new Date(Date.now() + (body.days ?? 1) * DAY_MS).toISOString() : null;
  const reporters = await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    if (decision === 'hide' || decision === 'restore') {
      const kind = report.kind as 'post' | 'topic' | 'resource';
      await repo.setHidden(
        db,
        kind,
        report.itemId,
        decision === 'hide' ? now : null,
        decision === 'hide' ? user.id : null,
      );
    }
    if (decision === 'suspend' && report.networkId && report.authorId) {
      if (!(await repo.setSuspension(db, report.networkId, report.authorId, until)))
        throw new AppError('NOT_A_MEMBER', 409);
    }
    const told = await repo.decideReports(db, report, {
      status: decision === 'dismiss' ? 'dismissed' : 'resolved',
      decision,
      decidedBy: user.id,
      decidedAt: now,
      note: body.note || null,
    });
    await recordAudit(tx, {
      networkId: report.networkId,
      actorId: user.id,
      subjectUserId: report.authorId,
      action: AUDIT_ACTION[decision],
      details: {
        kind: report.kind,
        itemId: report.itemId,
        reportId: report.id,
        reason: report.reason,
        until,
      },
    });
    return told;
  });
  if ((decision === 'warn' || decision === 'suspend') && report.authorId) {
    await notify(ctx, {
      userId: report.authorId,
      kind: decision === 'warn' ? 'moderation_warning' : 'moderation_suspended',
      networkId: report.networkId,
      actorId: null,
    });
  }
  for (const reporter of reporters) {
    await notify(ctx, {
      userId: reporter,
      kind: decision === 'dismiss' ? 'report_dismissed' : 'report_actioned',
      networkId: report.networkId,
      actorId: null,
    });
  }
  return (await repo.findReport(ctx.database.db, report.id)) ?? report;
}

/** A report with its names and its item as the queue shows it. */
export async function getReportView(ctx: AppContext, id: string) {
  const row = await repo.findReportListRow(ctx.database.db, id);
  if (!row) throw notFound();
  return { row, item: await repo.findReportedItem(ctx.database.db, row.kind, row.itemId) };
}

/** Blocks someone: no direct messages between the two, their posts collapsed for the blocker. */
export async function blockUser(ctx: AppContext, userId: string, otherId: string): Promise<void> {
  if (otherId === userId) throw invalid('userId', 'you cannot block yourself');
  if (!(await repo.findReportedItem(ctx.database.db, 'profile', otherId))) throw notFound();
  await repo.insertBlock(ctx.database.db, userId, otherId, isoNow());
}

export async function unblockUser(ctx: AppContext, userId: string, otherId: string): Promise<void> {
  await repo.deleteBlock(ctx.database.db, userId, otherId);
}

export function listBlocks(ctx: AppContext, userId: string) {
  return repo.listBlocks(ctx.database.db, userId);
}

/** Whether either of two people blocked the other (direct messages between them stop). */
export function isBlockedBetween(ctx: AppContext, a: string, b: string): Promise<boolean> {
  return repo.isBlockedEitherWay(ctx.database.db, a, b);
}
