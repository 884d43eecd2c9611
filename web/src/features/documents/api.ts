import { useQuery } from '@tanstack/react-query';
import type {
  AcceptanceReport,
  DocumentPreview,
  NetworkDocument,
  NetworkDocuments,
} from '../../../../common/contracts/documents.ts';
import { api } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/documents`;

/** Query keys of a network's agreement and rules: every one is under `all`, so a publish refreshes them all. */
export const documentKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'documents'] as const,
  versions: (slug: string, kind: string) => [...documentKeys.all(slug), kind, 'versions'] as const,
  acceptances: (slug: string) => [...networkKeys.detail(slug), 'acceptances'] as const,
};

export function useDocuments(slug: string) {
  return useQuery({
    queryKey: documentKeys.all(slug),
    queryFn: () => api.get<NetworkDocuments>(base(slug)),
  });
}
/** A published version as the history lists it. */
export type DocumentVersion = Omit<NetworkDocument, 'acceptedAt'>;
/** Every version of the agreement or the rules, newest first. */
export function useDocumentVersions(slug: string, kind: string) {
  return useQuery({
    queryKey: documentKeys.versions(slug, kind),
    queryFn: () => api.get<{ versions: DocumentVersion[] }>(`${base(slug)}/${kind}/versions`),
  });
}
export const acceptDocuments = (slug: string, agreementVersion: number, rulesVersion: number) =>
  api.post<unknown>(`${base(slug)}/accept`, { agreementVersion, rulesVersion });
export const publishDocument = (
  slug: string,
  kind: string,
  body: { title: string; body: string; summary?: string },
) => api.post<{ version: number }>(`${base(slug)}/${kind}`, body);
/** The server renders the editor's Markdown exactly as it will publish it (the web parses no Markdown). */
export function useDocumentPreview(slug: string, source: string) {
  return useQuery({
    queryKey: [...documentKeys.all(slug), 'preview', source] as const,
    queryFn: () => api.post<DocumentPreview>(`${base(slug)}/preview`, { body: source }),
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
export function useAcceptances(slug: string) {
  return useQuery({
    queryKey: documentKeys.acceptances(slug),
    queryFn: () => api.get<AcceptanceReport>(`${base(slug)}/acceptances`),
  });
}
