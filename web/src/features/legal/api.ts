import { useQuery } from '@tanstack/react-query';
import type {
  AcceptLegalBody,
  CurrentLegal,
  LegalPreview,
  LegalTemplate,
  LegalVersion,
  PendingLegal,
} from '../../../../common/contracts/legal.ts';
import { LEGAL_KINDS, type LegalKind } from '../../../../common/legal.ts';
import { api } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

/** Query keys of the privacy notice and terms of use; what the signed-in person still has to accept sits under `me`. */
export const legalKeys = {
  current: ['legal'] as const,
  pending: [...authKeys.me, 'legal'] as const,
};

/** The current privacy notice and terms of use (null while a text is not published). */
export function useCurrentLegal() {
  return useQuery({ queryKey: legalKeys.current, queryFn: () => api.get<CurrentLegal>('/legal') });
}

/** The versions shown on screen, as the sign-up and the accept button send them: only published texts. */
export function shownVersions(current: CurrentLegal): AcceptLegalBody {
  const body: AcceptLegalBody = {};
  for (const kind of LEGAL_KINDS) {
    const version = current[kind]?.version;
    if (version !== undefined) body[kind] = version;
  }
  return body;
}

/** Whether anything is published that a person must accept. */
export const hasPublishedLegal = (current: CurrentLegal) =>
  LEGAL_KINDS.some((kind) => current[kind] !== null);

/** The current versions the signed-in person has not accepted yet (asked again after a new version). */
export function usePendingLegal(enabled: boolean) {
  return useQuery({
    queryKey: legalKeys.pending,
    queryFn: () => api.get<PendingLegal>('/me/legal'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Accepts the versions shown (409 DOCUMENT_CHANGED when a newer one was published meanwhile). */
export const acceptLegal = (body: AcceptLegalBody) => api.post<null>('/me/legal', body);

/** A starting text in English or German (platform admins). */
export const fetchLegalTemplate = (kind: LegalKind, locale: 'en' | 'de') =>
  api.get<LegalTemplate>(`/admin/legal/${kind}/template?locale=${locale}`);

/** Publishes the next version of a text; everyone signed in is asked to accept it. */
export const publishLegal = (kind: LegalKind, body: { body: string; summary: string }) =>
  api.post<LegalVersion>(`/admin/legal/${kind}`, body);

/** The server renders the editor's Markdown exactly as it will publish it (the web parses no Markdown). */
export function useLegalPreview(source: string) {
  return useQuery({
    queryKey: [...legalKeys.current, 'preview', source] as const,
    queryFn: () => api.post<LegalPreview>('/admin/legal/preview', { body: source }),
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
