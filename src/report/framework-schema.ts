import { z } from 'zod';
import { Uuid, Version, VersionParam } from '../shared/schema.ts';

/** The priorities of result area 1 (src/report/priorities.ts without 'other'). */
export const FRAMEWORK_PRIORITIES = [
  'expression',
  'women_girls',
  'lgbtiq',
  'religion_belief',
  'defenders_civic_space',
] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const FrameworkYear = z.coerce.number().int().min(1945).max(2099);
export const YearParams = z.object({ year: FrameworkYear });
export const IdParams = z.object({ id: Uuid });
export const VersionQuery = z.object({ version: VersionParam });

export const Indicator = z.object({
  id: Uuid,
  goalId: Uuid,
  text: z.string(),
  unit: z.string().nullable(),
  baseline: z.string().nullable(),
  target: z.string().nullable(),
  reached: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Goal = z.object({
  id: Uuid,
  year: z.number().int(),
  areaId: Uuid.nullable(),
  priorityId: Uuid.nullable(),
  text: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  indicators: z.array(Indicator),
});
export type Goal = z.infer<typeof Goal>;

export const FrameworkPriority = z.object({
  id: Uuid,
  priority: z.enum(FRAMEWORK_PRIORITIES),
  labelNl: z.string(),
  labelEn: z.string(),
  labelNlVerified: z.boolean(),
  labelNlSource: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
  goals: z.array(Goal),
});

export const Area = z.object({
  id: Uuid,
  year: z.number().int(),
  code: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string(),
  titleNlVerified: z.boolean(),
  titleNlSource: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
  goals: z.array(Goal),
  priorities: z.array(FrameworkPriority),
});
export type Area = z.infer<typeof Area>;

export const Framework = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  areas: z.array(Area),
  abilities: z.object({ edit: z.boolean() }),
});
export type Framework = z.infer<typeof Framework>;

export const AreaUpdate = z.object({
  titleNl: Text(300).optional(),
  titleEn: Text(300).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  version: Version,
});
export type AreaUpdate = z.infer<typeof AreaUpdate>;

export const GoalCreate = z
  .object({
    areaId: Uuid.optional(),
    priorityId: Uuid.optional(),
    text: Text(2000),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .refine((g) => (g.areaId ? 1 : 0) + (g.priorityId ? 1 : 0) === 1, {
    message: 'give either areaId or priorityId',
    path: ['areaId'],
  });
export type GoalCreate = z.infer<typeof GoalCreate>;

export const GoalUpdate = z.object({
  text: Text(2000).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  version: Version,
});
export type GoalUpdate = z.infer<typeof GoalUpdate>;

const IndicatorFields = {
  text: Text(1000),
  unit: Optional(100).optional(),
  baseline: Optional(200).optional(),
  target: Optional(200).optional(),
  reached: Optional(200).optional(),
  position: z.number().int().min(0).max(1000).optional(),
};
export const IndicatorCreate = z.object(IndicatorFields);
export type IndicatorCreate = z.infer<typeof IndicatorCreate>;
export const IndicatorUpdate = z.object({
  ...IndicatorFields,
  text: Text(1000).optional(),
  version: Version,
});
export type IndicatorUpdate = z.infer<typeof IndicatorUpdate>;

export const CopyResult = z.object({
  from: z.number().int(),
  to: z.number().int(),
  goals: z.number().int(),
  /** The ids of the result areas made for the new year. */
  areas: z.array(Uuid),
});
