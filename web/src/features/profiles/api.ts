import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Directory, Profile, UpdateProfileBody } from '../../../../common/contracts/profiles.ts';
import { api, query } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';
import { networkKeys } from '../networks/api.ts';

export interface DirectoryFilters {
  language?: string;
  expertise?: string;
  level?: string;
  region?: string;
  q?: string;
  buddy?: string;
}

/** Query keys of profiles: the signed-in user's own, another person's, and a network's directory. */
export const profileKeys = {
  mine: [...authKeys.me, 'profile'] as const,
  user: (userId: string) => ['user', userId, 'profile'] as const,
  directory: (slug: string, filters: DirectoryFilters) =>
    [...networkKeys.detail(slug), 'directory', filters] as const,
};

export function useMyProfile() {
  return useQuery({ queryKey: profileKeys.mine, queryFn: () => api.get<Profile>('/me/profile') });
}
export const saveProfile = (body: UpdateProfileBody) => api.put<Profile>('/me/profile', body);
export function uploadAvatar(file: File) {
  const data = new FormData();
  data.append('file', file);
  return api.put<Profile>('/me/avatar', data);
}
export const deleteAvatar = () => api.delete<Profile>('/me/avatar');

/** Members of a network with their profiles, page by page. */
export function useDirectory(slug: string, filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: profileKeys.directory(slug, filters),
    queryFn: ({ pageParam }) =>
      api.get<Directory>(
        `/networks/${encodeURIComponent(slug)}/directory${query({ ...filters, cursor: pageParam, limit: 20 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Another person's profile, as far as its visibility lets the viewer see it (404 otherwise). */
export const fetchUserProfile = (userId: string) =>
  api.get<Profile>(`/users/${encodeURIComponent(userId)}/profile`);
export function useUserProfile(userId: string) {
  return useQuery({ queryKey: profileKeys.user(userId), queryFn: () => fetchUserProfile(userId) });
}
