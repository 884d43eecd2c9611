import { useQuery } from '@tanstack/react-query';
import type {
  AcceptedInvitation,
  AcceptInvitationBody,
  Application,
  CreateApplicationBody,
  CreatedInvitation,
  CreateInvitationBody,
  InvitationList,
  InvitationPreview,
  MyApplication,
} from '../../../../common/contracts/invitations.ts';
import { api, query } from '../../lib/api-client.ts';

export type { Application, InvitationPreview, MyApplication };

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

export function useInvitations(slug: string, status: 'pending' | 'all') {
  return useQuery({
    queryKey: ['network', slug, 'invitations', status],
    queryFn: () => api.get<InvitationList>(`${base(slug)}/invitations${query({ status, limit: 100 })}`),
  });
}
export const createInvitation = (slug: string, body: CreateInvitationBody) =>
  api.post<CreatedInvitation>(`${base(slug)}/invitations`, body);
export const revokeInvitation = (slug: string, id: string) =>
  api.delete<unknown>(`${base(slug)}/invitations/${encodeURIComponent(id)}`);

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
  });
}
export const acceptInvitation = (token: string, body?: AcceptInvitationBody) =>
  api.post<AcceptedInvitation>(`/invitations/${encodeURIComponent(token)}/accept`, body);

export function useApplications(slug: string, status: 'pending' | 'approved' | 'declined') {
  return useQuery({
    queryKey: ['network', slug, 'applications', status],
    queryFn: () =>
      api.get<{ applications: Application[] }>(`${base(slug)}/applications${query({ status, limit: 100 })}`),
  });
}
export const applyToNetwork = (slug: string, body: CreateApplicationBody) =>
  api.post<unknown>(`${base(slug)}/applications`, body);
export const decideApplication = (
  slug: string,
  id: string,
  decision: 'approve' | 'decline',
  message?: string,
) =>
  api.post<unknown>(`${base(slug)}/applications/${encodeURIComponent(id)}/decision`, {
    decision,
    ...(message?.trim() ? { message: message.trim() } : {}),
  });

export const myApplicationsKey = ['me', 'applications'] as const;
export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: myApplicationsKey,
    queryFn: () => api.get<{ applications: MyApplication[] }>('/me/applications'),
    enabled,
  });
}
export const withdrawApplication = (id: string) =>
  api.delete<unknown>(`/me/applications/${encodeURIComponent(id)}`);
