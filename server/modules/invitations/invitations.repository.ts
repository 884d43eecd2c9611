import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { InvitationRow } from './invitations.table.ts';

export interface InvitationListRow extends InvitationRow {
  inviterName: string | null;
}

/** Stores a new invitation. */
export async function insertInvitation(db: Kysely<DB>, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

/** Finds an invitation by the hash of its secret. */
export function findInvitationByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('networks as n', 'n.id', 'i.networkId')
    .leftJoin('users as u', 'u.id', 'i.invitedBy')
    .selectAll('i')
    .select(['n.slug as networkSlug', 'n.name as networkName', 'u.displayName as inviterName'])
    .where('i.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Finds an invitation of one network by id. */
export function findNetworkInvitation(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Revokes the still-open e-mail invitations of an address in a network; returns their ids. */
export async function revokeOpenEmailInvitations(
  db: Kysely<DB>,
  networkId: string,
  email: string,
  now: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('invitations')
    .set({ revokedAt: now })
    .where('networkId', '=', networkId)
    .where('kind', '=', 'email')
    .where('email', '=', email)
    .where('revokedAt', 'is', null)
    .where('acceptedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Revokes one invitation unless it is revoked already; returns whether it changed. */
export async function revokeInvitation(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Counts one use, only while the invitation is open (not revoked, not expired and, for e-mail
 * invitations, not used yet). The condition is in the UPDATE, so of two concurrent uses of an
 * e-mail invitation exactly one succeeds.
 */
export async function markInvitationUsed(
  db: Kysely<DB>,
  invitation: InvitationRow,
  userId: string,
  now: string,
): Promise<boolean> {
  let query = db
    .updateTable('invitations')
    .set((eb) => ({ uses: eb('uses', '+', 1), acceptedAt: now, acceptedBy: userId }))
    .where('id', '=', invitation.id)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now);
  if (invitation.kind === 'email') query = query.where('acceptedAt', 'is', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A page of a network's invitations, newest first (ids are time-ordered), with the inviter's name. */
export function listNetworkInvitations(
  db: Kysely<DB>,
  networkId: string,
  options: { pendingAt?: string; beforeId?: string; limit: number },
): Promise<InvitationListRow[]> {
  let query = db
    .selectFrom('invitations as i')
    .leftJoin('users as u', 'u.id', 'i.invitedBy')
    .selectAll('i')
    .select('u.displayName as inviterName')
    .where('i.networkId', '=', networkId)
    .orderBy('i.id', 'desc')
    .limit(options.limit);
  if (options.pendingAt) {
    const now = options.pendingAt;
    query = query
      .where('i.revokedAt', 'is', null)
      .where('i.expiresAt', '>', now)
      .where((eb) => eb.or([eb('i.kind', '=', 'link'), eb('i.acceptedAt', 'is', null)]));
  }
  if (options.beforeId) query = query.where('i.id', '<', options.beforeId);
  return query.execute();
}
