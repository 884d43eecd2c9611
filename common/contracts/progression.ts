import { z } from 'zod';
import { MENTOR_LEVELS, NETWORK_ROLES } from '../permissions.ts';
import {
  NUDGE_KINDS,
  PROGRESSION_DECISIONS,
  PROGRESSION_REASONS,
  PROGRESSION_STEPS,
} from '../progression.ts';

export const ProgressionStep = z.enum(PROGRESSION_STEPS);
export const ProgressionReason = z.enum(PROGRESSION_REASONS);

const Person = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(NETWORK_ROLES),
  level: z.enum(MENTOR_LEVELS).nullable(),
  joinedAt: z.string(),
});

export const ProgressionSuggestion = Person.extend({
  step: ProgressionStep,
  reasons: z.array(ProgressionReason),
});
export type ProgressionSuggestion = z.infer<typeof ProgressionSuggestion>;

export const ProgressionSuggestionList = z.object({ suggestions: z.array(ProgressionSuggestion) });
export type ProgressionSuggestionList = z.infer<typeof ProgressionSuggestionList>;

export const ProgressionDecisionParams = z.strictObject({
  slug: z.string().min(1).max(100),
  userId: z.string().min(1).max(64),
  step: ProgressionStep,
});
export const ProgressionDecisionBody = z.strictObject({ decision: z.enum(PROGRESSION_DECISIONS) });
export type ProgressionDecisionBody = z.infer<typeof ProgressionDecisionBody>;

export const SuccessionCandidate = Person.extend({
  score: z.number(),
  reasons: z.array(ProgressionReason),
  isDeputy: z.boolean(),
});
export type SuccessionCandidate = z.infer<typeof SuccessionCandidate>;

export const Deputy = z.object({ userId: z.string(), displayName: z.string(), namedAt: z.string() });
export type Deputy = z.infer<typeof Deputy>;

export const Succession = z.object({
  metaMentorCount: z.number().int(),
  deputy: Deputy.nullable(),
  candidates: z.array(SuccessionCandidate),
});
export type Succession = z.infer<typeof Succession>;

export const NameDeputyBody = z.strictObject({ userId: z.string().min(1).max(64) });
export type NameDeputyBody = z.infer<typeof NameDeputyBody>;

export const NudgeLogEntry = z.object({
  id: z.string(),
  kind: z.enum(NUDGE_KINDS),
  userId: z.string(),
  displayName: z.string(),
  sentAt: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const NudgeLog = z.object({ nudges: z.array(NudgeLogEntry) });
export type NudgeLog = z.infer<typeof NudgeLog>;
