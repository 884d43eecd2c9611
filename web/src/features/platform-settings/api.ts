import { useQuery } from '@tanstack/react-query';
import type {
  SecuritySettings,
  UpdateSecuritySettingsBody,
} from '../../../../common/contracts/platform-settings.ts';
import { api } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

/** Query keys of the platform settings (under the account: dropped at sign-out). */
export const platformSettingsKeys = {
  security: [...authKeys.me, 'platform-settings', 'security'] as const,
};

export const updateSecuritySettings = (body: UpdateSecuritySettingsBody) =>
  api.put<SecuritySettings>('/admin/settings/security', body);

export function useSecuritySettings() {
  return useQuery({
    queryKey: platformSettingsKeys.security,
    queryFn: () => api.get<SecuritySettings>('/admin/settings/security'),
  });
}
