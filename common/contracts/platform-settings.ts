import { z } from 'zod';

/** The platform's sign-in security settings, changed by platform admins. */
export const SecuritySettings = z.object({
  /** Platform admins, organisation admins and meta-mentors must have a confirmed second factor. */
  requireSecondFactor: z.boolean(),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const UpdateSecuritySettingsBody = z.strictObject({
  requireSecondFactor: z.boolean(),
});
export type UpdateSecuritySettingsBody = z.infer<typeof UpdateSecuritySettingsBody>;
