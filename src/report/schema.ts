/** The financial annex of the annual human rights report: expenditures, imports, totals, mappings. */
import { z } from 'zod';
import { PageQuery, Uuid, Version } from '../shared/schema.ts';
import { PRIORITY_CODES } from './priorities.ts';

export const Priority = z.enum(PRIORITY_CODES);
export const ExpenditureSource = z.enum(['iati', 'spreadsheet', 'manual']);
const Year = z.coerce.number().int().min(1945).max(2100);

export const Expenditure = z.object({
  id: Uuid,
  year: z.number().int(),
  priority: Priority,
  amount: z.number(),
  currency: z.string(),
  amountEur: z.number().nullable(),
  activityIdentifier: z.string().nullable(),
  description: z.string().nullable(),
  source: ExpenditureSource,
  paidOn: z.string(),
  advanceFor: z.number().int().nullable(),
  note: z.string().nullable(),
  importId: Uuid.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Expenditure = z.infer<typeof Expenditure>;

export const ExpenditureQuery = PageQuery.extend({
  year: Year.optional(),
  priority: Priority.optional(),
  source: ExpenditureSource.optional(),
  activity: z.string().trim().min(1).max(200).optional(),
});
export type ExpenditureQuery = z.infer<typeof ExpenditureQuery>;

export const ImportFileQuery = z.object({ fileName: z.string().trim().min(1).max(300) });

export const ExpenditureImport = z.object({
  id: Uuid,
  source: z.enum(['iati', 'spreadsheet']),
  fileName: z.string(),
  sha256: z.string(),
  importedBy: Uuid.nullable(),
  importedAt: z.string(),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
  /** IATI activities left out: not in a human rights sector and without a priority set. */
  skipped: z.number().int(),
});
export type ExpenditureImport = z.infer<typeof ExpenditureImport>;

export const TotalsQuery = z.object({ from: Year.optional(), to: Year.optional() });

export const PriorityTotal = z.object({
  year: z.number().int(),
  priority: Priority,
  labelNl: z.string(),
  labelEn: z.string(),
  /** The sum in euros of the payments of that year (cash basis). */
  amountEur: z.number(),
  payments: z.number().int(),
  /** Payments in another currency without an amount in euros: not in amountEur. */
  withoutEur: z.number().int(),
});
export const YearTotals = z.object({
  year: z.number().int(),
  totalEur: z.number(),
  priorities: z.array(PriorityTotal),
  /** Explanatory notes for the annex of that year (advances paid in it, or for it the year before). */
  notes: z.array(z.string()),
});
export const Totals = z.object({ years: z.array(YearTotals) });
export type YearTotals = z.infer<typeof YearTotals>;

export const ActivityPriorityParams = z.object({ identifier: z.string().trim().min(1).max(200) });
export const ActivityPriorityInput = z.object({
  priority: Priority,
  /** The version of the mapping seen; leave out when the activity has none yet. */
  version: Version.optional(),
});
export const ActivityPriority = z.object({
  id: Uuid,
  activityIdentifier: z.string(),
  priority: Priority,
  version: z.number().int(),
  /** The expenditures of the activity that moved to the priority. */
  expendituresMoved: z.number().int(),
});

/** An IATI activity of the annex: the priority it counts for and what it paid (GET /activities). */
export const AnnexActivity = z.object({
  activityIdentifier: z.string(),
  /** Its title as the IATI file gave it (or the description of a payment). */
  description: z.string().nullable(),
  priority: Priority,
  /** The version of the priority set for it; null when none was set (it counts as 'other'). */
  version: z.number().int().nullable(),
  payments: z.number().int(),
  amountEur: z.number(),
  firstPaidOn: z.string().nullable(),
  lastPaidOn: z.string().nullable(),
});
export type AnnexActivity = z.infer<typeof AnnexActivity>;
export const AnnexActivities = z.object({
  items: z.array(AnnexActivity),
  abilities: z.object({ manage: z.boolean() }),
});
export type AnnexActivities = z.infer<typeof AnnexActivities>;

export const Sector = z.object({ id: Uuid, code: z.string(), label: z.string(), version: z.number().int() });
export const SectorCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'must be a DAC 5-digit purpose code, e.g. 15160'),
  label: z.string().trim().min(1).max(200),
});
export type SectorCreate = z.infer<typeof SectorCreate>;
