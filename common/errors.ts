/**
 * Stable error codes of the API. Clients switch on `code`, never on the message text.
 * Each code has a translated message under `errors.<CODE>` in every catalogue.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'WEAK_PASSWORD',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  'EMAIL_TAKEN',
  'SETUP_DONE',
  'SETUP_TOKEN_INVALID',
  'ACCOUNT_SUSPENDED',
  'AGREEMENT_REQUIRED',
  'SLUG_TAKEN',
  'LAST_META_MENTOR',
  'ALREADY_MEMBER',
  'NOT_A_MEMBER',
  'USER_NOT_FOUND',
  'DOCUMENT_CHANGED',
  'INVITATION_INVALID',
  'INVITATION_EXPIRED',
  'INVITATION_REVOKED',
  'INVITATION_USED',
  'INVITATION_WRONG_ACCOUNT',
  'APPLICATION_EXISTS',
  'APPLICATION_DECIDED',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE_TYPE',
  'NO_SHARED_NETWORK',
  'GROUP_FULL',
  'NOT_A_GROUP',
  'MENTION_NOT_MEMBER',
  'TOPIC_LOCKED',
  'SPACE_ARCHIVED',
  'ATTACHMENT_INVALID',
  'CSV_EMPTY',
  'CSV_INVALID',
  'CSV_COLUMNS_MISSING',
  'CSV_TOO_MANY_ROWS',
  'PHASE_NOT_ADJACENT',
  'GOAL_ARCHIVED',
  'BUDDY_NOT_BEGINNER',
  'BUDDY_NOT_EXPERIENCED',
  'BUDDY_NOT_OPEN',
  'BUDDY_PAIR_EXISTS',
  'BUDDY_PAIR_CHANGED',
  'INVALID_CHARACTER',
  'UPLOAD_INCOMPLETE',
  'PRIVACY_FINDINGS',
  'HELP_REQUEST_CHANGED',
  'LEAVE_DATE_INVALID',
  'EVENT_CLOSED',
  'EVENT_NOT_STARTED',
  'RESOURCE_EDIT_CONFLICT',
  'JOB_NOT_FOUND',
  'MEMBER_SUSPENDED',
  'USER_BLOCKED',
  'REPORT_EXISTS',
  'PDF_UNAVAILABLE',
  'DIRECTORY_ENTRY_NOT_CURATED',
  'DIRECTORY_CLAIM_EXISTS',
  'DIRECTORY_CLAIM_DECIDED',
  'PROGRESSION_NOT_SUGGESTED',
  'DEPUTY_SELF',
  'SECOND_FACTOR_INVALID',
  'TWO_FACTOR_ALREADY_ON',
  'TWO_FACTOR_NOT_STARTED',
  'TWO_FACTOR_OFF',
  'PUSH_ENDPOINT_REFUSED',
  'EXPORT_IN_PROGRESS',
  'EXPORT_EXPIRED',
  'HANDOVER_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape every endpoint answers with. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ApiErrorBody).error?.code === 'string'
  );
}
