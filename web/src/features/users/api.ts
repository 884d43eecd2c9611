import { useQuery } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  Me,
  Ok,
  SessionList,
  UpdateMeBody,
} from '../../../../common/contracts/auth.ts';
import { api } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

/** Query keys of the account (the signed-in user's own sessions). */
export const userKeys = {
  sessions: [...authKeys.me, 'sessions'] as const,
};

export const updateMe = (body: UpdateMeBody) => api.patch<Me>('/me', body);
export const changePassword = (body: ChangePasswordBody) => api.post<Ok>('/me/password', body);
export const revokeSession = (id: string) => api.delete<Ok>(`/me/sessions/${encodeURIComponent(id)}`);
export const revokeOtherSessions = () => api.delete<Ok>('/me/sessions');

export function useSessions() {
  return useQuery({ queryKey: userKeys.sessions, queryFn: () => api.get<SessionList>('/me/sessions') });
}
