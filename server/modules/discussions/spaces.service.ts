import type { CreateSpaceBody, UpdateSpaceBody } from '../../../common/contracts/discussions.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { SpaceRow } from './discussions.table.ts';
import { DEFAULT_SPACES } from './spaces.presenter.ts';
import {
  findSpace,
  hasSpaces,
  insertSpaces,
  listSpaces,
  nextSpacePosition,
  type SpaceListRow,
  updateSpace,
} from './spaces.repository.ts';

/** Creates the default spaces of a new network (Ideas, Experiences, Questions). */
export async function createDefaultSpaces(
  ctx: AppContext,
  networkId: string,
  createdBy: string | null,
): Promise<void> {
  const now = isoNow();
  await insertSpaces(
    ctx.database.db,
    Object.keys(DEFAULT_SPACES).map((key, position) => ({
      id: newId(),
      networkId,
      key,
      name: null,
      position,
      archivedAt: null,
      createdBy,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

/** Creates the default spaces unless the network has spaces already (demo data, repairs). */
export async function ensureDefaultSpaces(ctx: AppContext, networkId: string): Promise<void> {
  if (!(await hasSpaces(ctx.database.db, networkId))) await createDefaultSpaces(ctx, networkId, null);
}

/** A network's spaces in order, with their topic counts. */
export function getSpaces(ctx: AppContext, network: NetworkRow): Promise<SpaceListRow[]> {
  return listSpaces(ctx.database.db, network.id);
}

async function getSpace(ctx: AppContext, network: NetworkRow, spaceId: string): Promise<SpaceListRow> {
  const space = (await getSpaces(ctx, network)).find((s) => s.id === spaceId);
  if (!space) throw notFound();
  return space;
}

/** A meta-mentor adds a space at the end. */
export async function addSpace(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  body: CreateSpaceBody,
): Promise<SpaceListRow> {
  const db = ctx.database.db;
  const now = isoNow();
  const id = newId();
  await insertSpaces(db, [
    {
      id,
      networkId: network.id,
      key: null,
      name: body.name,
      position: await nextSpacePosition(db, network.id),
      archivedAt: null,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  await recordAudit(ctx, {
    networkId: network.id,
    actorId,
    action: 'space.created',
    details: { spaceId: id, name: body.name },
  });
  return getSpace(ctx, network, id);
}

/** A meta-mentor renames or (un)archives a space; a default space renamed to null gets its translated name back. */
export async function changeSpace(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  spaceId: string,
  body: UpdateSpaceBody,
): Promise<SpaceListRow> {
  const db = ctx.database.db;
  const space = await findSpace(db, network.id, spaceId);
  if (!space) throw notFound();
  const changes: Partial<SpaceRow> = { updatedAt: isoNow() };
  // A custom space must keep a name; only default spaces can fall back to their translation.
  if (body.name !== undefined && (body.name !== null || space.key !== null)) changes.name = body.name;
  if (body.archived !== undefined) changes.archivedAt = body.archived ? (space.archivedAt ?? isoNow()) : null;
  await updateSpace(db, space.id, changes);
  await recordAudit(ctx, {
    networkId: network.id,
    actorId,
    action: 'space.changed',
    details: { spaceId, ...body },
  });
  return getSpace(ctx, network, space.id);
}
