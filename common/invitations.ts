/** Invitations last two weeks unless the inviter says otherwise. */
export const INVITATION_DEFAULT_DAYS = 14;
export const INVITATION_MAX_DAYS = 90;

export const INVITATION_KINDS = ['email', 'link'] as const;
export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
