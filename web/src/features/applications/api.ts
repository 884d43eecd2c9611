import { useQuery } from '@tanstack/react-query';
import type { Accepted } from '../../../../common/contracts/auth.ts';
import type {
  Application,
  ApplyWithAccountBody,
  CreateApplicationBody,
  MyApplication,
} from '../../../../common/contracts/invitations.ts';
import { api, query } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';
import { networkKeys } from '../networks/api.ts';

export type { Application, MyApplication };

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/applications`;

/** Query keys of a network's applications (as its staff see them) and of the signed-in user's own. */
export const applicationKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'applications'] as const,
  list: (slug: string, status: 'pending' | 'approved' | 'declined') =>
    [...applicationKeys.all(slug), status] as const,
  mine: [...authKeys.me, 'applications'] as const,
};

export function useApplications(slug: string, status: 'pending' | 'approved' | 'declined') {
  return useQuery({
    queryKey: applicationKeys.list(slug, status),
    queryFn: () => api.get<{ applications: Application[] }>(`${base(slug)}${query({ status, limit: 100 })}`),
  });
}
export const applyToNetwork = (slug: string, body: CreateApplicationBody) =>
  api.post<unknown>(base(slug), body);
/** A visitor applies and creates the account in one step (sent on once the address is confirmed). */
export const applyWithAccount = (slug: string, body: ApplyWithAccountBody) =>
  api.post<Accepted>(`${base(slug)}/with-account`, body);
export const decideApplication = (
  slug: string,
  id: string,
  decision: 'approve' | 'decline',
  message?: string,
) =>
  api.post<unknown>(`${base(slug)}/${encodeURIComponent(id)}/decision`, {
    decision,
    ...(message?.trim() ? { message: message.trim() } : {}),
  });

export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: applicationKeys.mine,
    queryFn: () => api.get<{ applications: MyApplication[] }>('/me/applications'),
    enabled,
  });
}
export const withdrawApplication = (id: string) =>
  api.delete<unknown>(`/me/applications/${encodeURIComponent(id)}`);
