import { z } from 'zod';
import { PRIVACY_CHECK_MAX_CHARS, PRIVACY_KINDS } from '../privacy/kinds.ts';

/** A case text to check for personal data before it is posted. */
export const PrivacyCheckBody = z.strictObject({
  text: z.string().max(PRIVACY_CHECK_MAX_CHARS),
});
export type PrivacyCheckBody = z.infer<typeof PrivacyCheckBody>;

/** One piece of personal data: its kind, its span (UTF-16 offsets, end exclusive) and what replaces it. */
export const PrivacyFinding = z.object({
  kind: z.enum(PRIVACY_KINDS),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  placeholder: z.string(),
});
export type PrivacyFinding = z.infer<typeof PrivacyFinding>;

export const PrivacyCheckResult = z.object({
  findings: z.array(PrivacyFinding),
});
export type PrivacyCheckResult = z.infer<typeof PrivacyCheckResult>;
