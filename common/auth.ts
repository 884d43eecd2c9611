/** Passwords: long enough to resist guessing, short enough to keep scrypt input bounded. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** How a session signed in: shown in the sessions list (PRODUCT F4, two-factor sign-in). */
export const SIGN_IN_METHODS = [
  'password',
  'password_totp',
  'recovery_code',
  'passkey',
  'password_passkey',
] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Recovery codes handed out when TOTP is turned on; each opens one sign-in. */
export const RECOVERY_CODE_COUNT = 10;
/** A TOTP code: six digits (RFC 6238 with SHA-1 and 30-second steps, what every authenticator app reads). */
export const TOTP_DIGITS = 6;
/** The longest name a person may give one of their passkeys. */
export const PASSKEY_NAME_MAX_LENGTH = 60;
/** How long the options of a passkey ceremony (its challenge) stay usable. */
export const PASSKEY_CHALLENGE_TTL_MINUTES = 5;
