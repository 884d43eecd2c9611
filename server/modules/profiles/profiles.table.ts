import type { Selectable } from 'kysely';
import type { MentorLevel } from '../../../common/permissions.ts';

export type ProfileVisibility = 'network' | 'platform' | 'public';

export interface ProfilesTable {
  userId: string;
  region: string;
  availability: string;
  experienceLevel: MentorLevel | null;
  bio: string;
  /** File name of the resized avatar under <dataDir>/avatars, or null. */
  avatarKey: string | null;
  visibility: ProfileVisibility;
  updatedAt: string;
}
export type ProfileRow = Selectable<ProfilesTable>;

export interface ProfileLanguagesTable {
  userId: string;
  language: string;
}

export interface ProfileExpertiseTable {
  userId: string;
  area: string;
}
