import type { Generated, Selectable } from 'kysely';

export interface PasskeysTable {
  id: string;
  userId: string;
  /** The credential's id as the authenticator gives it (base64url); unique across the platform. */
  credentialId: string;
  /** The COSE public key (base64url); the private key never leaves the authenticator. */
  publicKey: string;
  /** The signature counter last seen (0 for authenticators that do not count, as most passkeys). */
  counter: Generated<number>;
  /** JSON array of the transports the authenticator named (usb, internal, hybrid, …). */
  transports: Generated<string>;
  /** 1 when the passkey is synced (backed up) by its provider. */
  backedUp: Generated<number>;
  /** The owner's own name for it, shown in the list. */
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export type PasskeyRow = Selectable<PasskeysTable>;

/** What a challenge was handed out for: adding a passkey, signing in with one, or a sign-in's second step. */
export type ChallengePurpose = 'register' | 'sign_in' | 'second_factor';

export interface WebauthnChallengesTable {
  /** The random challenge (base64url) the browser signs; used once. */
  challenge: string;
  purpose: ChallengePurpose;
  /** The account the ceremony is for; null for a password-less sign-in (the passkey names it). */
  userId: string | null;
  expiresAt: string;
  createdAt: string;
}
export type WebauthnChallengeRow = Selectable<WebauthnChallengesTable>;
