/**
 * Actions (measures) on recommendations, their indicators and measurements. Shared by the API and
 * the browser app.
 */
import { z } from 'zod';
import { OrgRef } from '../instruments/schema.ts';
import { BoundedDate, DATE_BOUNDS, PageQuery, Uuid, Version } from '../shared/schema.ts';

const Text = (max: number) => z.string().trim().max(max);
const Day = BoundedDate(DATE_BOUNDS.treatyFact);
/** Money in euros with at most two decimals. */
const Budget = z
  .number()
  .nonnegative({ message: 'must not be negative' })
  .max(1e13)
  .refine((v) => Math.round(v * 100) === v * 100, {
    message: 'may have at most two decimals (euros and cents)',
  });

export const ValueType = z.enum(['count', 'percentage', 'amount']);
export type ValueType = z.infer<typeof ValueType>;

/** Why a value does not fit a kind of value, or null when it does. */
export function valueProblem(type: ValueType, v: number): string | null {
  if (!Number.isFinite(v)) return 'must be a number';
  if (type === 'count' && !(Number.isInteger(v) && v >= 0))
    return 'must be a whole number of 0 or more (a count)';
  if (type === 'percentage' && !(v >= 0 && v <= 100)) return 'must be a percentage between 0 and 100';
  return null;
}

export const ActionAbilities = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  measure: z.boolean(),
  /** Write a progress update on the action (members of its owner organisation). */
  addProgress: z.boolean(),
});

export const RecommendationRef = z.object({
  id: Uuid,
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  bodyCode: z.string().nullable(),
  text: z.string(),
});

export const Measurement = z.object({
  id: Uuid,
  measuredOn: z.string(),
  value: z.number(),
  unit: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;

export const Indicator = z.object({
  id: Uuid,
  actionId: Uuid,
  name: z.string(),
  valueType: ValueType,
  unit: z.string(),
  baseline: z.number().nullable(),
  baselineDate: z.string().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  source: z.string().nullable(),
  version: Version,
  measurements: z.array(Measurement),
});
export type Indicator = z.infer<typeof Indicator>;

export const Action = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string().nullable(),
  owner: OrgRef,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budget: z.number().nullable(),
  outcome: z.string().nullable(),
  /** Derived: the end date has passed. */
  overdue: z.boolean(),
  recommendations: z.array(RecommendationRef),
  clusters: z.array(z.object({ id: Uuid, title: z.string() })),
  indicators: z.array(Indicator),
  version: Version,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: ActionAbilities,
});
export type Action = z.infer<typeof Action>;

/** An action in a list: without indicators, with the number of recommendations. */
export const ActionSummary = Action.omit({ recommendations: true, clusters: true, indicators: true }).extend({
  recommendationCount: z.number().int(),
  indicatorCount: z.number().int(),
});
export type ActionSummary = z.infer<typeof ActionSummary>;

const periodOrder = <T extends { startDate?: string | null; endDate?: string | null }>(a: T) =>
  !a.startDate || !a.endDate || a.endDate >= a.startDate;
const PERIOD = { message: 'the end date must be on or after the start date', path: ['endDate'] };

const ActionFields = z.object({
  title: Text(300).min(1, { message: 'give the action a title' }),
  description: Text(8000).nullable().default(null),
  ownerOrganisationId: Uuid,
  startDate: Day.nullable().default(null),
  endDate: Day.nullable().default(null),
  budget: Budget.nullable().default(null),
  outcome: Text(8000).nullable().default(null),
  recommendationIds: z.array(Uuid).max(1000).default([]),
  /** Clusters the action serves: it counts for each of their recommendations. */
  clusterIds: z.array(Uuid).max(100).default([]),
});
export const ActionCreate = ActionFields.refine(periodOrder, PERIOD);
export type ActionCreate = z.infer<typeof ActionCreate>;

export const ActionUpdate = z
  .object({
    title: Text(300).min(1).optional(),
    description: Text(8000).nullable().optional(),
    ownerOrganisationId: Uuid.optional(),
    startDate: Day.nullable().optional(),
    endDate: Day.nullable().optional(),
    budget: Budget.nullable().optional(),
    outcome: Text(8000).nullable().optional(),
    recommendationIds: z.array(Uuid).max(1000).optional(),
    clusterIds: z.array(Uuid).max(100).optional(),
    version: Version,
  })
  .refine(periodOrder, PERIOD);
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const ActionQuery = PageQuery.extend({
  organisationId: Uuid.optional(),
  recommendationId: Uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
});
export type ActionQuery = z.infer<typeof ActionQuery>;

const IndicatorFields = {
  name: Text(300).min(1, { message: 'name what is measured' }),
  valueType: ValueType,
  unit: Text(60).min(1, { message: 'give the unit, e.g. "persons" or "%"' }),
  baseline: z.number().nullable().default(null),
  baselineDate: Day.nullable().default(null),
  target: z.number().nullable().default(null),
  targetDate: Day.nullable().default(null),
  source: Text(1000).nullable().default(null),
};
/** Baseline and target must be of the indicator's kind of value. */
const fitsType = (
  i: { valueType?: ValueType; baseline?: number | null; target?: number | null },
  ctx: z.RefinementCtx,
) => {
  if (!i.valueType) return;
  for (const key of ['baseline', 'target'] as const) {
    const v = i[key];
    const problem = v === null || v === undefined ? null : valueProblem(i.valueType, v);
    if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
  }
};
export const IndicatorCreate = z.object(IndicatorFields).superRefine(fitsType);
export type IndicatorCreate = z.infer<typeof IndicatorCreate>;

export const IndicatorUpdate = z
  .object({
    name: IndicatorFields.name.optional(),
    unit: IndicatorFields.unit.optional(),
    baseline: z.number().nullable().optional(),
    baselineDate: Day.nullable().optional(),
    target: z.number().nullable().optional(),
    targetDate: Day.nullable().optional(),
    source: Text(1000).nullable().optional(),
    version: Version,
  })
  .strict();
export type IndicatorUpdate = z.infer<typeof IndicatorUpdate>;

export const MeasurementCreate = z.object({
  measuredOn: Day.refine((d) => d <= new Date().toISOString().slice(0, 10), {
    message: 'must not be after today: a measurement reports what was measured',
  }),
  value: z.number(),
  unit: Text(60).min(1),
  note: Text(2000).nullable().default(null),
});
export type MeasurementCreate = z.infer<typeof MeasurementCreate>;
