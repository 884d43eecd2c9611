/** Passwords: long enough to resist guessing, short enough to keep scrypt input bounded. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
