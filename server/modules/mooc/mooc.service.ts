import type {
  BadgeList,
  BulkSendResult,
  CreateMoocSessionBody,
  Graduate,
  GraduateCounts,
  GraduateList,
  GraduateListQuery,
  ImportResult,
  ImportRow,
  MoocSession,
  MoocSessionList,
  UpdateMoocSessionBody,
} from '../../../common/contracts/mooc.ts';
import { GRADUATE_STATUSES } from '../../../common/contracts/mooc.ts';
import { isLocale, type Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { createInvitation } from '../invitations/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import { decodeCsvBytes, readGraduateCsv } from './graduate-csv.ts';
import {
  countGraduates,
  findMemberEmails,
  findNetworkMoocSession,
  findSessionGraduate,
  type GraduateListRow,
  insertGraduates,
  insertMoocSession,
  listNetworkBadges,
  listNetworkMoocSessions,
  listSessionEmails,
  listSessionGraduates,
  updateGraduate,
  updateMoocSession,
} from './mooc.repository.ts';
import type { MoocGraduateRow, MoocSessionRow } from './mooc.table.ts';

type SessionWithCreator = MoocSessionRow & { creatorName: string | null };

function emptyCounts(): GraduateCounts & { total: number } {
  return { ...(Object.fromEntries(GRADUATE_STATUSES.map((s) => [s, 0])) as GraduateCounts), total: 0 };
}

async function presentSessions(ctx: AppContext, rows: SessionWithCreator[]): Promise<MoocSession[]> {
  const counts = await countGraduates(
    ctx.database.db,
    rows.map((r) => r.id),
    isoNow(),
  );
  return rows.map((row) => {
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
  });
}

/** Loads a session of the network or answers 404. */
export async function loadMoocSession(
  ctx: AppContext,
  network: NetworkRow,
  sessionId: string,
): Promise<SessionWithCreator> {
  const row = await findNetworkMoocSession(ctx.database.db, network.id, sessionId);
  if (!row) throw notFound();
  return row;
}

/** Records a MOOC session that feeds the network. */
export async function createMoocSession(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  body: CreateMoocSessionBody,
): Promise<MoocSession> {
  const now = isoNow();
  const row: MoocSessionRow = {
    id: newId(),
    networkId: network.id,
    title: body.title,
    courseUrl: body.courseUrl ?? null,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  };
  await insertMoocSession(ctx.database.db, row);
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: actor.id,
    action: 'mooc.session_created',
    details: { sessionId: row.id, title: row.title },
  });
  const [session] = await presentSessions(ctx, [{ ...row, creatorName: actor.displayName }]);
  if (!session) throw new Error('session vanished');
  return session;
}

/** Edits a session; the dates must still be in order. */
export async function editMoocSession(
  ctx: AppContext,
  network: NetworkRow,
  session: SessionWithCreator,
  body: UpdateMoocSessionBody,
): Promise<MoocSession> {
  const startsOn = body.startsOn ?? session.startsOn;
  const endsOn = body.endsOn ?? session.endsOn;
  if (endsOn < startsOn) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['endsOn'], code: 'custom', message: 'Ends before it starts' },
    ]);
  }
  const row = await updateMoocSession(ctx.database.db, session.id, {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.courseUrl !== undefined && { courseUrl: body.courseUrl }),
    startsOn,
    endsOn,
    updatedAt: isoNow(),
  });
  if (!row) throw notFound();
  return getMoocSession(ctx, network, session.id);
}

/** One session with its graduate counts. */
export async function getMoocSession(ctx: AppContext, network: NetworkRow, id: string): Promise<MoocSession> {
  const [session] = await presentSessions(ctx, [await loadMoocSession(ctx, network, id)]);
  if (!session) throw notFound();
  return session;
}

/** The network's sessions, newest first, with graduate counts. */
export async function listMoocSessions(ctx: AppContext, network: NetworkRow): Promise<MoocSessionList> {
  return { sessions: await presentSessions(ctx, await listNetworkMoocSessions(ctx.database.db, network.id)) };
}

/** Reads the file and adds the problems only the database knows (imported before, member already). */
async function checkImport(ctx: AppContext, network: NetworkRow, session: MoocSessionRow, bytes: Buffer) {
  const csv = readGraduateCsv(decodeCsvBytes(bytes));
  const db = ctx.database.db;
  const addresses = csv.rows.filter((r) => r.problems.length === 0).map((r) => r.email);
  const [imported, members] = await Promise.all([
    listSessionEmails(db, session.id),
    findMemberEmails(db, network.id, addresses),
  ]);
  const rows: ImportRow[] = csv.rows.map((row) => {
    if (row.problems.length > 0) return row;
    if (imported.has(row.email)) return { ...row, problems: ['already_imported'] };
    if (members.has(row.email)) return { ...row, problems: ['already_member'] };
    return row;
  });
  const valid = rows.filter((r) => r.problems.length === 0).length;
  return { columns: csv.columns, rows, valid, invalid: rows.length - valid };
}

/** What importing the file would do, row by row; saves nothing. */
export function previewGraduateImport(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  bytes: Buffer,
): Promise<ImportResult> {
  return checkImport(ctx, network, session, bytes);
}

/**
 * Stores the file's valid rows as graduates with status `imported`. Idempotent on session and
 * address: the same file again stores nothing and reports every row as already imported.
 */
export async function importGraduates(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  actor: UserRow,
  bytes: Buffer,
): Promise<ImportResult> {
  const result = await checkImport(ctx, network, session, bytes);
  const now = isoNow();
  const valid = result.rows.filter((r) => r.problems.length === 0);
  // Ids made in one millisecond differ only in random bits: sorted, they keep the file's order.
  const ids = valid.map(() => newId()).sort();
  const rows: MoocGraduateRow[] = valid.map((r, index) => ({
    id: ids[index] as string,
    sessionId: session.id,
    networkId: network.id,
    name: r.name,
    email: r.email,
    completedOn: r.completedOn,
    language: r.language,
    status: 'imported',
    invitationId: null,
    invitedAt: null,
    remindedAt: null,
    joinedAt: null,
    bouncedAt: null,
    userId: null,
    importedBy: actor.id,
    createdAt: now,
    updatedAt: now,
  }));
  const imported = rows.length > 0 ? await insertGraduates(ctx.database.db, rows) : 0;
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: actor.id,
    action: 'mooc.graduates_imported',
    details: { sessionId: session.id, rows: result.rows.length, imported, invalid: result.invalid },
  });
  return { ...result, imported };
}

function graduateStatus(row: GraduateListRow, now: string): Graduate['status'] {
  if (row.status !== 'invited' && row.status !== 'reminded') return row.status;
  const open = row.invitationRevokedAt === null && (row.invitationExpiresAt ?? '') > now;
  return open ? row.status : 'expired';
}

function presentGraduate(row: GraduateListRow, now: string): Graduate {
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

/** A page of a session's graduates in import order, optionally of one status. */
export async function listGraduates(
  ctx: AppContext,
  session: MoocSessionRow,
  query: GraduateListQuery,
): Promise<GraduateList> {
  const [afterId] = decodeCursor(query.cursor, 1) ?? [];
  const now = isoNow();
  const rows = await listSessionGraduates(ctx.database.db, session.id, {
    status: query.status,
    now,
    afterId: afterId === undefined ? undefined : String(afterId),
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.id]);
  return { graduates: page.map((r) => presentGraduate(r, now)), nextCursor };
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
  graduates: MoocGraduateRow[],
  reminder: boolean,
): Promise<BulkSendResult> {
  let sent = 0;
  let skipped = 0;
  for (const [index, graduate] of graduates.entries()) {
    try {
      const { invitation } = await createInvitation(
        ctx,
        network,
        inviter,
        { kind: 'email', email: graduate.email, role: 'mentor', level: 'beginner' },
        { locale: graduateLocale(network, graduate.language), moocGraduateId: graduate.id, reminder },
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
  const result = await sendInvitations(ctx, network, inviter, targets, false);
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
  const result = await sendInvitations(ctx, network, inviter, invited, true);
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: inviter.id,
    action: 'mooc.reminders_sent',
    details: { sessionId: session.id, ...result },
  });
  return result;
}

/** Records that a graduate's invitation mail came back undelivered. */
export async function markGraduateBounced(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  actor: UserRow,
  graduateId: string,
): Promise<Graduate> {
  const db = ctx.database.db;
  const graduate = await findSessionGraduate(db, session.id, graduateId);
  if (!graduate) throw notFound();
  if (graduate.status === 'joined') throw new AppError('ALREADY_MEMBER', 409);
  const now = isoNow();
  await updateGraduate(db, graduate.id, { status: 'bounced', bouncedAt: now, updatedAt: now });
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: actor.id,
    action: 'mooc.graduate_bounced',
    details: { sessionId: session.id, graduateId, email: graduate.email },
  });
  const [row] = await listSessionGraduates(db, session.id, { now, id: graduateId });
  if (!row) throw notFound();
  return presentGraduate(row, now);
}

/** The network's member badges, or one member's. */
export async function listBadges(ctx: AppContext, network: NetworkRow, userId?: string): Promise<BadgeList> {
  const rows = await listNetworkBadges(ctx.database.db, network.id, userId);
  return {
    badges: rows.map((r) => ({
      userId: r.userId,
      kind: r.kind,
      session: { id: r.sessionId, title: r.title, endsOn: r.endsOn },
      createdAt: r.createdAt,
    })),
  };
}
