import type { Kysely } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { DirectoryClaimsTable, DirectoryEntriesTable } from './directory.table.ts';
import { tagsOf } from './directory-text.ts';

const linkColumns = [
  'o.slug as organisationSlug',
  'o.name as organisationName',
  'n.slug as networkSlug',
  'n.name as networkName',
] as const;

/** Entries with the slug and name of their organisation and network. */
export function entriesWithLinks(db: Kysely<DB>) {
  return db
    .selectFrom('directoryEntries as e')
    .leftJoin('organisations as o', 'o.id', 'e.organisationId')
    .leftJoin('networks as n', 'n.id', 'e.networkId')
    .selectAll('e')
    .select(linkColumns);
}
export type DirectoryEntryListRow = Awaited<
  ReturnType<ReturnType<typeof entriesWithLinks>['executeTakeFirstOrThrow']>
>;

/** One entry with its links. */
export function findEntry(db: Kysely<DB>, id: string): Promise<DirectoryEntryListRow | undefined> {
  return entriesWithLinks(db).where('e.id', '=', id).executeTakeFirst();
}

type EntryValues = Omit<DirectoryEntriesTable, 'sortName' | 'searchText'> & {
  sortName: string;
  searchText: string;
};

/** Stores entries with their tags (in chunks, within the caller's transaction). */
export async function insertEntries(db: Kysely<DB>, rows: EntryValues[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await db.insertInto('directoryEntries').values(chunk).execute();
    const tags = chunk.flatMap((row) =>
      tagsOf(row).map((tag) => ({ tag, sortName: row.sortName, entryId: row.id })),
    );
    for (let j = 0; j < tags.length; j += 400)
      await db
        .insertInto('directoryTags')
        .values(tags.slice(j, j + 400))
        .execute();
  }
}

/** Replaces an entry's values and tags. */
export async function replaceEntry(db: Kysely<DB>, row: EntryValues): Promise<void> {
  const { id, ...values } = row;
  await db.updateTable('directoryEntries').set(values).where('id', '=', id).execute();
  await db.deleteFrom('directoryTags').where('entryId', '=', id).execute();
  const tags = tagsOf(row).map((tag) => ({ tag, sortName: row.sortName, entryId: id }));
  if (tags.length > 0) await db.insertInto('directoryTags').values(tags).execute();
}

/** Removes an entry (its tags and claims go with it). */
export async function deleteEntry(db: Kysely<DB>, id: string): Promise<number> {
  await db.deleteFrom('directoryTags').where('entryId', '=', id).execute();
  await db.deleteFrom('directoryClaims').where('entryId', '=', id).execute();
  const result = await db.deleteFrom('directoryEntries').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * What the mirrored entries are made of: listed organisations and public networks (how many, last
 * change) and approved claims.
 */
export function platformStampQuery(db: Kysely<DB>) {
  return db.selectNoFrom((eb) => [
    eb
      .selectFrom('organisations')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('listedInDirectory', '=', 1)
      .as('orgs'),
    eb
      .selectFrom('organisations')
      .select((e) => e.fn.max('updatedAt').as('m'))
      .where('listedInDirectory', '=', 1)
      .as('orgsChanged'),
    eb
      .selectFrom('networks')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('visibility', '=', 'public')
      .as('nets'),
    eb
      .selectFrom('networks')
      .select((e) => e.fn.max('updatedAt').as('m'))
      .where('visibility', '=', 'public')
      .as('netsChanged'),
    eb
      .selectFrom('directoryClaims')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('status', '=', 'approved')
      .as('claims'),
  ]);
}

// Read before every public read: built and compiled once (the building cost ten times the reading).
const platformStampPrecompiled = precompiled(platformStampQuery, { values: [] });

/** A stamp of what the mirrored entries are made of (see platformStampQuery). Equal stamps, equal mirrors. */
export async function platformStamp(db: Kysely<DB>): Promise<string> {
  const [row] = await platformStampPrecompiled(db, {});
  return JSON.stringify(
    Object.values(row ?? {}).map((v: unknown) => (v instanceof Date ? v.toISOString() : String(v))),
  );
}

/** Listed organisations, except those an approved claim already links to a curated entry. */
export function listListedOrganisations(db: Kysely<DB>) {
  return db
    .selectFrom('organisations as o')
    .selectAll('o')
    .where('o.listedInDirectory', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('directoryEntries as e')
            .select('e.id')
            .whereRef('e.organisationId', '=', 'o.id')
            .where('e.source', '=', 'curated'),
        ),
      ),
    )
    .execute();
}

/** Public networks with the country and city of their founding organisation. */
export function listPublicNetworks(db: Kysely<DB>) {
  return db
    .selectFrom('networks as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisationId')
    .select([
      'n.id',
      'n.name',
      'n.description',
      'n.region',
      'n.languages',
      'n.createdAt',
      'n.updatedAt',
      'o.country',
      'o.city',
      'o.website',
      'o.contactEmail',
    ])
    .where('n.visibility', '=', 'public')
    .execute();
}

/** Removes every mirrored (organisation and network) entry. */
export async function deleteMirroredEntries(db: Kysely<DB>): Promise<void> {
  const mirrored = db.selectFrom('directoryEntries').select('id').where('source', '!=', 'curated');
  await db.deleteFrom('directoryTags').where('entryId', 'in', mirrored).execute();
  await db.deleteFrom('directoryEntries').where('source', '!=', 'curated').execute();
}

/** The organisation's listing: whether it is listed, and where it is. */
export function findListing(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisations')
    .select(['listedInDirectory', 'latitude', 'longitude'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/**
 * Changes the organisation's listing (what is left out stays). A new location also stamps the
 * organisation as changed, so that every instance rebuilds its mirror (see platformStamp).
 */
export async function updateListing(
  db: Kysely<DB>,
  organisationId: string,
  change: { listed?: boolean; latitude?: number | null; longitude?: number | null },
  now: string,
): Promise<void> {
  const located = change.latitude !== undefined && change.longitude !== undefined;
  await db
    .updateTable('organisations')
    .set({
      ...(change.listed !== undefined && { listedInDirectory: change.listed ? 1 : 0 }),
      ...(located && { latitude: change.latitude, longitude: change.longitude, updatedAt: now }),
    })
    .where('id', '=', organisationId)
    .execute();
}

/** Claims with their entry's and organisation's names, pending first, newest first. */
function claimsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('directoryClaims as c')
    .innerJoin('directoryEntries as e', 'e.id', 'c.entryId')
    .innerJoin('organisations as o', 'o.id', 'c.organisationId')
    .selectAll('c')
    .select(['e.name as entryName', 'o.slug as organisationSlug', 'o.name as organisationName']);
}
export type DirectoryClaimListRow = Awaited<
  ReturnType<ReturnType<typeof claimsWithNames>['executeTakeFirstOrThrow']>
>;

export function listClaims(db: Kysely<DB>, status?: DirectoryClaimsTable['status']) {
  let query = claimsWithNames(db);
  if (status) query = query.where('c.status', '=', status);
  return query.orderBy('c.createdAt', 'desc').orderBy('c.id').limit(200).execute();
}

export function findClaim(db: Kysely<DB>, id: string) {
  return claimsWithNames(db).where('c.id', '=', id).executeTakeFirst();
}

export function findPendingClaim(db: Kysely<DB>, entryId: string, organisationId: string) {
  return db
    .selectFrom('directoryClaims')
    .select('id')
    .where('entryId', '=', entryId)
    .where('organisationId', '=', organisationId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function insertClaim(db: Kysely<DB>, claim: DirectoryClaimsTable): Promise<void> {
  await db.insertInto('directoryClaims').values(claim).execute();
}

/** Decides a pending claim; false when it was decided already. */
export async function decideClaim(
  db: Kysely<DB>,
  id: string,
  decision: { status: 'approved' | 'declined'; decidedBy: string; decidedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('directoryClaims')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Links a curated entry to the organisation whose claim was approved. */
export async function linkEntry(
  db: Kysely<DB>,
  entryId: string,
  organisationId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('directoryEntries')
    .set({ organisationId, updatedAt: now })
    .where('id', '=', entryId)
    .execute();
}
