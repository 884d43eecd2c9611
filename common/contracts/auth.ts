import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, RECOVERY_CODE_COUNT, SIGN_IN_METHODS, TOTP_DIGITS } from '../auth.ts';
import { LOCALES } from '../locales.ts';
import { AcceptLegalBody } from './legal.ts';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth.ts';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
export const DisplayName = z.string().trim().min(1).max(80);
export const LocaleCode = z.enum(LOCALES);
export const Token = z.string().min(10).max(200);

export const RegisterBody = z.strictObject({
  email: Email,
  password: Password,
  displayName: DisplayName,
  locale: LocaleCode,
  /** The versions of the privacy notice and terms of use shown at sign-up (needed once published). */
  acceptedLegal: AcceptLegalBody.optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const VerifyEmailBody = z.strictObject({ token: Token });
export type VerifyEmailBody = z.infer<typeof VerifyEmailBody>;

/** A confirmed address; `application`: the network an application sent with the account went to. */
export const VerifyEmailResult = z.object({
  ok: z.literal(true),
  application: z.object({ network: z.object({ slug: z.string(), name: z.string() }) }).optional(),
});
export type VerifyEmailResult = z.infer<typeof VerifyEmailResult>;

/** A code from the authenticator app: six digits. */
export const TotpCode = z
  .string()
  .trim()
  .regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`));
/** A TOTP code, or a recovery code as printed (dashes and spaces are ignored). */
export const SecondFactorCode = z.string().trim().min(TOTP_DIGITS).max(40);

/**
 * `code`: a TOTP or recovery code sent with the password, which only matters while the account is
 * locked after wrong guesses — an account with a second factor signs in with both then.
 */
export const LoginBody = z.strictObject({
  email: Email,
  password: Password,
  code: SecondFactorCode.optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const PasswordResetRequestBody = z.strictObject({ email: Email });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>;

export const PasswordResetConfirmBody = z.strictObject({ token: Token, password: Password });
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBody>;

export const UpdateMeBody = z
  .strictObject({ displayName: DisplayName.optional(), locale: LocaleCode.optional() })
  .refine((body) => body.displayName !== undefined || body.locale !== undefined, {
    message: 'Nothing to change',
  });
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

/** `code`: as at sign-in, lets an account with a second factor through a lockout. */
export const ChangePasswordBody = z.strictObject({
  currentPassword: Password,
  newPassword: Password,
  code: SecondFactorCode.optional(),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: LocaleCode,
  emailVerified: z.boolean(),
  isPlatformAdmin: z.boolean(),
  createdAt: z.string(),
});
export type Me = z.infer<typeof Me>;

/** The answer to signing in: the account, and whether signing in cancelled its pending deletion. */
export const LoginAnswer = Me.extend({ deletionCancelled: z.boolean() });
export type LoginAnswer = z.infer<typeof LoginAnswer>;

/** Who is signed in on this browser: the account, or null for a visitor (not an error). */
export const CurrentSession = z.object({
  user: Me.nullable(),
  /** Signed in but refused everything until they set up a second factor, which the platform requires of their role. */
  secondFactorRequired: z.boolean().optional(),
});
export type CurrentSession = z.infer<typeof CurrentSession>;

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  signInMethod: z.enum(SIGN_IN_METHODS),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

export const SessionIdParams = z.strictObject({ id: z.string().min(1).max(64) });

/** Answer to register and reset requests: the same whether or not the address is known. */
export const Accepted = z.object({ status: z.literal('accepted') });
export type Accepted = z.infer<typeof Accepted>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const SetupBody = z.strictObject({
  token: Token,
  email: Email,
  password: Password,
  displayName: DisplayName,
  locale: LocaleCode,
  /** The versions of the privacy notice and terms of use shown, when any are published (as at sign-up). */
  acceptedLegal: AcceptLegalBody.optional(),
});
export type SetupBody = z.infer<typeof SetupBody>;

/** Answer to a correct password when the account has a second factor: finish with the code. */
export const SecondFactorRequired = z.object({
  status: z.literal('second_factor_required'),
  /** Opens the second step once, for a few minutes. */
  pendingToken: z.string(),
  methods: z.array(z.enum(['totp', 'recovery_code', 'passkey'])),
  expiresAt: z.string(),
});
export type SecondFactorRequired = z.infer<typeof SecondFactorRequired>;

export const LoginSecondFactorBody = z.strictObject({ pendingToken: Token, code: SecondFactorCode });
export type LoginSecondFactorBody = z.infer<typeof LoginSecondFactorBody>;

/** The account's second factors as its owner sees them (never the secret). */
export const TwoFactorStatus = z.object({
  totpEnabled: z.boolean(),
  totpEnabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

/** The start of TOTP enrolment: the secret to type in, the URI and the same as a QR code (SVG data URL). */
export const TotpEnrolment = z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const ConfirmTotpBody = z.strictObject({ code: TotpCode });
export type ConfirmTotpBody = z.infer<typeof ConfirmTotpBody>;

/** Recovery codes, shown this once. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const DisableTotpBody = z.strictObject({ currentPassword: Password, code: SecondFactorCode });
export type DisableTotpBody = z.infer<typeof DisableTotpBody>;
