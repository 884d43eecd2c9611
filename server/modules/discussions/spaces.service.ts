import type {
  CreateSpaceBody,
  Space,
  SpaceList,
  UpdateSpaceBody,
} from '../../../common/contracts/discussions.ts';
import type { Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { translate } from '../../lib/i18n.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import {
  findSpace,
  hasSpaces,
  insertSpaces,
  listSpaces,
  nextSpacePosition,
  updateSpace,
} from './spaces.repository.ts';
import type { SpaceRow } from './discussions.table.ts';

/** The spaces every network starts with, and the catalogue keys of their names. */
export const DEFAULT_SPACES = {
  ideas: 'discussions.spaces.ideas',
  experiences: 'discussions.spaces.experiences',
  questions: 'discussions.spaces.questions',
} as const;

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

function spaceName(row: SpaceRow, locale: Locale): string {
  if (row.name) return row.name;
  const key = DEFAULT_SPACES[row.key as keyof typeof DEFAULT_SPACES];
  return key ? translate(locale, key) : (row.key ?? '');
}

function presentSpace(row: SpaceRow & { topicCount: number | null }, locale: Locale): Space {
  return {
    id: row.id,
    key: row.key,
    name: spaceName(row, locale),
    customName: row.name,
    position: row.position,
    archived: row.archivedAt !== null,
    topicCount: Number(row.topicCount ?? 0),
  };
}

/** A network's spaces, named in the reader's language. */
export async function getSpaces(ctx: AppContext, network: NetworkRow, locale: Locale): Promise<SpaceList> {
  const rows = await listSpaces(ctx.database.db, network.id);
  return { spaces: rows.map((r) => presentSpace(r, locale)) };
}

async function getSpace(
  ctx: AppContext,
  network: NetworkRow,
  spaceId: string,
  locale: Locale,
): Promise<Space> {
  const space = (await getSpaces(ctx, network, locale)).spaces.find((s) => s.id === spaceId);
  if (!space) throw notFound();
  return space;
}

/** A meta-mentor adds a space at the end. */
export async function addSpace(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  body: CreateSpaceBody,
  locale: Locale,
): Promise<Space> {
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
  return getSpace(ctx, network, id, locale);
}

/** A meta-mentor renames or (un)archives a space; a default space renamed to null gets its translated name back. */
export async function changeSpace(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  spaceId: string,
  body: UpdateSpaceBody,
  locale: Locale,
): Promise<Space> {
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
  return getSpace(ctx, network, space.id, locale);
}
