import { useQuery } from '@tanstack/react-query';
import type { Me, SetupBody, SetupStatus } from '../../../../common/contracts/auth.ts';
import { api } from '../../lib/api-client.ts';

/** Query keys of the first-start setup. */
export const setupKeys = {
  status: ['setup-status'] as const,
};

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKeys.status,
    queryFn: () => api.get<SetupStatus>('/setup/status'),
    staleTime: 60_000,
  });
}

export const completeSetup = (body: SetupBody) => api.post<Me>('/setup', body);
