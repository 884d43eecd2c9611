import { useQuery } from '@tanstack/react-query';
import type { Roadmap, TickStepBody } from '../../../../common/contracts/roadmap.ts';
import type { NetworkPhase, RoadmapStepId } from '../../../../common/roadmap.ts';
import { api } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/roadmap`;
/** Query keys of a network's roadmap (goals and MOOC sessions tick its steps, so they refresh it). */
export const roadmapKeys = {
  detail: (slug: string) => [...networkKeys.detail(slug), 'roadmap'] as const,
};

export function useRoadmap(slug: string) {
  return useQuery({ queryKey: roadmapKeys.detail(slug), queryFn: () => api.get<Roadmap>(base(slug)) });
}

export const tickStep = (slug: string, step: RoadmapStepId, body: TickStepBody) =>
  api.put<Roadmap>(`${base(slug)}/steps/${step}`, body);
export const untickStep = (slug: string, step: RoadmapStepId) =>
  api.delete<Roadmap>(`${base(slug)}/steps/${step}`);
export const changePhase = (slug: string, phase: NetworkPhase) =>
  api.post<Roadmap>(`${base(slug)}/phase`, { phase });
