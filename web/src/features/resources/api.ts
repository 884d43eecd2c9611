import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Attachment } from '../../../../common/contracts/discussions.ts';
import type { Network } from '../../../../common/contracts/networks.ts';
import type {
  CreateResourceBody,
  Resource,
  ResourceConflict,
  ResourceList,
  RevisionDetail,
  RevisionList,
  StartHereList,
  UpdateResourceBody,
} from '../../../../common/contracts/resources.ts';
import type { ResourceKind } from '../../../../common/resources.ts';
import { api, isApiError, query } from '../../lib/api-client.ts';
import { can, networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/resources`;
const resourcePath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

/** The list filters the resources page offers (the API's list query). */
export interface ResourceFilters {
  kind?: ResourceKind;
  tag?: string;
  language?: string;
  expertise?: string;
  text?: string;
}

/** Query keys of a network's resources: everything lies under `all`, so one invalidation reaches it. */
export const resourceKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'resources'] as const,
  list: (slug: string, filters: ResourceFilters) => [...resourceKeys.all(slug), 'list', filters] as const,
  startHere: (slug: string) => [...resourceKeys.all(slug), 'start-here'] as const,
  resource: (slug: string, id: string) => [...resourceKeys.all(slug), 'resource', id] as const,
  revisions: (slug: string, id: string) => [...resourceKeys.resource(slug, id), 'revisions'] as const,
  revision: (slug: string, id: string, revision: number) =>
    [...resourceKeys.revisions(slug, id), revision] as const,
};

/** The resources of a network, latest change first, page by page ("load more"). */
export function useResources(slug: string, filters: ResourceFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: resourceKeys.list(slug, filters),
    queryFn: ({ pageParam }) =>
      api.get<ResourceList>(`${base(slug)}${query({ ...filters, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useStartHere(slug: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: resourceKeys.startHere(slug),
    queryFn: () => api.get<StartHereList>(`${base(slug)}/start-here`),
  });
}

export function useResource(slug: string, id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: resourceKeys.resource(slug, id),
    queryFn: () => api.get<Resource>(resourcePath(slug, id)),
  });
}

export function useRevisions(slug: string, id: string) {
  return useQuery({
    queryKey: resourceKeys.revisions(slug, id),
    queryFn: () => api.get<RevisionList>(`${resourcePath(slug, id)}/revisions`),
  });
}

export function useRevision(slug: string, id: string, revision: number | null) {
  return useQuery({
    enabled: revision !== null,
    queryKey: resourceKeys.revision(slug, id, revision ?? 0),
    queryFn: () => api.get<RevisionDetail>(`${resourcePath(slug, id)}/revisions/${revision}`),
  });
}

export const createResource = (slug: string, body: Partial<CreateResourceBody>) =>
  api.post<Resource>(base(slug), body);
export const updateResource = (slug: string, id: string, body: Partial<UpdateResourceBody>) =>
  api.patch<Resource>(resourcePath(slug, id), body);
export const deleteResource = (slug: string, id: string) => api.delete<null>(resourcePath(slug, id));
export const revertResource = (slug: string, id: string, revision: number) =>
  api.post<Resource>(`${resourcePath(slug, id)}/revert`, { revision });
export const setStartHere = (slug: string, resourceIds: string[]) =>
  api.put<StartHereList>(`${base(slug)}/start-here`, { resourceIds });
/** The page's Markdown as the server renders it (the same safe renderer as a saved page). */
export const previewResource = (slug: string, body: string) =>
  api.post<{ html: string }>(`${base(slug)}/preview`, { body });

/** Uploads the file of a file resource (the network's attachment storage); returns the upload. */
export function uploadResourceFile(slug: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<Attachment>(`/networks/${encodeURIComponent(slug)}/attachments`, form);
}

/** The details of a 409 RESOURCE_EDIT_CONFLICT (someone saved a newer revision), if it is one. */
export function conflictOf(error: unknown): ResourceConflict | null {
  if (!isApiError(error, 'RESOURCE_EDIT_CONFLICT')) return null;
  const details = error.details as ResourceConflict | undefined;
  return details?.current && details.yours ? details : null;
}

/** Tags as typed in one field, comma separated: trimmed, lower case, without repeats. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** What the viewer may do with resources in a network (per-network settings decide on the server). */
export function resourceAccess(network: Network) {
  return {
    view: can(network, 'resources.view'),
    create: can(network, 'resources.create'),
    manage: can(network, 'resources.manage'),
  };
}
