import { HOUR, MINUTE } from '../../lib/time.ts';
import type { RateRule } from '../../platform/rate-limit/index.ts';

/** Limits on sign-in, registration and mails, per IP or per account. */
export const RATE_RULES = {
  loginPerIp: { limit: 30, windowMs: 15 * MINUTE },
  loginFailuresPerAccount: { limit: 10, windowMs: 15 * MINUTE },
  registerPerIp: { limit: 10, windowMs: HOUR },
  mailsPerAccount: { limit: 3, windowMs: HOUR },
  resetPerIp: { limit: 10, windowMs: HOUR },
  /** Wrong TOTP or recovery codes: limited like wrong passwords. */
  secondFactorFailuresPerAccount: { limit: 10, windowMs: 15 * MINUTE },
} satisfies Record<string, RateRule>;
