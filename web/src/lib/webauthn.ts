import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';

/**
 * A passkey ceremony the browser ended without a credential (the person cancelled, no passkey
 * was there, the browser cannot): the form shows its message as it is, above the fields.
 */
export class PasskeyNotUsed extends Error {
  override toString() {
    return this.message;
  }
}

/** Whether this browser can use passkeys at all. */
export const canUsePasskeys = () => browserSupportsWebAuthn();

async function ceremony<T>(run: () => Promise<T>, message: string): Promise<T> {
  try {
    return await run();
  } catch {
    throw new PasskeyNotUsed(message);
  }
}

/** navigator.credentials.create() with the server's options; `message` if no passkey came of it. */
export function createPasskey(options: unknown, message: string) {
  return ceremony(
    () => startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON }),
    message,
  );
}

/** navigator.credentials.get() with the server's options; `message` if no passkey answered. */
export function signWithPasskey(options: unknown, message: string) {
  return ceremony(
    () => startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON }),
    message,
  );
}
