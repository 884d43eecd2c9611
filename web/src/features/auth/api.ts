import { useQuery } from '@tanstack/react-query';
import type {
  Accepted,
  CurrentSession,
  LoginAnswer,
  LoginBody,
  LoginSecondFactorBody,
  Me,
  Ok,
  VerifyEmailResult,
  PasswordResetConfirmBody,
  RegisterBody,
  SecondFactorRequired,
} from '../../../../common/contracts/auth.ts';
import type { PasskeyRequestOptions } from '../../../../common/contracts/passkeys.ts';
import { api } from '../../lib/api-client.ts';
import { signWithPasskey } from '../../lib/webauthn.ts';

/**
 * Query keys of the signed-in user. `me` is who is signed in; everything that is theirs alone
 * (conversations, notifications, their networks, …) has a key under it and is dropped at sign-out.
 */
export const authKeys = {
  me: ['me'] as const,
};

/**
 * The signed-in user, or null when nobody is signed in. Asks `/api/session`, which answers a
 * visitor with `{ user: null }` (200) — `/api/me` would answer 401 and log an error on every page.
 */
export async function fetchMe(): Promise<Me | null> {
  const { user } = await api.get<CurrentSession>('/session');
  return user;
}

export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export const register = (body: RegisterBody) => api.post<Accepted>('/auth/register', body);
export const verifyEmail = (token: string) => api.post<VerifyEmailResult>('/auth/verify-email', { token });
export const resendVerification = () => api.post<Accepted>('/auth/verify-email/resend');
/** The account, or — when it has a second factor — the pending sign-in that waits for the code. */
export const signIn = (body: LoginBody) => api.post<LoginAnswer | SecondFactorRequired>('/auth/login', body);
export const finishSignIn = (body: LoginSecondFactorBody) =>
  api.post<LoginAnswer>('/auth/login/second-factor', body);

/** A password-less sign-in: options from the server, the browser's passkey, the account. */
export async function signInWithPasskey(notUsed: string): Promise<LoginAnswer> {
  const options = await api.post<PasskeyRequestOptions>('/auth/passkey/options');
  const credential = await signWithPasskey(options, notUsed);
  return api.post<LoginAnswer>('/auth/passkey', { credential });
}

/** The second step of a sign-in with one of the account's passkeys instead of a code. */
export async function finishSignInWithPasskey(pendingToken: string, notUsed: string): Promise<LoginAnswer> {
  const options = await api.post<PasskeyRequestOptions>('/auth/login/second-factor/passkey/options', {
    pendingToken,
  });
  const credential = await signWithPasskey(options, notUsed);
  return api.post<LoginAnswer>('/auth/login/second-factor/passkey', { pendingToken, credential });
}

/**
 * The sign-in's body from the form: the code only when one was typed (it lets an account with a
 * second factor through a lockout after wrong guesses).
 */
export function loginBody(values: { email: string; password: string; code?: string }): LoginBody {
  const code = values.code?.trim() ?? '';
  return { email: values.email, password: values.password, ...(code !== '' && { code }) };
}

/** Whether a sign-in answer asks for the second factor. */
export function needsSecondFactor(
  answer: LoginAnswer | SecondFactorRequired,
): answer is SecondFactorRequired {
  return 'status' in answer && answer.status === 'second_factor_required';
}
export const signOut = () => api.post<Ok>('/auth/logout');
export const requestPasswordReset = (email: string) =>
  api.post<Accepted>('/auth/password-reset/request', { email });
export const confirmPasswordReset = (body: PasswordResetConfirmBody) =>
  api.post<Ok>('/auth/password-reset/confirm', body);
