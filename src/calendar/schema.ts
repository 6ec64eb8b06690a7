import { z } from 'zod';
import { DatePrecision, PhaseKind } from '../cycles/schema.ts';
import { OrgRef } from '../instruments/schema.ts';
import { PageQuery, Uuid } from '../shared/schema.ts';

/** One deadline of a cycle that has not been met: recorded, or derived by the rules per body. */
export const Deadline = z.object({
  cycleId: Uuid,
  cycleLabel: z.string(),
  instrumentId: Uuid,
  instrumentCode: z.string(),
  instrumentShortName: z.string(),
  instrumentNameNl: z.string(),
  instrumentNameEn: z.string(),
  kind: PhaseKind,
  date: z.string(),
  datePrecision: DatePrecision,
  overdue: z.boolean(),
  derived: z.boolean(),
  rule: z.string().nullable(),
  ruleNl: z.string().nullable(),
  overridden: z.boolean(),
  lead: OrgRef.nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineQuery = PageQuery.extend({
  /** Deadlines due within this many days from today (overdue ones are always listed). */
  within: z.coerce.number().int().min(0).max(3650).default(365),
  /** Only instruments of which this organisation is the lead or the coordinating organisation. */
  organisationId: Uuid.optional(),
  overdue: z.enum(['include', 'only', 'exclude']).default('include'),
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

export const TimelineQuery = z.object({
  from: z.coerce.number().int().min(1945).max(2100).optional(),
  to: z.coerce.number().int().min(1945).max(2100).optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelinePhase = z.object({
  kind: PhaseKind,
  date: z.string(),
  datePrecision: DatePrecision,
  derived: z.boolean(),
  rule: z.string().nullable(),
  ruleNl: z.string().nullable(),
  deadline: z.boolean(),
  overdue: z.boolean(),
  met: z.boolean(),
});
export const TimelineRow = z.object({
  instrumentId: Uuid,
  code: z.string(),
  shortName: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  lead: OrgRef.nullable(),
  cycles: z.array(
    z.object({
      cycleId: Uuid,
      label: z.string(),
      sequence: z.number().int(),
      phases: z.array(TimelinePhase),
    }),
  ),
});
export type TimelineRow = z.infer<typeof TimelineRow>;
export const Timeline = z.object({
  from: z.number().int(),
  to: z.number().int(),
  today: z.string(),
  items: z.array(TimelineRow),
});
export type Timeline = z.infer<typeof Timeline>;

export const ExportQuery = z.object({ lang: z.enum(['nl', 'en']).default('nl') });

export const FeedInfo = z.object({
  exists: z.boolean(),
  createdAt: z.string().nullable(),
});
export const FeedStatus = z.object({
  user: FeedInfo,
  /** The feed of the user's organisation; `abilities.manage`: the user may create, rotate or revoke it. */
  organisation: FeedInfo.extend({
    organisationId: Uuid,
    code: z.string(),
    abilities: z.object({ manage: z.boolean() }),
  }).nullable(),
});
export type FeedStatus = z.infer<typeof FeedStatus>;

/** The secret URL of a feed: shown once, when it is created or rotated (only its sha256 is kept). */
export const FeedCreated = z.object({ url: z.string(), path: z.string(), createdAt: z.string() });
export type FeedCreated = z.infer<typeof FeedCreated>;

export const FeedFileParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'must be the token of a feed followed by .ics'),
});
