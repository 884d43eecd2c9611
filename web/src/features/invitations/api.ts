import { useQuery } from '@tanstack/react-query';
import type {
  AcceptedInvitation,
  AcceptInvitationBody,
  CreatedInvitation,
  CreateInvitationBody,
  InvitationList,
  InvitationPreview,
} from '../../../../common/contracts/invitations.ts';
import { api, query } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

export type { InvitationPreview };

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

/** Query keys of a network's invitations, and of one invitation as its link opens it. */
export const invitationKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'invitations'] as const,
  list: (slug: string, status: 'pending' | 'all') => [...invitationKeys.all(slug), status] as const,
  preview: (token: string) => ['invitation', token] as const,
};

export function useInvitations(slug: string, status: 'pending' | 'all', enabled = true) {
  return useQuery({
    enabled,
    queryKey: invitationKeys.list(slug, status),
    queryFn: () => api.get<InvitationList>(`${base(slug)}/invitations${query({ status, limit: 100 })}`),
  });
}
export const createInvitation = (slug: string, body: CreateInvitationBody) =>
  api.post<CreatedInvitation>(`${base(slug)}/invitations`, body);
export const revokeInvitation = (slug: string, id: string) =>
  api.delete<unknown>(`${base(slug)}/invitations/${encodeURIComponent(id)}`);

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: () => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
  });
}
export const acceptInvitation = (token: string, body?: AcceptInvitationBody) =>
  api.post<AcceptedInvitation>(`/invitations/${encodeURIComponent(token)}/accept`, body);
