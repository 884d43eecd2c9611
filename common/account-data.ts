/** The person's own data (GDPR Art. 15, 17, 20): how long things last. */

/** An export stays downloadable this many days after it was built. */
export const EXPORT_KEEP_DAYS = 7;
/** A deletion waits this many days before the account is erased; signing in cancels it. */
export const DELETION_GRACE_DAYS = 14;
export const EXPORT_STATUSES = ['pending', 'ready', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
