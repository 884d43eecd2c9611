import { z } from 'zod';
import { PASSKEY_NAME_MAX_LENGTH } from '../auth.ts';
import { Password, SecondFactorCode, Token } from './auth.ts';

/**
 * Passkeys (WebAuthn): the ceremony options the server hands out and the browser's answers, in
 * the JSON form of the WebAuthn Level 3 `toJSON()` methods (what @simplewebauthn/browser sends).
 * Only the fields the server reads are spelled out; the rest passes through to the verifier.
 */
const Base64Url = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+$/);

export const PasskeyName = z.string().trim().min(1).max(PASSKEY_NAME_MAX_LENGTH);

/** Options for navigator.credentials.create(), for @simplewebauthn/browser's startRegistration. */
export const PasskeyCreationOptions = z.looseObject({
  challenge: Base64Url,
  rp: z.looseObject({ id: z.string().optional(), name: z.string() }),
  user: z.looseObject({ id: Base64Url, name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ type: z.string(), alg: z.number() })),
});
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>;

/** Options for navigator.credentials.get(), for @simplewebauthn/browser's startAuthentication. */
export const PasskeyRequestOptions = z.looseObject({
  challenge: Base64Url,
  rpId: z.string().optional(),
});
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>;

/** The browser's answer to navigator.credentials.create(). */
export const PasskeyRegistrationCredential = z.looseObject({
  id: Base64Url,
  rawId: Base64Url,
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: Base64Url,
    attestationObject: Base64Url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: z.looseObject({}),
});

/** The browser's answer to navigator.credentials.get(). */
export const PasskeyAssertionCredential = z.looseObject({
  id: Base64Url,
  rawId: Base64Url,
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: Base64Url,
    authenticatorData: Base64Url,
    signature: Base64Url,
    userHandle: Base64Url.optional(),
  }),
  clientExtensionResults: z.looseObject({}),
});

/** Adding a passkey starts with the password again: a borrowed session cannot add a way in. */
export const PasskeyRegistrationStartBody = z.strictObject({
  currentPassword: Password,
  code: SecondFactorCode.optional(),
});
export type PasskeyRegistrationStartBody = z.infer<typeof PasskeyRegistrationStartBody>;

export const PasskeyRegistrationBody = z.strictObject({
  name: PasskeyName,
  credential: PasskeyRegistrationCredential,
});
export type PasskeyRegistrationBody = z.infer<typeof PasskeyRegistrationBody>;

/** One passkey as its owner sees it (never the key). */
export const PasskeyInfo = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** Synced by its provider (for example to the person's other devices). */
  backedUp: z.boolean(),
});
export type PasskeyInfo = z.infer<typeof PasskeyInfo>;

export const PasskeyList = z.object({ passkeys: z.array(PasskeyInfo) });
export type PasskeyList = z.infer<typeof PasskeyList>;

export const PasskeyIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const RenamePasskeyBody = z.strictObject({ name: PasskeyName });
export type RenamePasskeyBody = z.infer<typeof RenamePasskeyBody>;

/** Removing a passkey asks for the password again (and a code, only while the account is locked). */
export const RemovePasskeyBody = z.strictObject({
  currentPassword: Password,
  code: SecondFactorCode.optional(),
});
export type RemovePasskeyBody = z.infer<typeof RemovePasskeyBody>;

/** A password-less sign-in: the passkey names the account. */
export const PasskeySignInBody = z.strictObject({ credential: PasskeyAssertionCredential });
export type PasskeySignInBody = z.infer<typeof PasskeySignInBody>;

/** The second step of a sign-in with a passkey instead of a code. */
export const PasskeySecondFactorStartBody = z.strictObject({ pendingToken: Token });
export type PasskeySecondFactorStartBody = z.infer<typeof PasskeySecondFactorStartBody>;

export const PasskeySecondFactorBody = z.strictObject({
  pendingToken: Token,
  credential: PasskeyAssertionCredential,
});
export type PasskeySecondFactorBody = z.infer<typeof PasskeySecondFactorBody>;
