import type {
  CreateResourceBody,
  ResourceConflict,
  ResourceListQuery,
  RevertResourceBody,
  UpdateResourceBody,
} from '../../../common/contracts/resources.ts';
import {
  canEditResources,
  canManageResources,
  isEditConflict,
  type ResourceViewer,
  resourceViewerOf,
} from '../../../common/policies/resources.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { authorOf } from '../../lib/people.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { createAttachmentStore, type ServeHeaders } from '../../platform/files/index.ts';
import { type NetworkAccess, type NetworkRow, requireUser } from '../networks/index.ts';
import { getSharingPartnerIds } from '../partnerships/index.ts';
import type { UserRow } from '../users/index.ts';
import {
  diffText,
  presentDiff,
  presentResource,
  presentRevisionDetail,
  presentSharedResource,
} from './resources.presenter.ts';
import * as repo from './resources.repository.ts';
import type { ResourceListRow, ResourcesTable } from './resources.table.ts';

/** Who acts on resources, in which network. */
export interface ResourceActor {
  network: NetworkRow;
  user: UserRow;
  viewer: ResourceViewer;
}

/** The caller of a network route as a resource actor (reads the network's editing setting). */
export async function resourceActorOf(ctx: AppContext, access: NetworkAccess): Promise<ResourceActor> {
  const user = requireUser(access);
  const staffOnly = await repo.isStaffOnly(ctx.database.db, access.network.id);
  return {
    network: access.network,
    user,
    viewer: resourceViewerOf(
      access.actor,
      access.network.visibility,
      { resourcesStaffOnly: staffOnly },
      user.id,
    ),
  };
}

/** Safe HTML of a page's Markdown (the renderer of discussion posts: no raw HTML, safe links). */
export const renderResourceBody = (source: string) => renderMarkdown(source);

async function loadResource(ctx: AppContext, actor: ResourceActor, id: string): Promise<ResourceListRow> {
  const row = await repo.findResource(ctx.database.db, actor.network.id, id);
  if (!row) throw notFound();
  return row;
}

function requireEditor(actor: ResourceActor) {
  if (!canEditResources(actor.viewer)) throw forbidden();
}
function requireManager(actor: ResourceActor) {
  if (!canManageResources(actor.viewer)) throw forbidden();
}

/** One resource as the caller sees it. */
export async function getResource(ctx: AppContext, actor: ResourceActor, id: string) {
  const own = await repo.findResource(ctx.database.db, actor.network.id, id);
  if (own) return presentResource(actor.network.slug, await loadResource(ctx, actor, id), actor.viewer);
  // Else only a resource an active partner shared, read-only.
  const partners = await getSharingPartnerIds(ctx, actor.network.id);
  const shared = await repo.findSharedResource(ctx.database.db, partners, id);
  if (!shared) throw notFound();
  return presentSharedResource(shared);
}

/** A page of the network's resources, latest change first, filtered as the query says. */
export async function listResources(ctx: AppContext, actor: ResourceActor, query: ResourceListQuery) {
  const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const sharedFrom = await getSharingPartnerIds(ctx, actor.network.id);
  const rows = await repo.listResources(
    ctx.database.db,
    actor.network.id,
    {
      kind: query.kind,
      tag: query.tag,
      language: query.language,
      expertise: query.expertise,
      text: query.text,
      before,
      limit: query.limit + 1,
    },
    sharedFrom,
  );
  return paginate(rows, query.limit, (r) => [r.updatedAt, r.id]);
}

/** The network's "start here" list for newcomers, in its order. */
export function listStartHere(ctx: AppContext, actor: ResourceActor) {
  return repo.listStartHere(ctx.database.db, actor.network.id);
}

/** Creates a page, link or file with its first revision; returns its id. */
export async function createResource(ctx: AppContext, actor: ResourceActor, body: CreateResourceBody) {
  requireEditor(actor);
  const { network, user } = actor;
  const db = ctx.database.db;
  if (body.kind === 'file') {
    const free = body.attachmentId && (await repo.findFreeUpload(db, network.id, user.id, body.attachmentId));
    if (!free) throw new AppError('ATTACHMENT_INVALID', 400);
  }
  const now = isoNow();
  const id = newId();
  const url = body.kind === 'link' ? (body.url ?? null) : null;
  await withTransaction(ctx, async (tx) => {
    await repo.insertResource(tx.database.db, {
      id,
      networkId: network.id,
      kind: body.kind,
      title: body.title,
      bodySource: body.body,
      bodyHtml: renderResourceBody(body.body),
      url,
      attachmentId: body.kind === 'file' ? (body.attachmentId ?? null) : null,
      tags: JSON.stringify(body.tags),
      language: body.language,
      expertise: JSON.stringify(body.expertise),
      region: body.region || null,
      revision: 1,
      startHere: null,
      shareWithPartners: body.shareWithPartners ? 1 : 0,
      createdBy: user.id,
      createdAt: now,
      updatedBy: user.id,
      updatedAt: now,
      hiddenAt: null,
      hiddenBy: null,
    });
    await repo.insertRevision(tx.database.db, {
      resourceId: id,
      revision: 1,
      networkId: network.id,
      authorId: user.id,
      title: body.title,
      bodySource: body.body,
      url,
      summary: body.summary,
      revertedFrom: null,
      createdAt: now,
    });
  });
  return id;
}

/** The 409 of a stale save: the newer revision's text and the caller's, and their difference. */
async function conflict(
  ctx: AppContext,
  row: ResourceListRow,
  base: number,
  yours: { title: string; body: string },
) {
  const current = await repo.findRevision(ctx.database.db, row.id, Number(row.revision));
  const details: ResourceConflict = {
    current: {
      revision: Number(row.revision),
      title: row.title,
      body: row.bodySource,
      author: authorOf(row.updatedBy, row.updatedByName, row.updatedByErasedAt),
      createdAt: current?.createdAt ?? row.updatedAt,
    },
    yours: { baseRevision: base, title: yours.title, body: yours.body },
    diff: presentDiff(
      diffText({ title: row.title, url: null, body: row.bodySource }),
      diffText({ title: yours.title, url: null, body: yours.body }),
    ),
  };
  return new AppError('RESOURCE_EDIT_CONFLICT', 409, details);
}

/** Saves a new revision of the resource; a stale base revision is a 409 with both texts. */
async function saveRevision(
  ctx: AppContext,
  actor: ResourceActor,
  row: ResourceListRow,
  base: number,
  next: { title: string; body: string; url: string | null; summary: string; revertedFrom: number | null },
  meta: Partial<Pick<ResourcesTable, 'tags' | 'language' | 'expertise' | 'region'>> = {},
) {
  if (isEditConflict(base, Number(row.revision))) throw await conflict(ctx, row, base, next);
  const now = isoNow();
  const revision = base + 1;
  const saved = await withTransaction(ctx, async (tx) => {
    const ok = await repo.updateResourceAt(tx.database.db, row.id, base, {
      ...meta,
      title: next.title,
      bodySource: next.body,
      bodyHtml: renderResourceBody(next.body),
      url: next.url,
      revision,
      updatedBy: actor.user.id,
      updatedAt: now,
    });
    if (!ok) return false;
    await repo.insertRevision(tx.database.db, {
      resourceId: row.id,
      revision,
      networkId: actor.network.id,
      authorId: actor.user.id,
      title: next.title,
      bodySource: next.body,
      url: next.url,
      summary: next.summary,
      revertedFrom: next.revertedFrom,
      createdAt: now,
    });
    return true;
  });
  // Someone saved between reading and writing: the same answer as a stale base.
  if (!saved) throw await conflict(ctx, await loadResource(ctx, actor, row.id), base, next);
}

/** Edits a resource as a new revision (safe against lost updates through `baseRevision`). */
export async function updateResource(
  ctx: AppContext,
  actor: ResourceActor,
  id: string,
  body: UpdateResourceBody,
) {
  requireEditor(actor);
  const row = await loadResource(ctx, actor, id);
  if (body.url !== undefined && row.kind !== 'link')
    throw new AppError('VALIDATION_FAILED', 400, [{ path: ['url'], code: 'invalid', message: 'links only' }]);
  const nextBody = body.body ?? row.bodySource;
  if (row.kind === 'page' && nextBody.length === 0)
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['body'], code: 'too_small', message: 'required' },
    ]);
  await saveRevision(
    ctx,
    actor,
    row,
    body.baseRevision,
    {
      title: body.title ?? row.title,
      body: nextBody,
      url: body.url ?? row.url,
      summary: body.summary,
      revertedFrom: null,
    },
    {
      ...(body.tags && { tags: JSON.stringify(body.tags) }),
      ...(body.language && { language: body.language }),
      ...(body.expertise && { expertise: JSON.stringify(body.expertise) }),
      ...(body.region !== undefined && { region: body.region || null }),
      ...(body.shareWithPartners !== undefined && { shareWithPartners: body.shareWithPartners ? 1 : 0 }),
    },
  );
}

/** Brings back an earlier revision's text as a new revision (staff). */
export async function revertResource(
  ctx: AppContext,
  actor: ResourceActor,
  id: string,
  body: RevertResourceBody,
) {
  requireManager(actor);
  const row = await loadResource(ctx, actor, id);
  const old = await repo.findRevision(ctx.database.db, id, body.revision);
  if (!old) throw notFound();
  await saveRevision(ctx, actor, row, Number(row.revision), {
    title: old.title,
    body: old.bodySource,
    url: old.url,
    summary: body.summary,
    revertedFrom: body.revision,
  });
  await recordAudit(ctx, {
    networkId: actor.network.id,
    actorId: actor.user.id,
    action: 'resource.reverted',
    details: { resourceId: id, revision: body.revision },
  });
}

/** Deletes a resource with its history (staff); audited. */
export async function removeResource(ctx: AppContext, actor: ResourceActor, id: string) {
  requireManager(actor);
  const row = await loadResource(ctx, actor, id);
  await withTransaction(ctx, async (tx) => {
    await repo.deleteResource(tx.database.db, id);
    await recordAudit(tx, {
      networkId: actor.network.id,
      actorId: actor.user.id,
      action: 'resource.deleted',
      details: { resourceId: id, title: row.title, kind: row.kind },
    });
  });
}

/** A resource's revisions, newest first. */
export async function listResourceRevisions(ctx: AppContext, actor: ResourceActor, id: string) {
  await loadResource(ctx, actor, id);
  return repo.listRevisions(ctx.database.db, id);
}

/** One revision in full with its difference to the one before. */
export async function getResourceRevision(
  ctx: AppContext,
  actor: ResourceActor,
  id: string,
  revision: number,
) {
  await loadResource(ctx, actor, id);
  const db = ctx.database.db;
  const row = await repo.findRevision(db, id, revision);
  if (!row) throw notFound();
  const previous = revision > 1 ? await repo.findRevision(db, id, revision - 1) : undefined;
  return presentRevisionDetail(row, previous, renderResourceBody(row.bodySource));
}

/** Replaces the "start here" list (staff): every id must be a resource of the network. */
export async function setStartHere(ctx: AppContext, actor: ResourceActor, ids: string[]) {
  requireManager(actor);
  const db = ctx.database.db;
  if ((await repo.countResources(db, actor.network.id, ids)) !== ids.length) throw notFound();
  await withTransaction(ctx, (tx) => repo.setStartHere(tx.database.db, actor.network.id, ids));
}

/** Keeps creating and editing to the staff, or opens it to members (staff). */
export async function setResourceSettings(ctx: AppContext, actor: ResourceActor, staffOnly: boolean) {
  requireManager(actor);
  await repo.setStaffOnly(ctx.database.db, actor.network.id, staffOnly);
  await recordAudit(ctx, {
    networkId: actor.network.id,
    actorId: actor.user.id,
    action: 'resource.settings_changed',
    details: { staffOnlyEditing: staffOnly },
  });
}

/** The network's resource settings. */
export async function getResourceSettings(ctx: AppContext, actor: ResourceActor) {
  return { staffOnlyEditing: await repo.isStaffOnly(ctx.database.db, actor.network.id) };
}

/** The bytes of a file resource. */
export async function readResourceFile(
  ctx: AppContext,
  actor: ResourceActor,
  id: string,
  headersOf: (file: { contentType: string; fileName: string }) => ServeHeaders,
) {
  const row = await loadResource(ctx, actor, id);
  // A file a moderator hid is served to its creator and the staff only (as its page is).
  if (row.hiddenAt !== null && !actor.viewer.staff && row.createdBy !== actor.viewer.userId) throw notFound();
  const file = row.attachmentId ? await repo.findResourceFile(ctx.database.db, row.attachmentId) : undefined;
  if (!file) throw notFound();
  const served = await createAttachmentStore(ctx.files).serve(file.storageKey, headersOf(file));
  if (!served) throw notFound();
  return { file, served };
}
