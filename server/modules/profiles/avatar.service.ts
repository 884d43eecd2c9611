import type { Profile } from '../../../common/contracts/profiles.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { createAvatarStore, type ServedFile } from '../../platform/files/index.ts';
import type { UserRow } from '../users/index.ts';
import { renderAvatar } from './avatar-image.ts';
import { ensureProfile, findProfile, swapAvatarKey } from './profiles.repository.ts';
import { findVisibleProfileOwner, getOwnProfile } from './profiles.service.ts';

/**
 * Points the profile at a new avatar key (or none) and deletes the file it replaced. The swap is
 * compare-and-set, so of two racing uploads each deletes exactly the file it displaced.
 */
async function replaceAvatarKey(ctx: AppContext, userId: string, next: string | null): Promise<void> {
  const db = ctx.database.db;
  const store = createAvatarStore(ctx.files);
  for (;;) {
    const row = await findProfile(db, userId);
    if (!row) {
      if (next === null) return;
      await ensureProfile(db, userId, isoNow());
      continue;
    }
    const previous = row.avatarKey;
    if (await swapAvatarKey(db, userId, previous, next, isoNow())) {
      if (previous && previous !== next) await store.remove(previous);
      return;
    }
  }
}

/**
 * Stores an uploaded image as the user's avatar. The upload is checked and resized before
 * anything is written, and the old file is only deleted once the new one is in place.
 */
export async function uploadAvatar(ctx: AppContext, user: UserRow, upload: Buffer): Promise<Profile> {
  const image = await renderAvatar(upload);
  const store = createAvatarStore(ctx.files);
  const key = await store.write(image);
  try {
    await replaceAvatarKey(ctx, user.id, key);
  } catch (error) {
    await store.remove(key);
    throw error;
  }
  return getOwnProfile(ctx, user);
}

/** Removes the user's avatar (nothing happens when there is none). */
export async function removeAvatar(ctx: AppContext, user: UserRow): Promise<Profile> {
  await replaceAvatarKey(ctx, user.id, null);
  return getOwnProfile(ctx, user);
}

/** The avatar image of a user, under the same visibility rule as the profile; 404 when none. */
export async function readVisibleAvatar(
  ctx: AppContext,
  viewer: UserRow | null,
  ownerId: string,
  cacheControl: string,
): Promise<ServedFile> {
  const { row } = await findVisibleProfileOwner(ctx, viewer, ownerId);
  if (!row?.avatarKey) throw notFound();
  const image = await createAvatarStore(ctx.files).serve(row.avatarKey, cacheControl);
  if (!image) throw notFound();
  return image;
}
