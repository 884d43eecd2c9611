import { useQuery } from '@tanstack/react-query';
import type {
  DataExportState,
  DeleteAccountBody,
  DeletionState,
} from '../../../../common/contracts/account-data.ts';
import type {
  ChangePasswordBody,
  CurrentSession,
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
import type {
  PasskeyCreationOptions,
  PasskeyInfo,
  PasskeyList,
  PasskeyRegistrationBody,
  PasskeyRegistrationStartBody,
  RemovePasskeyBody,
} from '../../../../common/contracts/passkeys.ts';
import { authKeys } from '../auth/api.ts';

/** Query keys of the account (the signed-in user's own sessions). */
export const userKeys = {
  sessions: [...authKeys.me, 'sessions'] as const,
  twoFactor: [...authKeys.me, 'two-factor'] as const,
  dataExport: [...authKeys.me, 'export'] as const,
  deletion: [...authKeys.me, 'deletion'] as const,
  secondFactorGate: [...authKeys.me, 'second-factor-gate'] as const,
  passkeys: [...authKeys.me, 'passkeys'] as const,
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

export function usePasskeys() {
  return useQuery({ queryKey: userKeys.passkeys, queryFn: () => api.get<PasskeyList>('/me/passkeys') });
}
export const startPasskeyRegistration = (body: PasskeyRegistrationStartBody) =>
  api.post<PasskeyCreationOptions>('/me/passkeys/registration/options', body);
/** Adds the passkey the browser made (its answer goes to the server as the browser gave it). */
export const addPasskey = (name: string, credential: unknown) =>
  api.post<PasskeyInfo>('/me/passkeys', { name, credential } satisfies Omit<
    PasskeyRegistrationBody,
    'credential'
  > & {
    credential: unknown;
  });
export const renamePasskey = (id: string, name: string) =>
  api.patch<Ok>(`/me/passkeys/${encodeURIComponent(id)}`, { name });
export const removePasskey = (id: string, body: RemovePasskeyBody) =>
  api.post<Ok>(`/me/passkeys/${encodeURIComponent(id)}/remove`, body);

export function useSessions() {
  return useQuery({ queryKey: userKeys.sessions, queryFn: () => api.get<SessionList>('/me/sessions') });
}

export const requestDataExport = () => api.post<DataExportState>('/me/export');
export const deleteAccount = (body: DeleteAccountBody) => api.post<DeletionState>('/me/delete', body);

/** The latest data export; asked again every few seconds while it is being prepared. */
export function useDataExport() {
  return useQuery({
    queryKey: userKeys.dataExport,
    queryFn: () => api.get<DataExportState>('/me/export'),
    refetchInterval: (query) => (query.state.data?.export?.status === 'pending' ? 5000 : false),
  });
}

/** What deleting the account would do (the grace period, the networks handed over). */
export function useDeletionState() {
  return useQuery({ queryKey: userKeys.deletion, queryFn: () => api.get<DeletionState>('/me/delete') });
}

/** Whether the platform requires a second factor of the signed-in person's role and they have none yet. */
export function useSecondFactorGate(signedIn: boolean) {
  return useQuery({
    queryKey: userKeys.secondFactorGate,
    queryFn: async () => (await api.get<CurrentSession>('/session')).secondFactorRequired === true,
    enabled: signedIn,
    staleTime: 5 * 60_000,
  });
}
