import { useQuery } from '@tanstack/react-query';
import type {
  Accepted,
  CurrentSession,
  LoginAnswer,
  LoginBody,
  Me,
  Ok,
  PasswordResetConfirmBody,
  RegisterBody,
} from '../../../../common/contracts/auth.ts';
import { api } from '../../lib/api-client.ts';

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
export const verifyEmail = (token: string) => api.post<Ok>('/auth/verify-email', { token });
export const resendVerification = () => api.post<Accepted>('/auth/verify-email/resend');
export const signIn = (body: LoginBody) => api.post<LoginAnswer>('/auth/login', body);
export const signOut = () => api.post<Ok>('/auth/logout');
export const requestPasswordReset = (email: string) =>
  api.post<Accepted>('/auth/password-reset/request', { email });
export const confirmPasswordReset = (body: PasswordResetConfirmBody) =>
  api.post<Ok>('/auth/password-reset/confirm', body);
