import { useQuery } from '@tanstack/react-query';
import type { Directory, Profile, UpdateProfileBody } from '../../../../common/contracts/profiles.ts';
import { api, query } from '../../lib/api-client.ts';

export const profileKey = ['me', 'profile'] as const;

export function useMyProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => api.get<Profile>('/me/profile') });
}
export const saveProfile = (body: UpdateProfileBody) => api.put<Profile>('/me/profile', body);
export function uploadAvatar(file: File) {
  const data = new FormData();
  data.append('file', file);
  return api.put<Profile>('/me/avatar', data);
}
export const deleteAvatar = () => api.delete<Profile>('/me/avatar');

export interface DirectoryFilters {
  language?: string;
  expertise?: string;
  level?: string;
  region?: string;
  q?: string;
}
export const fetchDirectory = (slug: string, filters: DirectoryFilters, cursor?: string) =>
  api.get<Directory>(
    `/networks/${encodeURIComponent(slug)}/directory${query({ ...filters, cursor, limit: 20 })}`,
  );

export const userProfileKey = (userId: string) => ['user', userId, 'profile'] as const;
/** Another person's profile, as far as its visibility lets the viewer see it (404 otherwise). */
export const fetchUserProfile = (userId: string) =>
  api.get<Profile>(`/users/${encodeURIComponent(userId)}/profile`);
export function useUserProfile(userId: string) {
  return useQuery({ queryKey: userProfileKey(userId), queryFn: () => fetchUserProfile(userId) });
}
