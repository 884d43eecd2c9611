/** A graduates file may hold at most this many bytes and data rows (a MOOC cohort is far smaller). */
export const MOOC_CSV_MAX_BYTES = 2 * 1024 * 1024;
export const MOOC_CSV_MAX_ROWS = 10_000;

/**
 * Where a graduate stands. `expired` is reported for an invited or reminded graduate whose
 * invitation ran out without them joining; `bounced` is set by staff when the mail came back.
 */
export const GRADUATE_STATUSES = ['imported', 'invited', 'reminded', 'joined', 'expired', 'bounced'] as const;

/** Why a row of the file will not be imported. */
export const IMPORT_PROBLEMS = [
  'email_missing',
  'email_invalid',
  'name_missing',
  'date_invalid',
  /** A completion report's row of someone who did not complete the course. */
  'not_completed',
  'duplicate_in_file',
  'already_imported',
  'already_member',
] as const;

/** Notes that do not stop a row, e.g. a language code nobody knows (the network's is used). */
export const IMPORT_WARNINGS = ['language_unknown'] as const;

/** Kinds of member badges (one so far: graduate of a MOOC session). */
export const BADGE_KINDS = ['mooc_graduate'] as const;
