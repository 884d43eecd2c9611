import type { Profile, UpdateProfileBody } from '../../../common/contracts/profiles.ts';
import {
  canViewProfile,
  needsNetworkCheck,
  profileViewerOf,
  sharesAcceptedNetwork,
} from '../../../common/policies/profiles.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { getStandings } from '../networks/index.ts';
import { findUserById, platformActor, type UserRow } from '../users/index.ts';
import { presentProfile } from './profiles.presenter.ts';
import {
  administersNetworkOf,
  findLeaveUntil,
  findProfile,
  listExpertiseOf,
  listLanguagesOf,
  saveProfile,
} from './profiles.repository.ts';
import type { ProfileRow } from './profiles.table.ts';

/** A user's profile with its languages and expertise, as stored. */
async function loadProfile(ctx: AppContext, user: Pick<UserRow, 'id' | 'displayName'>, own: boolean) {
  const db = ctx.database.db;
  const row = await findProfile(db, user.id);
  const languages = await listLanguagesOf(db, [user.id]);
  const expertise = await listExpertiseOf(db, [user.id]);
  const leaveUntil = await findLeaveUntil(db, user.id, isoNow().slice(0, 10));
  return {
    ...presentProfile(user, row, languages.get(user.id) ?? [], expertise.get(user.id) ?? [], { own }),
    leaveUntil,
  };
}

/** The signed-in user's own profile (defaults when never saved). */
export function getOwnProfile(ctx: AppContext, user: UserRow): Promise<Profile> {
  return loadProfile(ctx, user, true);
}

/** Replaces the signed-in user's profile; the avatar is kept. */
export async function updateOwnProfile(
  ctx: AppContext,
  user: UserRow,
  body: UpdateProfileBody,
): Promise<Profile> {
  const { languages, expertise, lookingForBuddy, openToBuddy, ...rest } = body;
  const fields = {
    ...rest,
    lookingForBuddy: lookingForBuddy === undefined ? undefined : Number(lookingForBuddy),
    openToBuddy: openToBuddy === undefined ? undefined : Number(openToBuddy),
  };
  const now = isoNow();
  await withTransaction(ctx, (tx) =>
    saveProfile(tx.database.db, user.id, fields, [...new Set(languages)], [...new Set(expertise)], now),
  );
  return getOwnProfile(ctx, user);
}

/**
 * Whether the viewer takes part in a network the owner is an active member of (both standings in
 * one query), or administers the organisation that founded a network of the owner (they may see
 * its directory).
 */
async function sharesNetworkWith(ctx: AppContext, viewerId: string, ownerId: string): Promise<boolean> {
  const standings = await getStandings(ctx, [viewerId, ownerId]);
  if (sharesAcceptedNetwork(standings.get(viewerId) ?? [], standings.get(ownerId) ?? [])) return true;
  return administersNetworkOf(ctx.database.db, viewerId, ownerId);
}

/**
 * The owner and profile row of a user the viewer may look at, or 404 (also when the profile is
 * hidden from them, so that its existence is not revealed).
 */
export async function findVisibleProfileOwner(
  ctx: AppContext,
  viewer: UserRow | null,
  ownerId: string,
): Promise<{ owner: UserRow; row: ProfileRow | undefined; isSelf: boolean }> {
  const owner = await findUserById(ctx, ownerId);
  if (!owner) throw notFound();
  const row = await findProfile(ctx.database.db, owner.id);
  const visibility = row?.visibility ?? 'network';
  const who = profileViewerOf(
    viewer && { id: viewer.id, platformAdmin: platformActor(viewer).platformAdmin },
    owner.id,
  );
  const shares =
    viewer !== null &&
    needsNetworkCheck(who, visibility) &&
    (await sharesNetworkWith(ctx, viewer.id, owner.id));
  if (!canViewProfile({ ...who, sharesAcceptedNetwork: shares }, visibility)) throw notFound();
  return { owner, row, isSelf: who.isSelf };
}

/** Another user's profile as the viewer may see it (the visibility setting only to its owner). */
export async function getVisibleProfile(
  ctx: AppContext,
  viewer: UserRow | null,
  ownerId: string,
): Promise<Profile> {
  const { owner, isSelf } = await findVisibleProfileOwner(ctx, viewer, ownerId);
  return loadProfile(ctx, owner, isSelf);
}
