import type { SecuritySettings } from '../../../common/contracts/platform-settings.ts';

/** The security settings answer from the stored flag. */
export function presentSecuritySettings(requireSecondFactor: boolean): SecuritySettings {
  return { requireSecondFactor };
}
