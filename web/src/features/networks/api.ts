import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  AcceptanceReport,
  NetworkDocument,
  NetworkDocuments,
} from '../../../../common/contracts/documents.ts';
import type {
  AuditList,
  ChangeMemberBody,
  CreateNetworkBody,
  Member,
  Network,
  NetworkList,
  UpdateNetworkBody,
} from '../../../../common/contracts/networks.ts';
import type { NetworkOffice, UpdateOfficeBody } from '../../../../common/contracts/office.ts';
import type { NetworkAction } from '../../../../common/permissions.ts';
import { api, query } from '../../lib/api-client.ts';
import type { z } from 'zod';

type Page<K extends string, T> = { [key in K]: T[] } & { nextCursor: string | null };
export type MemberPage = Page<'members', Member>;
export type AuditPage = z.infer<typeof AuditList>;
export type NetworkSummary = z.infer<typeof NetworkList>['networks'][number];

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

export const networkKey = (slug: string) => ['network', slug] as const;
export const myNetworksKey = ['me', 'networks'] as const;

export function useNetwork(slug: string) {
  return useQuery({ queryKey: networkKey(slug), queryFn: () => api.get<Network>(base(slug)) });
}

export function can(network: Network | undefined, action: NetworkAction): boolean {
  return network?.viewer.permissions.includes(action) ?? false;
}

export function useMyNetworks() {
  return useQuery({
    queryKey: myNetworksKey,
    queryFn: () => api.get<{ networks: NetworkSummary[] }>('/me/networks'),
  });
}

export function usePublicNetworks() {
  return useInfiniteQuery({
    queryKey: ['networks', 'public'],
    queryFn: ({ pageParam }) =>
      api.get<Page<'networks', NetworkSummary>>(`/networks${query({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const foundNetwork = (orgSlug: string, body: CreateNetworkBody) =>
  api.post<Network>(`/organisations/${encodeURIComponent(orgSlug)}/networks`, body);
export const updateNetwork = (slug: string, body: UpdateNetworkBody) => api.patch<Network>(base(slug), body);
export const addNetworkOrganisation = (slug: string, organisationSlug: string) =>
  api.post<Network>(`${base(slug)}/organisations`, { organisationSlug });
export const removeNetworkOrganisation = (slug: string, orgSlug: string) =>
  api.delete<Network>(`${base(slug)}/organisations/${encodeURIComponent(orgSlug)}`);
export const appointMetaMentor = (slug: string, email: string) =>
  api.post<{ status: 'appointed' | 'invited' }>(`${base(slug)}/meta-mentors`, { email });

// Members
export function useMembers(slug: string, role: string) {
  return useInfiniteQuery({
    queryKey: ['network', slug, 'members', role],
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
    queryKey: ['network', slug, 'audit'],
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>(`${base(slug)}/audit${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

// Agreement and rules
export const documentsKey = (slug: string) => ['network', slug, 'documents'] as const;
export function useDocuments(slug: string) {
  return useQuery({
    queryKey: documentsKey(slug),
    queryFn: () => api.get<NetworkDocuments>(`${base(slug)}/documents`),
  });
}
/** A published version as the history lists it. */
export type DocumentVersion = Omit<NetworkDocument, 'acceptedAt'>;
/** Every version of the agreement or the rules, newest first (under documentsKey: a publish refreshes it). */
export function useDocumentVersions(slug: string, kind: string) {
  return useQuery({
    queryKey: [...documentsKey(slug), kind, 'versions'],
    queryFn: () => api.get<{ versions: DocumentVersion[] }>(`${base(slug)}/documents/${kind}/versions`),
  });
}
export const acceptDocuments = (slug: string, agreementVersion: number, rulesVersion: number) =>
  api.post<unknown>(`${base(slug)}/documents/accept`, { agreementVersion, rulesVersion });
export const publishDocument = (slug: string, kind: string, body: { title: string; body: string }) =>
  api.post<{ version: number }>(`${base(slug)}/documents/${kind}`, body);
export function useAcceptances(slug: string) {
  return useQuery({
    queryKey: ['network', slug, 'acceptances'],
    queryFn: () => api.get<AcceptanceReport>(`${base(slug)}/documents/acceptances`),
  });
}

// Office
export function useOffice(slug: string) {
  return useQuery({
    queryKey: ['network', slug, 'office'],
    queryFn: () => api.get<NetworkOffice>(`${base(slug)}/office`),
  });
}
export const updateOffice = (slug: string, body: UpdateOfficeBody) =>
  api.put<NetworkOffice>(`${base(slug)}/office`, body);
