/** Passwords: long enough to resist guessing, short enough to keep scrypt input bounded. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** How a session signed in: shown in the sessions list (PRODUCT F4, two-factor sign-in). */
export const SIGN_IN_METHODS = ['password', 'password_totp', 'recovery_code', 'passkey'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Recovery codes handed out when TOTP is turned on; each opens one sign-in. */
export const RECOVERY_CODE_COUNT = 10;
/** A TOTP code: six digits (RFC 6238 with SHA-1 and 30-second steps, what every authenticator app reads). */
export const TOTP_DIGITS = 6;
