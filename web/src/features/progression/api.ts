import { useQuery } from '@tanstack/react-query';
import type {
  NudgeLog,
  ProgressionDecisionBody,
  ProgressionSuggestionList,
  Succession,
} from '../../../../common/contracts/progression.ts';
import type { ProgressionStep } from '../../../../common/progression.ts';
import { api } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

/** Query keys of a network's progression data, all under one prefix. */
export const progressionKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'progression'] as const,
  suggestions: (slug: string) => [...progressionKeys.all(slug), 'suggestions'] as const,
  succession: (slug: string) => [...progressionKeys.all(slug), 'succession'] as const,
  nudges: (slug: string) => [...progressionKeys.all(slug), 'nudges'] as const,
};

export function useSuggestions(slug: string) {
  return useQuery({
    queryKey: progressionKeys.suggestions(slug),
    queryFn: () => api.get<ProgressionSuggestionList>(`${base(slug)}/progression/suggestions`),
  });
}

export function useSuccession(slug: string) {
  return useQuery({
    queryKey: progressionKeys.succession(slug),
    queryFn: () => api.get<Succession>(`${base(slug)}/succession`),
  });
}

export function useNudges(slug: string) {
  return useQuery({
    queryKey: progressionKeys.nudges(slug),
    queryFn: () => api.get<NudgeLog>(`${base(slug)}/nudges`),
  });
}

/** Confirms or dismisses one member's suggested step. */
export function decideSuggestion(
  slug: string,
  userId: string,
  step: ProgressionStep,
  body: ProgressionDecisionBody,
) {
  return api.put<null>(
    `${base(slug)}/progression/suggestions/${encodeURIComponent(userId)}/${encodeURIComponent(step)}`,
    body,
  );
}

/** Names the meta-mentor's deputy; answers with the succession view. */
export function nameDeputy(slug: string, userId: string) {
  return api.put<Succession>(`${base(slug)}/deputy`, { userId });
}
