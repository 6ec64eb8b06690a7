/**
 * The examples the annual report prints per result area (and, in area 1, per priority): selected
 * from a contribution and then edited, or written by the editor (migration 0034, report_examples).
 */
import { z } from 'zod';
import { refuseHostileText, Uuid, Version, Versioned } from '../shared/schema.ts';
import { ContributionPriority, PRIORITY_AREA } from './contributions-schema.ts';
import { FrameworkYear } from './framework-schema.ts';

const Title = z.string().trim().min(1, 'enter a title').max(300);
const Body = z.string().trim().min(1, 'enter the text of the example').max(20_000);
const Area = z
  .number()
  .int()
  .min(1, 'result areas are 1, 2, 3 and 4')
  .max(4, 'result areas are 1, 2, 3 and 4');

export const Example = z.object({
  id: Uuid,
  year: z.number().int(),
  areaCode: z.number().int(),
  priority: ContributionPriority.nullable(),
  contributionId: Uuid.nullable(),
  /** The organisation of the contribution it was selected from. */
  organisation: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  position: z.number().int(),
  ...Versioned,
});
export type Example = z.infer<typeof Example>;

/** The examples of one result area, or of one priority within area 1. */
export const ExampleGroup = z.object({
  priority: ContributionPriority.nullable(),
  labelNl: z.string().nullable(),
  labelEn: z.string().nullable(),
  examples: z.array(Example),
});

export const ExampleArea = z.object({
  code: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string(),
  /** The examples of the area itself first (priority null), then those of each priority (area 1). */
  groups: z.array(ExampleGroup),
});

export const ExampleList = z.object({
  year: z.number().int(),
  areas: z.array(ExampleArea),
  abilities: z.object({ manage: z.boolean() }),
});
export type ExampleList = z.infer<typeof ExampleList>;

const priorityOnlyInArea1 = (v: { areaCode?: number | undefined; priority?: string | null | undefined }) =>
  !v.priority || v.areaCode === PRIORITY_AREA;
const PRIORITY_MESSAGE = 'a priority belongs to result area 1 only';

/** Selects a contribution as an example of one of its result areas (its title and text are copied). */
export const ExampleSelect = z
  .object({
    contributionId: Uuid,
    areaCode: Area,
    /** In area 1: the priority it is an example of (default: the contribution's first priority). */
    priority: ContributionPriority.nullable().optional(),
  })
  .refine(priorityOnlyInArea1, { message: PRIORITY_MESSAGE, path: ['priority'] });
export type ExampleSelect = z.infer<typeof ExampleSelect>;

/** An example written by the editor. */
export const ExampleCreate = z
  .object({
    year: FrameworkYear,
    areaCode: Area,
    priority: ContributionPriority.nullable().optional(),
    title: Title,
    body: Body,
  })
  .refine(priorityOnlyInArea1, { message: PRIORITY_MESSAGE, path: ['priority'] })
  .superRefine(refuseHostileText(['body']));
export type ExampleCreate = z.infer<typeof ExampleCreate>;

export const ExampleUpdate = z
  .object({ title: Title.optional(), body: Body.optional(), version: Version })
  .superRefine(refuseHostileText(['body']));
export type ExampleUpdate = z.infer<typeof ExampleUpdate>;

/** Moves an example one place up or down within its group. */
export const ExampleMove = z.object({ direction: z.enum(['up', 'down']), version: Version });
export type ExampleMove = z.infer<typeof ExampleMove>;
