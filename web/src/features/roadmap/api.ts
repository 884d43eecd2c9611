import { useQuery } from '@tanstack/react-query';
import type { NetworkPhase, RoadmapStepId } from '../../../../common/roadmap.ts';
import type { Roadmap, TickStepBody } from '../../../../common/contracts/roadmap.ts';
import { api } from '../../lib/api-client.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/roadmap`;
export const roadmapKey = (slug: string) => ['network', slug, 'roadmap'] as const;

export function useRoadmap(slug: string) {
  return useQuery({ queryKey: roadmapKey(slug), queryFn: () => api.get<Roadmap>(base(slug)) });
}

export const tickStep = (slug: string, step: RoadmapStepId, body: TickStepBody) =>
  api.put<Roadmap>(`${base(slug)}/steps/${step}`, body);
export const untickStep = (slug: string, step: RoadmapStepId) =>
  api.delete<Roadmap>(`${base(slug)}/steps/${step}`);
export const changePhase = (slug: string, phase: NetworkPhase) =>
  api.post<Roadmap>(`${base(slug)}/phase`, { phase });
