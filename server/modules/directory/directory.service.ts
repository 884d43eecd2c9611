import type { Kysely } from 'kysely';
import type {
  DirectoryEntryBody,
  DirectoryExportQuery,
  DirectoryListing,
  DirectoryListingBody,
  DirectoryQuery,
  UpdateDirectoryEntryBody,
} from '../../../common/contracts/directory.ts';
import { SERVICE_OF_EXPERTISE } from '../../../common/directory.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import type { UserRow } from '../users/index.ts';
import * as repo from './directory.repository.ts';
import * as search from './directory-search.repository.ts';
import type { DirectoryEntriesTable } from './directory.table.ts';
import { derivedColumns } from './directory-text.ts';

/** Export answers hold at most this many entries (the whole directory at the scale we plan for). */
export const DIRECTORY_EXPORT_MAX = 50_000;

/** The mirror stamp each database was last brought in step with, per process. */
const mirroredAt = new WeakMap<Kysely<DB>, string>();

function toJsonList(values: readonly string[]): string {
  return JSON.stringify([...new Set(values)].sort());
}

function withDerived(values: Omit<DirectoryEntriesTable, 'sortName' | 'searchText'>): DirectoryEntriesTable {
  return { ...values, ...derivedColumns(values) };
}

type ListedOrganisation = Awaited<ReturnType<typeof repo.listListedOrganisations>>[number];

function mirrorOfOrganisation(o: ListedOrganisation): DirectoryEntriesTable {
  const expertise = JSON.parse(o.services) as string[];
  return withDerived({
    id: `o-${o.id}`,
    source: 'organisation',
    name: o.name,
    kind: o.kind as DirectoryEntriesTable['kind'],
    services: toJsonList(expertise.flatMap((e) => SERVICE_OF_EXPERTISE[e] ?? [])),
    languages: toJsonList(JSON.parse(o.languages) as string[]),
    country: o.country,
    city: o.city,
    region: '',
    address: '',
    latitude: o.latitude,
    longitude: o.longitude,
    email: o.contactEmail,
    phone: o.contactPhone,
    website: o.website,
    openingHours: '',
    description: o.description,
    lastCheckedOn: null,
    organisationId: o.id,
    networkId: null,
    createdBy: null,
    createdAt: String(o.createdAt),
    updatedAt: String(o.updatedAt),
  });
}

type PublicNetwork = Awaited<ReturnType<typeof repo.listPublicNetworks>>[number];

function mirrorOfNetwork(n: PublicNetwork): DirectoryEntriesTable {
  return withDerived({
    id: `n-${n.id}`,
    source: 'network',
    name: n.name,
    kind: 'network',
    services: '[]',
    languages: toJsonList(JSON.parse(n.languages) as string[]),
    country: n.country,
    city: n.city,
    region: n.region,
    address: '',
    latitude: null,
    longitude: null,
    email: n.contactEmail,
    phone: null,
    website: n.website,
    openingHours: '',
    description: n.description,
    lastCheckedOn: null,
    organisationId: null,
    networkId: n.id,
    createdBy: null,
    createdAt: String(n.createdAt),
    updatedAt: String(n.updatedAt),
  });
}

/**
 * Brings the mirrored entries (listed organisations, public networks) in step with the platform
 * when their stamp changed since this process last looked: one small query per read, and a
 * rebuild of a few hundred rows at most when something changed. Another instance rebuilding at
 * the same moment makes this one's insert fail; its rebuild is as good, so that is let be.
 */
export async function syncMirroredEntries(ctx: AppContext, force = false): Promise<void> {
  const db = ctx.database.db;
  const stamp = await repo.platformStamp(db);
  if (!force && mirroredAt.get(db) === stamp) return;
  try {
    await withTransaction(ctx, async (tx) => {
      const txDb = tx.database.db;
      const [organisations, networks] = await Promise.all([
        repo.listListedOrganisations(txDb),
        repo.listPublicNetworks(txDb),
      ]);
      await repo.deleteMirroredEntries(txDb);
      await repo.insertEntries(txDb, [
        ...organisations.map(mirrorOfOrganisation),
        ...networks.map(mirrorOfNetwork),
      ]);
    });
    mirroredAt.set(db, stamp);
  } catch (error) {
    if (!(await repo.platformStamp(db).then((now) => now === stamp))) throw error;
  }
}

function filterOf(query: Omit<DirectoryQuery, 'page' | 'limit'>): search.DirectoryFilter {
  return {
    text: query.text,
    country: query.country,
    city: query.city,
    services: query.service,
    languages: query.language,
    kind: query.kind,
  };
}

function nearOf(query: { lat?: number; lng?: number }): search.Near | undefined {
  return query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
}

/** A page of the public directory; one row more than asked tells whether a next page exists. */
export async function listDirectory(ctx: AppContext, query: DirectoryQuery) {
  await syncMirroredEntries(ctx);
  const near = nearOf(query);
  const rows = await search.searchPage(ctx.database.db, filterOf(query), {
    offset: (query.page - 1) * query.limit,
    limit: query.limit + 1,
    near,
  });
  const hasMore = rows.length > query.limit;
  return {
    rows: rows.slice(0, query.limit),
    near,
    page: query.page,
    nextPage: hasMore ? query.page + 1 : null,
  };
}

/** Every entry matching the filters, for an export. */
export async function exportDirectory(ctx: AppContext, query: DirectoryExportQuery) {
  await syncMirroredEntries(ctx);
  const near = nearOf(query);
  const rows = await search.searchEntries(ctx.database.db, filterOf(query), {
    offset: 0,
    limit: DIRECTORY_EXPORT_MAX,
    near,
  });
  return { rows, near };
}

/** One entry, or 404. */
export async function getEntry(ctx: AppContext, id: string) {
  await syncMirroredEntries(ctx);
  const row = await repo.findEntry(ctx.database.db, id);
  if (!row) throw notFound();
  return row;
}

/** The values of a curated entry from what an admin wrote. */
export function curatedValues(
  id: string,
  body: DirectoryEntryBody,
  createdBy: string | null,
  now: string,
): DirectoryEntriesTable {
  return withDerived({
    id,
    source: 'curated',
    name: body.name,
    kind: body.kind,
    services: toJsonList(body.services),
    languages: toJsonList(body.languages),
    country: body.country,
    city: body.city,
    region: body.region,
    address: body.address,
    latitude: body.latitude,
    longitude: body.longitude,
    email: body.email,
    phone: body.phone,
    website: body.website,
    openingHours: body.openingHours,
    description: body.description,
    lastCheckedOn: body.lastCheckedOn,
    organisationId: null,
    networkId: null,
    createdBy,
    createdAt: now,
    updatedAt: now,
  });
}

/** Creates a directory-only entry (platform admins). */
export async function createEntry(ctx: AppContext, actor: UserRow, body: DirectoryEntryBody) {
  const id = newId();
  await withTransaction(ctx, (tx) =>
    repo.insertEntries(tx.database.db, [curatedValues(id, body, actor.id, isoNow())]),
  );
  return getEntry(ctx, id);
}

async function loadCurated(ctx: AppContext, id: string) {
  const row = await repo.findEntry(ctx.database.db, id);
  if (!row) throw notFound();
  // Mirrored entries change with their organisation or network, never here.
  if (row.source !== 'curated') throw new AppError('DIRECTORY_ENTRY_NOT_CURATED', 409);
  return row;
}

/** Changes a directory-only entry (platform admins); fields left out stay. */
export async function updateEntry(ctx: AppContext, id: string, body: UpdateDirectoryEntryBody) {
  const row = await loadCurated(ctx, id);
  const current: DirectoryEntryBody = {
    name: row.name,
    kind: row.kind === 'network' ? 'other' : row.kind,
    services: JSON.parse(row.services) as DirectoryEntryBody['services'],
    languages: JSON.parse(row.languages) as DirectoryEntryBody['languages'],
    country: row.country,
    city: row.city,
    region: row.region,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    email: row.email,
    phone: row.phone,
    website: row.website,
    openingHours: row.openingHours,
    description: row.description,
    lastCheckedOn: row.lastCheckedOn,
  };
  const defined = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const next = curatedValues(id, { ...current, ...defined }, row.createdBy, isoNow());
  await withTransaction(ctx, (tx) =>
    repo.replaceEntry(tx.database.db, {
      ...next,
      organisationId: row.organisationId,
      createdAt: String(row.createdAt),
    }),
  );
  return getEntry(ctx, id);
}

/** Removes a directory-only entry (platform admins). */
export async function removeEntry(ctx: AppContext, id: string): Promise<void> {
  await loadCurated(ctx, id);
  await withTransaction(ctx, (tx) => repo.deleteEntry(tx.database.db, id));
}

/** Whether the organisation is listed, and where it is. */
export async function getListing(ctx: AppContext, organisation: OrganisationRow): Promise<DirectoryListing> {
  const row = await repo.findListing(ctx.database.db, organisation.id);
  if (!row) throw notFound();
  return { listed: row.listedInDirectory === 1, latitude: row.latitude, longitude: row.longitude };
}

/**
 * The organisation chooses to be listed in the directory, or not, and says where it is; the
 * mirror follows at once.
 */
export async function setListing(
  ctx: AppContext,
  organisation: OrganisationRow,
  change: DirectoryListingBody,
): Promise<DirectoryListing> {
  await repo.updateListing(ctx.database.db, organisation.id, change, isoNow());
  await syncMirroredEntries(ctx, true);
  return getListing(ctx, organisation);
}

/** An organisation asks for a curated entry to be recognised as its own; a platform admin decides. */
export async function claimEntry(
  ctx: AppContext,
  organisation: OrganisationRow,
  actor: UserRow,
  entryId: string,
) {
  const entry = await loadCurated(ctx, entryId);
  if (entry.organisationId === organisation.id) throw new AppError('DIRECTORY_CLAIM_EXISTS', 409);
  if (await repo.findPendingClaim(ctx.database.db, entryId, organisation.id))
    throw new AppError('DIRECTORY_CLAIM_EXISTS', 409);
  const id = newId();
  await repo.insertClaim(ctx.database.db, {
    id,
    entryId,
    organisationId: organisation.id,
    requestedBy: actor.id,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    createdAt: isoNow(),
  });
  return loadClaim(ctx, id);
}

async function loadClaim(ctx: AppContext, id: string) {
  const claim = await repo.findClaim(ctx.database.db, id);
  if (!claim) throw notFound();
  return claim;
}

/** Claims for platform admins: pending ones by default. */
export function listClaims(ctx: AppContext, status?: 'pending' | 'approved' | 'declined') {
  return repo.listClaims(ctx.database.db, status);
}

/** Approves (links the entry to the organisation) or declines a pending claim. */
export async function decideClaim(ctx: AppContext, actor: UserRow, id: string, approve: boolean) {
  const claim = await loadClaim(ctx, id);
  const now = isoNow();
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const decided = await repo.decideClaim(db, id, {
      status: approve ? 'approved' : 'declined',
      decidedBy: actor.id,
      decidedAt: now,
    });
    if (!decided) throw new AppError('DIRECTORY_CLAIM_DECIDED', 409);
    if (approve) await repo.linkEntry(db, claim.entryId, claim.organisationId, now);
  });
  await syncMirroredEntries(ctx, true);
  return loadClaim(ctx, id);
}
