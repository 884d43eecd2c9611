import { useQuery } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  DisableTotpBody,
  Me,
  Ok,
  RecoveryCodes,
  SessionList,
  TotpEnrolment,
  TwoFactorStatus,
  UpdateMeBody,
} from '../../../../common/contracts/auth.ts';
import { api } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

/** Query keys of the account (the signed-in user's own sessions). */
export const userKeys = {
  sessions: [...authKeys.me, 'sessions'] as const,
  twoFactor: [...authKeys.me, 'two-factor'] as const,
};

export const updateMe = (body: UpdateMeBody) => api.patch<Me>('/me', body);
export const changePassword = (body: ChangePasswordBody) => api.post<Ok>('/me/password', body);
export const revokeSession = (id: string) => api.delete<Ok>(`/me/sessions/${encodeURIComponent(id)}`);
export const revokeOtherSessions = () => api.delete<Ok>('/me/sessions');

export const startTotp = () => api.post<TotpEnrolment>('/me/two-factor/totp');
export const confirmTotp = (code: string) => api.post<RecoveryCodes>('/me/two-factor/totp/confirm', { code });
export const disableTotp = (body: DisableTotpBody) => api.post<Ok>('/me/two-factor/totp/disable', body);
export const renewRecoveryCodes = (code: string) =>
  api.post<RecoveryCodes>('/me/two-factor/recovery-codes', { code });

export function useTwoFactor() {
  return useQuery({
    queryKey: userKeys.twoFactor,
    queryFn: () => api.get<TwoFactorStatus>('/me/two-factor'),
  });
}

export function useSessions() {
  return useQuery({ queryKey: userKeys.sessions, queryFn: () => api.get<SessionList>('/me/sessions') });
}
