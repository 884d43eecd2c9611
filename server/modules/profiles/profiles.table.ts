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
  /** 1 when the member says they are looking for a buddy (B4), shown in directories. */
  lookingForBuddy: number;
  /** 1 when the member says they are open to being a buddy. */
  openToBuddy: number;
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
