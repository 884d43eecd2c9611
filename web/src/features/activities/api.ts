import { useQuery } from '@tanstack/react-query';
import type { ActivityKind } from '../../../../common/activities.ts';
import type {
  Activity,
  ActivityList,
  ActivityPrivacyDetails,
  CreateActivityBody,
  UpdateActivityBody,
} from '../../../../common/contracts/activities.ts';
import type { PrivacyFinding } from '../../../../common/contracts/privacy.ts';
import type { ExpertiseArea } from '../../../../common/expertise.ts';
import { api, isApiError } from '../../lib/api-client.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/activities`;
const activityPath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

/** Query keys of the caller's own log (all networks). */
export const activityKeys = {
  all: ['activities'] as const,
  mine: () => [...activityKeys.all, 'mine'] as const,
};

/** The caller's own activities in all their networks, newest first, and their mentee codes. */
export function useMyActivities() {
  return useQuery({ queryKey: activityKeys.mine(), queryFn: () => api.get<ActivityList>('/me/activities') });
}

export type ActivityInput = Omit<CreateActivityBody, 'privacyConfirmed'> & { privacyConfirmed: boolean };

export const logActivity = (slug: string, body: ActivityInput) => api.post<Activity>(base(slug), body);
export const changeActivity = (slug: string, id: string, body: UpdateActivityBody) =>
  api.patch<Activity>(activityPath(slug, id), body);
export const deleteActivity = (slug: string, id: string) => api.delete<null>(activityPath(slug, id));

/** The address of the caller's log as CSV, with the header row in the given language. */
export const activitiesCsvUrl = (locale: string) =>
  `/api/me/activities.csv?lang=${encodeURIComponent(locale)}`;

/** The findings of a 422 PRIVACY_FINDINGS about a note, if the error is one. */
export function noteFindingsOf(error: unknown): PrivacyFinding[] | null {
  if (!isApiError(error, 'PRIVACY_FINDINGS')) return null;
  const details = error.details as Partial<ActivityPrivacyDetails> | undefined;
  return Array.isArray(details?.note) ? details.note : [];
}

/** What the form remembers between two entries (on this device), so the next takes seconds. */
export interface LastValues {
  networkSlug: string | null;
  kind: ActivityKind;
  durationMinutes: number;
  topics: ExpertiseArea[];
  menteeCode: string;
}
