/** Who may read a profile: members of a shared network, any signed-in user, or everyone. */
export const PROFILE_VISIBILITIES = ['network', 'platform', 'public'] as const;

/** Avatars: uploads up to this size are accepted, then resized to a square WebP. */
export const AVATAR_MAX_MB = 5;
export const AVATAR_SIZE_PX = 256;
/** The image types an avatar upload may have (the server tells them by their first bytes). */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const DIRECTORY_PAGE_MAX = 50;
