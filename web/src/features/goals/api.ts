import { useQuery } from '@tanstack/react-query';
import type {
  CreateGoalBody,
  CreateGoalUpdateBody,
  GoalDetail,
  GoalList,
  GoalSummary,
  UpdateGoalBody,
} from '../../../../common/contracts/goals.ts';
import { api, query } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/goals`;
const goalPath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;
/** Query keys of a network's goals: every one (list, summary, one goal) is under `all`. */
export const goalKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'goals'] as const,
  list: (slug: string, archived: boolean) => [...goalKeys.all(slug), 'list', archived] as const,
  summary: (slug: string) => [...goalKeys.all(slug), 'summary'] as const,
  detail: (slug: string, id: string) => [...goalKeys.all(slug), 'goal', id] as const,
};

export function useGoals(slug: string, archived: boolean) {
  return useQuery({
    queryKey: goalKeys.list(slug, archived),
    queryFn: () => api.get<GoalList>(`${base(slug)}${query({ archived: String(archived) })}`),
  });
}

export function useGoalSummary(slug: string) {
  return useQuery({
    queryKey: goalKeys.summary(slug),
    queryFn: () => api.get<GoalSummary>(`${base(slug)}/summary`),
  });
}

export function useGoal(slug: string, id: string) {
  return useQuery({
    queryKey: goalKeys.detail(slug, id),
    queryFn: () => api.get<GoalDetail>(goalPath(slug, id)),
  });
}

export const createGoal = (slug: string, body: CreateGoalBody) => api.post<GoalDetail>(base(slug), body);
export const updateGoal = (slug: string, id: string, body: UpdateGoalBody) =>
  api.patch<GoalDetail>(goalPath(slug, id), body);
export const postGoalUpdate = (slug: string, id: string, body: CreateGoalUpdateBody) =>
  api.post<GoalDetail>(`${goalPath(slug, id)}/updates`, body);
