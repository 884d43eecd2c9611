import type { Profile } from '../../../common/contracts/profiles.ts';
import { EXPERTISE_AREAS } from '../../../common/expertise.ts';
import type { UserRow } from '../users/index.ts';
import type { ProfileRow } from './profiles.table.ts';

/** The avatar URL carries part of the file key, so a new upload is never hidden by a cache. */
export function avatarUrlOf(userId: string, avatarKey: string | null | undefined): string | null {
  return avatarKey ? `/api/users/${encodeURIComponent(userId)}/avatar?v=${avatarKey.slice(0, 12)}` : null;
}

/** Expertise in the order of the controlled list (the order the UI shows them in). */
export function sortExpertise(areas: string[]): string[] {
  const rank = (area: string) => EXPERTISE_AREAS.indexOf(area as (typeof EXPERTISE_AREAS)[number]);
  return [...areas].sort((a, b) => rank(a) - rank(b));
}

/** A profile as the API shows it; a user who never saved one reads as the defaults. */
export function presentProfile(
  user: Pick<UserRow, 'id' | 'displayName'>,
  row: ProfileRow | undefined,
  languages: string[],
  expertise: string[],
  options: { own: boolean },
): Profile {
  const profile: Profile = {
    id: user.id,
    displayName: user.displayName,
    languages,
    expertise: sortExpertise(expertise),
    region: row?.region ?? '',
    availability: row?.availability ?? '',
    experienceLevel: row?.experienceLevel ?? null,
    bio: row?.bio ?? '',
    lookingForBuddy: Boolean(row?.lookingForBuddy),
    openToBuddy: Boolean(row?.openToBuddy),
    hasAvatar: Boolean(row?.avatarKey),
    avatarUrl: avatarUrlOf(user.id, row?.avatarKey),
  };
  if (options.own) profile.visibility = row?.visibility ?? 'network';
  return profile;
}
