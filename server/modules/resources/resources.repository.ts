import { type Kysely, sql } from 'kysely';
import type { ResourceKind } from '../../../common/resources.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type {
  ResourceListRow,
  ResourceSummaryRow,
  ResourceRevisionListRow,
  ResourceRevisionsTable,
  ResourcesTable,
} from './resources.table.ts';

/** Resources with their authors' names and their file's facts. */
function resourcesWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('resources as r')
    .leftJoin('users as c', 'c.id', 'r.createdBy')
    .leftJoin('users as u', 'u.id', 'r.updatedBy')
    .leftJoin('attachments as a', 'a.id', 'r.attachmentId')
    .selectAll('r')
    .select([
      'c.displayName as createdByName',
      'c.erasedAt as createdByErasedAt',
      'u.displayName as updatedByName',
      'u.erasedAt as updatedByErasedAt',
      'a.fileName as fileName',
      'a.contentType as fileContentType',
      'a.size as fileSize',
    ]);
}

/** One resource of a network. */
export function findResource(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<ResourceListRow | undefined> {
  return resourcesWithNames(db)
    .where('r.networkId', '=', networkId)
    .where('r.id', '=', id)
    .executeTakeFirst() as Promise<ResourceListRow | undefined>;
}

export interface ResourceFilter {
  kind?: ResourceKind;
  tag?: string;
  language?: string;
  expertise?: string;
  text?: string;
  before?: [string, string];
  limit: number;
}

/** `value` as a LIKE pattern that matches it literally anywhere (with `escape '\'`). */
function containing(value: string): string {
  return `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A resource with its network's address and name (the origin of a partner's shared one). */
export interface ResourceWithNetworkRow extends ResourceListRow {
  networkSlug: string;
  networkName: string;
}

/** The values of a list query: the filters as bound values (LIKE patterns), the cursor, the page size. */
type ResourcePageParams = {
  networkId: string;
  /** The partners whose shared resources show too (a shape of its own when there are any). */
  sharedFrom: string[] | undefined;
  kind: ResourceKind | undefined;
  language: string | undefined;
  tagPattern: string | undefined;
  expertisePattern: string | undefined;
  textPattern: string | undefined;
  beforeAt: string | undefined;
  beforeId: string | undefined;
  limit: number;
};

/**
 * The plain query of `resourcePage` (the equality test runs it beside the precompiled one): the
 * columns a list shows (no rendered HTML, no file facts beyond the name), latest change first.
 */
export function resourcePageSelect(db: Kysely<DB>, p: ResourcePageParams) {
  const sharedFrom = p.sharedFrom;
  let q = db
    .selectFrom('resources as r')
    .innerJoin('networks as n', 'n.id', 'r.networkId')
    .leftJoin('users as u', 'u.id', 'r.updatedBy')
    .leftJoin('attachments as a', 'a.id', 'r.attachmentId')
    .select([
      'r.id',
      'r.networkId',
      'r.kind',
      'r.title',
      'r.bodySource',
      'r.url',
      'r.tags',
      'r.language',
      'r.expertise',
      'r.region',
      'r.revision',
      'r.startHere',
      'r.shareWithPartners',
      'r.updatedBy',
      'r.updatedAt',
      'u.displayName as updatedByName',
      'u.erasedAt as updatedByErasedAt',
      'a.fileName as fileName',
      'n.slug as networkSlug',
      'n.name as networkName',
    ])
    .where((eb) =>
      sharedFrom === undefined
        ? eb('r.networkId', '=', p.networkId)
        : eb.or([
            eb('r.networkId', '=', p.networkId),
            eb.and([
              eb('r.networkId', 'in', sharedFrom),
              eb('r.shareWithPartners', '=', 1),
              eb('r.hiddenAt', 'is', null),
            ]),
          ]),
    )
    .orderBy('r.updatedAt', 'desc')
    .orderBy('r.id', 'desc')
    .limit(p.limit);
  if (p.kind !== undefined) q = q.where('r.kind', '=', p.kind);
  if (p.language !== undefined) q = q.where('r.language', '=', p.language);
  if (p.tagPattern !== undefined) q = q.where('r.tags', 'like', p.tagPattern);
  if (p.expertisePattern !== undefined) q = q.where('r.expertise', 'like', p.expertisePattern);
  const text = p.textPattern;
  if (text !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(r.title)`, 'like', sql`${text} escape '\\'`),
        eb(sql`lower(r.body_source)`, 'like', sql`${text} escape '\\'`),
        eb(sql`lower(r.tags)`, 'like', sql`${text} escape '\\'`),
        eb(sql`lower(a.file_name)`, 'like', sql`${text} escape '\\'`),
      ]),
    );
  }
  const { beforeAt, beforeId } = p;
  if (beforeAt !== undefined && beforeId !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('r.updatedAt', '<', beforeAt),
        eb.and([eb('r.updatedAt', '=', beforeAt), eb('r.id', '<', beforeId)]),
      ]),
    );
  return q;
}

const PAGE_VALUES = [
  'networkId',
  'kind',
  'language',
  'tagPattern',
  'expertisePattern',
  'textPattern',
  'beforeAt',
  'beforeId',
  'limit',
] as const;

/**
 * Built and compiled once per shape (which filters, a cursor, partners or not). A named statement
 * on PostgreSQL keeps a generic plan: it walks the (network_id, updated_at, id) index backwards
 * even when the planner believes a network holds a handful of resources, and so stops after a page
 * in the busiest one too (checked with EXPLAIN ANALYZE on 20,200 resources in one network: 0.17 ms
 * with the generic plan, against 0.2–0.4 ms of planning alone each time when planned for its values).
 */
const resourcePage = {
  own: precompiled(resourcePageSelect, { values: PAGE_VALUES, jsonRows: true }),
  withShared: precompiled(resourcePageSelect, { values: PAGE_VALUES, lists: ['sharedFrom'], jsonRows: true }),
};

/**
 * A page of a network's resources, latest change first (keyset on change time and id), with those
 * its partners (`sharedFrom`) shared with partner networks (never hidden ones).
 */
export function listResources(
  db: Kysely<DB>,
  networkId: string,
  f: ResourceFilter,
  sharedFrom: readonly string[] = [],
): Promise<ResourceSummaryRow[]> {
  const page = sharedFrom.length === 0 ? resourcePage.own : resourcePage.withShared;
  return page(db, {
    networkId,
    sharedFrom: sharedFrom.length === 0 ? undefined : [...sharedFrom],
    kind: f.kind || undefined,
    language: f.language || undefined,
    // Tags and codes are stored as JSON arrays of quoted strings (tags cannot hold a quote): a
    // quoted value matches one element exactly.
    tagPattern: f.tag ? `%${JSON.stringify(f.tag)}%` : undefined,
    expertisePattern: f.expertise ? `%"${f.expertise}"%` : undefined,
    textPattern: f.text ? containing(f.text) : undefined,
    beforeAt: f.before?.[0],
    beforeId: f.before?.[1],
    limit: f.limit,
  });
}

/** A resource one of the partners shared with partner networks (not hidden), with its network. */
export function findSharedResource(
  db: Kysely<DB>,
  partnerIds: readonly string[],
  id: string,
): Promise<ResourceWithNetworkRow | undefined> {
  if (partnerIds.length === 0) return Promise.resolve(undefined);
  return resourcesWithNames(db)
    .innerJoin('networks as n', 'n.id', 'r.networkId')
    .select(['n.slug as networkSlug', 'n.name as networkName'])
    .where('r.id', '=', id)
    .where('r.networkId', 'in', [...partnerIds])
    .where('r.shareWithPartners', '=', 1)
    .where('r.hiddenAt', 'is', null)
    .executeTakeFirst() as Promise<ResourceWithNetworkRow | undefined>;
}

/** The network's "start here" list, in its order. */
export function listStartHere(db: Kysely<DB>, networkId: string): Promise<ResourceListRow[]> {
  return resourcesWithNames(db)
    .where('r.networkId', '=', networkId)
    .where('r.startHere', 'is not', null)
    .orderBy('r.startHere')
    .execute() as Promise<ResourceListRow[]>;
}

/** How many of these ids are resources of the network. */
export async function countResources(db: Kysely<DB>, networkId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom('resources')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('networkId', '=', networkId)
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Replaces the network's "start here" list by these ids, in order. */
export async function setStartHere(db: Kysely<DB>, networkId: string, ids: string[]): Promise<void> {
  await db
    .updateTable('resources')
    .set({ startHere: null })
    .where('networkId', '=', networkId)
    .where('startHere', 'is not', null)
    .execute();
  for (const [position, id] of ids.entries())
    await db
      .updateTable('resources')
      .set({ startHere: position })
      .where('networkId', '=', networkId)
      .where('id', '=', id)
      .execute();
}

export async function insertResource(db: Kysely<DB>, row: ResourcesTable): Promise<void> {
  await db.insertInto('resources').values(row).execute();
}

/**
 * Saves a new revision's fields on the resource, only if it still is at `fromRevision`: false when
 * someone saved in between (the caller answers with a conflict).
 */
export async function updateResourceAt(
  db: Kysely<DB>,
  id: string,
  fromRevision: number,
  values: Partial<ResourcesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('resources')
    .set(values)
    .where('id', '=', id)
    .where('revision', '=', fromRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteResource(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('resources').where('id', '=', id).execute();
}

export async function insertRevision(db: Kysely<DB>, row: ResourceRevisionsTable): Promise<void> {
  await db.insertInto('resourceRevisions').values(row).execute();
}

function revisionsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('resourceRevisions as v')
    .leftJoin('users as u', 'u.id', 'v.authorId')
    .selectAll('v')
    .select(['u.displayName as authorName', 'u.erasedAt as authorErasedAt']);
}

/** A resource's revisions, newest first. */
export function listRevisions(db: Kysely<DB>, resourceId: string): Promise<ResourceRevisionListRow[]> {
  return revisionsWithNames(db)
    .where('v.resourceId', '=', resourceId)
    .orderBy('v.revision', 'desc')
    .execute();
}

/** One revision of a resource. */
export function findRevision(
  db: Kysely<DB>,
  resourceId: string,
  revision: number,
): Promise<ResourceRevisionListRow | undefined> {
  return revisionsWithNames(db)
    .where('v.resourceId', '=', resourceId)
    .where('v.revision', '=', revision)
    .executeTakeFirst();
}

/** Claims an upload of the uploader's in the network that is not attached to anything yet. */
export async function findFreeUpload(
  db: Kysely<DB>,
  networkId: string,
  uploaderId: string,
  attachmentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('attachments as a')
    .select('a.id')
    .where('a.id', '=', attachmentId)
    .where('a.networkId', '=', networkId)
    .where('a.uploaderId', '=', uploaderId)
    .where('a.postId', 'is', null)
    .where('a.helpRequestId', 'is', null)
    .where('a.helpResponseId', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('resources as r').select('r.id').whereRef('r.attachmentId', '=', 'a.id')),
      ),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The upload of a file resource (its storage key and facts). */
export function findResourceFile(db: Kysely<DB>, attachmentId: string) {
  return db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
}

/** The plain query of `staffOnly` (the equality test runs it beside the precompiled one). */
export const staffOnlySelect = (db: Kysely<DB>, p: { networkId: string }) =>
  db.selectFrom('networks').select('resourcesStaffOnly').where('id', '=', p.networkId);

// Read by every resource request (the list among them).
const staffOnly = precompiled(staffOnlySelect, { values: ['networkId'] });

/** Whether the network keeps editing to its staff. */
export async function isStaffOnly(db: Kysely<DB>, networkId: string): Promise<boolean> {
  const [row] = await staffOnly(db, { networkId });
  return Number(row?.resourcesStaffOnly) === 1;
}

export async function setStaffOnly(db: Kysely<DB>, networkId: string, staffOnly: boolean): Promise<void> {
  await db
    .updateTable('networks')
    .set({ resourcesStaffOnly: staffOnly ? 1 : 0 })
    .where('id', '=', networkId)
    .execute();
}

/** The precompiled reads of the resource list, for the test that compares them with their plain queries. */
export const precompiledResourceReads = { ...resourcePage, staffOnly };
