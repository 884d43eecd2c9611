import { useQuery } from '@tanstack/react-query';
import type {
  RecordDepartureBody,
  RecordSettings,
  VolunteerRecord,
} from '../../../../common/contracts/volunteer-records.ts';
import { api } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string, userId: string) =>
  `/networks/${encodeURIComponent(slug)}/members/${encodeURIComponent(userId)}/record`;

/** Query keys of volunteer records. */
export const recordKeys = {
  one: (slug: string, userId: string) => [...networkKeys.detail(slug), 'record', userId] as const,
};

export function useVolunteerRecord(slug: string, userId: string) {
  return useQuery({
    queryKey: recordKeys.one(slug, userId),
    queryFn: () => api.get<VolunteerRecord>(base(slug, userId)),
  });
}

export const setRecordLeave = (slug: string, userId: string, until: string) =>
  api.put<VolunteerRecord>(`${base(slug, userId)}/leave`, { until });
export const endRecordLeave = (slug: string, userId: string) =>
  api.delete<VolunteerRecord>(`${base(slug, userId)}/leave`);
export const recordDeparture = (slug: string, userId: string, body: RecordDepartureBody) =>
  api.post<VolunteerRecord>(`${base(slug, userId)}/departure`, body);

export const addRecordTraining = (
  slug: string,
  userId: string,
  body: { title: string; completedOn: string },
) => api.post<VolunteerRecord>(`${base(slug, userId)}/trainings`, body);
export const addRecordCheck = (
  slug: string,
  userId: string,
  body: { kind: string; seenOn: string; validUntil: string | null },
) => api.post<VolunteerRecord>(`${base(slug, userId)}/checks`, body);
export const setRecordCommitment = (
  slug: string,
  userId: string,
  body: { hoursPerWeek: number | null; until: string | null },
) => api.put<VolunteerRecord>(`${base(slug, userId)}/commitment`, body);
export const updateRecordTraining = (
  slug: string,
  userId: string,
  id: string,
  body: { title: string; completedOn: string },
) => api.put<VolunteerRecord>(`${base(slug, userId)}/trainings/${encodeURIComponent(id)}`, body);
export const updateRecordCheck = (
  slug: string,
  userId: string,
  id: string,
  body: { kind: string; seenOn: string; validUntil: string | null },
) => api.put<VolunteerRecord>(`${base(slug, userId)}/checks/${encodeURIComponent(id)}`, body);
/** Removes a training or check entry added by staff. */
export const removeRecordItem = (slug: string, userId: string, id: string) =>
  api.delete<null>(`${base(slug, userId)}/${encodeURIComponent(id)}`);

export function useRecordSettings(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: [...networkKeys.detail(slug), 'record-settings'] as const,
    queryFn: () => api.get<RecordSettings>(`/networks/${encodeURIComponent(slug)}/records/settings`),
    enabled,
  });
}
export const setRecordSettings = (slug: string, retentionMonths: number) =>
  api.put<RecordSettings>(`/networks/${encodeURIComponent(slug)}/records/settings`, { retentionMonths });
