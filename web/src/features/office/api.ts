import { useQuery } from '@tanstack/react-query';
import type { NetworkOffice, UpdateOfficeBody } from '../../../../common/contracts/office.ts';
import { api } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const path = (slug: string) => `/networks/${encodeURIComponent(slug)}/office`;

/** Query keys of a network's office. */
export const officeKeys = {
  detail: (slug: string) => [...networkKeys.detail(slug), 'office'] as const,
};

export function useOffice(slug: string) {
  return useQuery({ queryKey: officeKeys.detail(slug), queryFn: () => api.get<NetworkOffice>(path(slug)) });
}
export const updateOffice = (slug: string, body: UpdateOfficeBody) =>
  api.put<NetworkOffice>(path(slug), body);
