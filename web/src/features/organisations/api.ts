import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateOrganisationBody,
  NetworkList,
  Organisation,
  OrganisationAdmins,
  UpdateOrganisationBody,
} from '../../../../common/contracts/networks.ts';
import { api } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

export type OrganisationAdminList = z.infer<typeof OrganisationAdmins>;

const base = (slug: string) => `/organisations/${encodeURIComponent(slug)}`;
/** Query keys of organisations: `detail(slug)` is the organisation and the root of its networks and admins. */
export const organisationKeys = {
  detail: (slug: string) => ['organisation', slug] as const,
  networks: (slug: string) => [...organisationKeys.detail(slug), 'networks'] as const,
  admins: (slug: string) => [...organisationKeys.detail(slug), 'admins'] as const,
  mine: [...authKeys.me, 'organisations'] as const,
};

export function useMyOrganisations() {
  return useQuery({
    queryKey: organisationKeys.mine,
    queryFn: () => api.get<{ organisations: Organisation[] }>('/me/organisations'),
  });
}
export function useOrganisation(slug: string) {
  return useQuery({
    queryKey: organisationKeys.detail(slug),
    queryFn: () => api.get<Organisation>(base(slug)),
  });
}
export function useOrganisationNetworks(slug: string) {
  return useQuery({
    queryKey: organisationKeys.networks(slug),
    queryFn: () => api.get<z.infer<typeof NetworkList>>(`${base(slug)}/networks`),
  });
}
export function useOrganisationAdmins(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.admins(slug),
    queryFn: () => api.get<OrganisationAdminList>(`${base(slug)}/admins`),
    enabled,
  });
}

export const createOrganisation = (body: CreateOrganisationBody) =>
  api.post<Organisation>('/organisations', body);
export const updateOrganisation = (slug: string, body: UpdateOrganisationBody) =>
  api.patch<Organisation>(base(slug), body);
export const addOrganisationAdmin = (slug: string, email: string) =>
  api.post<unknown>(`${base(slug)}/admins`, { email });
export const removeOrganisationAdmin = (slug: string, userId: string) =>
  api.delete<unknown>(`${base(slug)}/admins/${encodeURIComponent(userId)}`);
export const verifyOrganisation = (slug: string, verified: boolean) =>
  api.post<Organisation>(`${base(slug)}/verification`, { verified });
