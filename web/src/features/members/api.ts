import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AuditList,
  ChangeMemberBody,
  LeaveState,
  Member,
} from '../../../../common/contracts/networks.ts';
import { api, query } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

export type MemberPage = { members: Member[]; nextCursor: string | null };
export type AuditPage = z.infer<typeof AuditList>;

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

/** Query keys of a network's members and its audit log. */
export const memberKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'members'] as const,
  /** One role's members ('' for every role). */
  list: (slug: string, role: string) => [...memberKeys.all(slug), role] as const,
  audit: (slug: string) => [...networkKeys.detail(slug), 'audit'] as const,
  /** The caller's own "on leave until". */
  leave: (slug: string) => [...networkKeys.detail(slug), 'my-leave'] as const,
};

export function useMyLeave(slug: string) {
  return useQuery({
    queryKey: memberKeys.leave(slug),
    queryFn: () => api.get<LeaveState>(`${base(slug)}/members/me/leave`),
  });
}
export const setMyLeave = (slug: string, until: string | null) =>
  api.put<LeaveState>(`${base(slug)}/members/me/leave`, { until });

export function useMembers(slug: string, role: string, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: memberKeys.list(slug, role),
    queryFn: ({ pageParam }) =>
      api.get<MemberPage>(`${base(slug)}/members${query({ role, cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export const changeMember = (slug: string, userId: string, body: ChangeMemberBody) =>
  api.patch<Member>(`${base(slug)}/members/${encodeURIComponent(userId)}`, body);
export const removeMember = (slug: string, userId: string, reason: string) =>
  api.post<unknown>(`${base(slug)}/members/${encodeURIComponent(userId)}/remove`, { reason });
export const leaveNetwork = (slug: string) => api.post<unknown>(`${base(slug)}/leave`);

export function useAudit(slug: string) {
  return useInfiniteQuery({
    queryKey: memberKeys.audit(slug),
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>(`${base(slug)}/audit${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
