import { z } from 'zod';
import { DIRECTORY_PAGE_MAX, PROFILE_VISIBILITIES } from '../profiles.ts';
import { EXPERTISE_AREAS } from '../expertise.ts';
import { LANGUAGE_CODES } from '../languages.ts';
import { ExpertiseList, Id, MentorLevelCode, NetworkRoleCode, OptionalText, PageQuery } from './networks.ts';

export {
  AVATAR_MAX_MB,
  AVATAR_SIZE_PX,
  AVATAR_TYPES,
  DIRECTORY_PAGE_MAX,
  PROFILE_VISIBILITIES,
} from '../profiles.ts';

export const ProfileVisibilityCode = z.enum(PROFILE_VISIBILITIES);
export type ProfileVisibilityCode = z.infer<typeof ProfileVisibilityCode>;

export const ProfileLanguages = z.array(z.enum(LANGUAGE_CODES)).max(20);

/** The whole editable profile (PUT replaces it). */
export const UpdateProfileBody = z.strictObject({
  languages: ProfileLanguages,
  expertise: ExpertiseList,
  region: OptionalText(120),
  availability: OptionalText(300),
  experienceLevel: MentorLevelCode.nullable(),
  bio: OptionalText(2000),
  visibility: ProfileVisibilityCode,
  /** Buddy pairing (B4): looking for a buddy, open to being one. Left out: kept as they are. */
  lookingForBuddy: z.boolean().optional(),
  openToBuddy: z.boolean().optional(),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const Profile = z.object({
  id: z.string(),
  displayName: z.string(),
  languages: z.array(z.string()),
  expertise: z.array(z.string()),
  region: z.string(),
  availability: z.string(),
  experienceLevel: MentorLevelCode.nullable(),
  bio: z.string(),
  lookingForBuddy: z.boolean(),
  openToBuddy: z.boolean(),
  hasAvatar: z.boolean(),
  /** On leave until this day (inclusive) in at least one of their networks; null when not. */
  leaveUntil: z.string().nullable().optional(),
  /** Versioned URL of the avatar (changes with every upload), or null. */
  avatarUrl: z.string().nullable(),
  /** Only in the owner's own view. */
  visibility: ProfileVisibilityCode.optional(),
});
export type Profile = z.infer<typeof Profile>;

export const UserIdParams = z.strictObject({ id: Id });
/** `v` only busts caches when the avatar changes; its value is not checked. */
export const AvatarQuery = z.strictObject({ v: z.string().max(64).optional() });

export const DirectoryQuery = PageQuery.extend({
  language: z.enum(LANGUAGE_CODES).optional(),
  expertise: z.enum(EXPERTISE_AREAS).optional(),
  level: MentorLevelCode.optional(),
  region: z.string().trim().max(120).optional(),
  q: z.string().trim().max(80).optional(),
  /** Members looking for a buddy, or open to being one. */
  buddy: z.enum(['looking', 'open']).optional(),
  limit: z.coerce.number().int().min(1).max(DIRECTORY_PAGE_MAX).default(20),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const DirectoryEntry = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: NetworkRoleCode,
  level: MentorLevelCode.nullable(),
  languages: z.array(z.string()),
  expertise: z.array(z.string()),
  region: z.string(),
  availability: z.string(),
  avatarUrl: z.string().nullable(),
  lookingForBuddy: z.boolean(),
  openToBuddy: z.boolean(),
  /** On leave in this network until this day (inclusive); null when not. */
  leaveUntil: z.string().nullable(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const Directory = z.object({ entries: z.array(DirectoryEntry), nextCursor: z.string().nullable() });
export type Directory = z.infer<typeof Directory>;
