import { useInfiniteQuery } from '@tanstack/react-query';
import type { AdminJobList, JobAttentionState } from '../../../../common/contracts/operations.ts';
import { api, query } from '../../lib/api-client.ts';

/** Query keys of the operator view. */
export const operationsKeys = {
  jobs: (state: JobAttentionState) => ['admin', 'jobs', state] as const,
};

const PAGE = 50;

/** Failed or stuck jobs, mail first, a page at a time. */
export function useAttentionJobs(state: JobAttentionState) {
  return useInfiniteQuery({
    queryKey: operationsKeys.jobs(state),
    queryFn: ({ pageParam }) =>
      api.get<AdminJobList>(`/admin/jobs${query({ state, offset: pageParam, limit: PAGE })}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
}

export const retryJob = (id: string) => api.post<null>(`/admin/jobs/${encodeURIComponent(id)}/retry`);
export const dropJob = (id: string) => api.delete<null>(`/admin/jobs/${encodeURIComponent(id)}`);
