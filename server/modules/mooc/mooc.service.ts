import type { CreateMoocSessionBody, UpdateMoocSessionBody } from '../../../common/contracts/mooc.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import type { GraduateCount, SessionWithCreator } from './mooc.presenter.ts';
import {
  countGraduates,
  findNetworkMoocSession,
  insertMoocSession,
  listNetworkMoocSessions,
  updateMoocSession,
} from './mooc.repository.ts';
import type { MoocSessionRow } from './mooc.table.ts';

/** A session with its graduates counted per status, for presentSession. */
export interface SessionWithCounts {
  row: SessionWithCreator;
  counts: GraduateCount[];
}

function countSessionGraduates(ctx: AppContext, sessionIds: string[]): Promise<GraduateCount[]> {
  return countGraduates(ctx.database.db, sessionIds, isoNow());
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
): Promise<SessionWithCounts> {
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
  await withTransaction(ctx, async (tx) => {
    await insertMoocSession(tx.database.db, row);
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'mooc.session_created',
      details: { sessionId: row.id, title: row.title },
    });
  });
  return {
    row: { ...row, creatorName: actor.displayName },
    counts: await countSessionGraduates(ctx, [row.id]),
  };
}

/** Edits a session; the dates must still be in order. */
export async function editMoocSession(
  ctx: AppContext,
  network: NetworkRow,
  session: MoocSessionRow,
  body: UpdateMoocSessionBody,
): Promise<SessionWithCounts> {
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

/** One session of the network with its graduate counts; 404 when there is none. */
export async function getMoocSession(
  ctx: AppContext,
  network: NetworkRow,
  id: string,
): Promise<SessionWithCounts> {
  const row = await loadMoocSession(ctx, network, id);
  return { row, counts: await countSessionGraduates(ctx, [row.id]) };
}

/** The network's sessions, newest first, with graduate counts. */
export async function listMoocSessions(
  ctx: AppContext,
  network: NetworkRow,
): Promise<{ rows: SessionWithCreator[]; counts: GraduateCount[] }> {
  const rows = await listNetworkMoocSessions(ctx.database.db, network.id);
  return {
    rows,
    counts: await countSessionGraduates(
      ctx,
      rows.map((r) => r.id),
    ),
  };
}
