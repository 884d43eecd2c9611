import { z } from 'zod';
import { WELCOME_TEXT_MAX } from '../tour.ts';

/** Where a member stands with a network's first-run tour: not yet seen, gone through, or skipped. */
export const TOUR_STATUSES = ['new', 'done', 'skipped'] as const;
export const TourStatusCode = z.enum(TOUR_STATUSES);
export type TourStatusCode = z.infer<typeof TourStatusCode>;

export const TourState = z.object({
  status: TourStatusCode,
  /** The network's welcome, in its own words ('' when none was written). */
  welcomeText: z.string(),
});
export type TourState = z.infer<typeof TourState>;

/** One's own tour: gone through to the end, or skipped (either way it is not shown again). */
export const SetTourBody = z.strictObject({ status: z.enum(['done', 'skipped']) });
export type SetTourBody = z.infer<typeof SetTourBody>;

export const NetworkWelcome = z.object({ welcomeText: z.string() });
export type NetworkWelcome = z.infer<typeof NetworkWelcome>;

export const SetNetworkWelcomeBody = z.strictObject({
  welcomeText: z.string().trim().max(WELCOME_TEXT_MAX),
});
export type SetNetworkWelcomeBody = z.infer<typeof SetNetworkWelcomeBody>;
