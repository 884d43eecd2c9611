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

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/goals`;
const goalPath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;
/** Every goals query of a network (list, summary, one goal) starts with this key. */
export const goalsKey = (slug: string) => ['network', slug, 'goals'] as const;

export function useGoals(slug: string, archived: boolean) {
  return useQuery({
    queryKey: [...goalsKey(slug), 'list', archived],
    queryFn: () => api.get<GoalList>(`${base(slug)}${query({ archived: String(archived) })}`),
  });
}

export function useGoalSummary(slug: string) {
  return useQuery({
    queryKey: [...goalsKey(slug), 'summary'],
    queryFn: () => api.get<GoalSummary>(`${base(slug)}/summary`),
  });
}

export function useGoal(slug: string, id: string) {
  return useQuery({
    queryKey: [...goalsKey(slug), 'goal', id],
    queryFn: () => api.get<GoalDetail>(goalPath(slug, id)),
  });
}

export const createGoal = (slug: string, body: CreateGoalBody) => api.post<GoalDetail>(base(slug), body);
export const updateGoal = (slug: string, id: string, body: UpdateGoalBody) =>
  api.patch<GoalDetail>(goalPath(slug, id), body);
export const postGoalUpdate = (slug: string, id: string, body: CreateGoalUpdateBody) =>
  api.post<GoalDetail>(`${goalPath(slug, id)}/updates`, body);
