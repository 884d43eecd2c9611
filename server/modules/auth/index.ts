/** Accounts and signing in: registration, e-mail verification, passwords, the account routes. */

export { authRoutes } from './auth.routes.ts';
export {
  assertCurrentPassword,
  assertStrongPassword,
  localeOf,
  RATE_RULES,
  registerUser,
  resendVerification,
} from './auth.service.ts';
export { whenEmailVerified } from './email-verified.ts';
export { deviceTokenOf } from './device-cookie.ts';
export { meRoutes } from './me.routes.ts';
export { hashPassword } from './password.ts';
export { assertSecondFactor } from './second-factor.ts';
export { passkeyRoutes } from './passkeys.routes.ts';
export { twoFactorRoutes } from './two-factor.routes.ts';
