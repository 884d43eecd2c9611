import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  BadgeList,
  BulkSendResult,
  CreateMoocSessionBody,
  GraduateList,
  GraduateStatus,
  ImportResult,
  MoocSession,
  MoocSessionList,
  UpdateMoocSessionBody,
} from '../../../../common/contracts/mooc.ts';
import { api, query } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/mooc-sessions`;
const sessionPath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

/** Query keys of a network's MOOC sessions (every one under `all`) and of its members' badges. */
export const moocKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'mooc'] as const,
  list: (slug: string) => [...moocKeys.all(slug), 'list'] as const,
  session: (slug: string, id: string) => [...moocKeys.all(slug), 'session', id] as const,
  graduates: (slug: string, id: string, status: GraduateStatus | '') =>
    [...moocKeys.all(slug), 'graduates', id, status] as const,
  badges: (slug: string) => [...networkKeys.detail(slug), 'badges'] as const,
};

export function useMoocSessions(slug: string) {
  return useQuery({
    queryKey: moocKeys.list(slug),
    queryFn: () => api.get<MoocSessionList>(base(slug)),
  });
}

export function useMoocSession(slug: string, id: string) {
  return useQuery({
    queryKey: moocKeys.session(slug, id),
    queryFn: () => api.get<MoocSession>(sessionPath(slug, id)),
  });
}

export function useGraduates(slug: string, id: string, status: GraduateStatus | '') {
  return useInfiniteQuery({
    queryKey: moocKeys.graduates(slug, id, status),
    queryFn: ({ pageParam }) =>
      api.get<GraduateList>(
        `${sessionPath(slug, id)}/graduates${query({ status, cursor: pageParam, limit: 100 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const createMoocSession = (slug: string, body: CreateMoocSessionBody) =>
  api.post<MoocSession>(base(slug), body);
export const updateMoocSession = (slug: string, id: string, body: UpdateMoocSessionBody) =>
  api.patch<MoocSession>(sessionPath(slug, id), body);

/** The file goes as it is (text/csv); the server reads BOMs, separators and header names. */
const csv = (file: Blob) => new Blob([file], { type: 'text/csv' });
export const previewImport = (slug: string, id: string, file: Blob) =>
  api.post<ImportResult>(`${sessionPath(slug, id)}/import/preview`, csv(file));
export const importGraduates = (slug: string, id: string, file: Blob) =>
  api.post<ImportResult>(`${sessionPath(slug, id)}/import`, csv(file));

export const inviteGraduates = (slug: string, id: string) =>
  api.post<BulkSendResult>(`${sessionPath(slug, id)}/invitations`, {});
export const remindGraduates = (slug: string, id: string) =>
  api.post<BulkSendResult>(`${sessionPath(slug, id)}/reminders`);
export const markBounced = (slug: string, id: string, graduateId: string) =>
  api.post<unknown>(`${sessionPath(slug, id)}/graduates/${encodeURIComponent(graduateId)}/bounced`);

/** Badges of the network's members, by user id (joined with member lists and directory cards). */
export function useBadges(slug: string, enabled = true) {
  return useQuery({
    queryKey: moocKeys.badges(slug),
    queryFn: () => api.get<BadgeList>(`/networks/${encodeURIComponent(slug)}/badges`),
    enabled,
    select: (data) => new Map(data.badges.map((b) => [b.userId, b])),
  });
}
