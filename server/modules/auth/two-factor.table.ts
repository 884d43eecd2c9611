import type { Selectable } from 'kysely';

export interface UserTotpTable {
  userId: string;
  /** The shared secret (base32), sealed by totp-secrets.ts; never sent again after enrolment started. */
  secret: string;
  /** Null while enrolment waits for the first code. */
  confirmedAt: string | null;
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  lastUsedStep: number | null;
  createdAt: string;
}
export type UserTotpRow = Selectable<UserTotpTable>;

export interface UserRecoveryCodesTable {
  id: string;
  userId: string;
  /** SHA-256 of the normalised code; the code itself is shown once. */
  codeHash: string;
  usedAt: string | null;
  createdAt: string;
}
export type UserRecoveryCodeRow = Selectable<UserRecoveryCodesTable>;
