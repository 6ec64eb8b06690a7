/**
 * Dashboards of the follow-up: a view of a recommendation search (the same filters), counted by the
 * status of each recommendation's latest approved progress and grouped by instrument, cycle,
 * ministry, theme or SDG target. Shared by the API and the browser app.
 */
import { z } from 'zod';
import { ProgressStatus } from '../followup/schema.ts';
import { RecommendationQuery } from '../recommendations/schema.ts';

export const DashboardGroup = z.enum(['instrument', 'cycle', 'ministry', 'theme', 'sdg', 'mechanism']);
export type DashboardGroup = z.infer<typeof DashboardGroup>;

/** A recommendation's progress: the status of its latest approved update, or none yet. */
export const DashboardStatus = z.enum([...ProgressStatus.options, 'none']);
export type DashboardStatus = z.infer<typeof DashboardStatus>;
export const DASHBOARD_STATUSES: readonly DashboardStatus[] = DashboardStatus.options;

export const DashboardQuery = RecommendationQuery.omit({ page: true, pageSize: true, sort: true }).extend({
  groupBy: DashboardGroup.default('instrument'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardRow = z.object({
  /** The id or value grouped by (null: recommendations without one, e.g. no lead yet). */
  key: z.string().nullable(),
  label: z.string(),
  labelNl: z.string(),
  counts: z.record(DashboardStatus, z.number().int()),
  total: z.number().int(),
});
export type DashboardRow = z.infer<typeof DashboardRow>;

export const ProgressDashboard = z.object({
  groupBy: DashboardGroup,
  statuses: z.array(DashboardStatus),
  /** Recommendations of the search (a recommendation in two themes counts once here, once in each theme row). */
  total: z.number().int(),
  totals: z.record(DashboardStatus, z.number().int()),
  rows: z.array(DashboardRow),
});
export type ProgressDashboard = z.infer<typeof ProgressDashboard>;

export const DashboardFormat = z.object({ format: z.enum(['csv', 'xlsx']) });
