/** What a notification is about. */
export const NOTIFICATION_KINDS = ['mention', 'reply', 'message', 'announcement'] as const;

/** Kinds whose e-mail a member may choose; announcements are always e-mailed at once. */
export const OPTIONAL_EMAIL_KINDS = ['mention', 'reply', 'message'] as const;
export type OptionalEmailKind = (typeof OPTIONAL_EMAIL_KINDS)[number];

/** How e-mail about one kind is sent: at once, in the daily digest (default), or not at all. */
export const EMAIL_FREQUENCIES = ['immediate', 'daily', 'off'] as const;
