import { z } from 'zod';
import { IsoDate } from './mooc.ts';
import { Id, PersonSummary, Slug } from './networks.ts';

const Value = z.number().finite().min(-1e12).max(1e12);

const GoalFields = {
  title: z.string().trim().min(2).max(160),
  description: z.string().trim().max(4000).default(''),
  /** The indicator (all optional): what is counted, where it starts, where it should get, by when. */
  unit: z.string().trim().min(1).max(40).nullable().optional(),
  startValue: Value.nullable().optional(),
  targetValue: Value.nullable().optional(),
  dueOn: IsoDate.nullable().optional(),
};

/** A start equal to the target would make progress undefined. */
const indicatorComplete = (b: { startValue?: number | null; targetValue?: number | null }) =>
  typeof b.startValue !== 'number' || typeof b.targetValue !== 'number' || b.startValue !== b.targetValue;

export const CreateGoalBody = z
  .strictObject(GoalFields)
  .refine(indicatorComplete, { message: 'Target must differ from the start', path: ['targetValue'] });
export type CreateGoalBody = z.infer<typeof CreateGoalBody>;

/** Edit a goal; `archived: true` archives it (it keeps its history), false brings it back. */
export const UpdateGoalBody = z
  .strictObject({
    title: GoalFields.title.optional(),
    description: z.string().trim().max(4000).optional(),
    unit: GoalFields.unit,
    startValue: GoalFields.startValue,
    targetValue: GoalFields.targetValue,
    dueOn: GoalFields.dueOn,
    archived: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change' });
export type UpdateGoalBody = z.infer<typeof UpdateGoalBody>;

/** A progress update: a new value of the indicator and/or a comment (at least one). */
export const CreateGoalUpdateBody = z
  .strictObject({ value: Value.nullable().optional(), comment: z.string().trim().max(2000).default('') })
  .refine((b) => (b.value ?? null) !== null || b.comment !== '', {
    message: 'Give a value or a comment',
    path: ['comment'],
  });
export type CreateGoalUpdateBody = z.infer<typeof CreateGoalUpdateBody>;

export const GoalUpdate = z.object({
  id: z.string(),
  value: z.number().nullable(),
  comment: z.string(),
  author: PersonSummary.nullable(),
  createdAt: z.string(),
});
export type GoalUpdate = z.infer<typeof GoalUpdate>;

export const Goal = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  unit: z.string().nullable(),
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  dueOn: z.string().nullable(),
  /** Latest value reported, else the start value. */
  currentValue: z.number().nullable(),
  /** 0–100 from start to target (clamped), or null without a target. */
  percent: z.number().nullable(),
  updateCount: z.number(),
  lastUpdateAt: z.string().nullable(),
  archived: z.boolean(),
  createdBy: PersonSummary.nullable(),
  createdAt: z.string(),
});
export type Goal = z.infer<typeof Goal>;

/** A goal with its whole history, oldest first (for a chart). */
export const GoalDetail = Goal.extend({ updates: z.array(GoalUpdate) });
export type GoalDetail = z.infer<typeof GoalDetail>;

export const GoalListQuery = z.strictObject({ archived: z.enum(['true', 'false']).default('false') });
export const GoalList = z.object({ goals: z.array(Goal) });
export type GoalList = z.infer<typeof GoalList>;

/** Progress at a glance for the network home: open goals with their percent. */
export const GoalSummary = z.object({
  goals: z.array(
    Goal.pick({
      id: true,
      title: true,
      unit: true,
      currentValue: true,
      targetValue: true,
      percent: true,
      dueOn: true,
    }),
  ),
  /** Mean percent of the goals that have a target, or null when none has. */
  averagePercent: z.number().nullable(),
});
export type GoalSummary = z.infer<typeof GoalSummary>;

export const GoalParams = z.strictObject({ slug: Slug, goalId: Id });
