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

/** A follow-up priority recommendation of a treaty body, with the deadline of its follow-up report. */
export const PriorityItem = z.object({
  id: z.uuid(),
  bodyCode: z.string().nullable(),
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  text: z.string(),
  lead: z.string().nullable(),
  position: z.string().nullable(),
  latestStatus: DashboardStatus,
  /** The follow-up report's deadline (recorded, or derived by the body's rule), null when not known. */
  dueDate: z.string().nullable(),
  duePrecision: z.enum(['day', 'month', 'year']).nullable(),
  /** The follow-up report was sent (a follow_up_submitted phase is recorded). */
  submitted: z.boolean(),
  overdue: z.boolean(),
});
export const Priorities = z.object({ items: z.array(PriorityItem), total: z.number().int() });
export type Priorities = z.infer<typeof Priorities>;

export const OrganisationCount = z.object({
  organisationId: z.uuid(),
  code: z.string(),
  count: z.number().int(),
  /** The oldest draft's day, or the day since which no progress counts. */
  since: z.string(),
});
export const Overdue = z.object({
  actions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      owner: z.string(),
      endDate: z.string(),
      recommendationCount: z.number().int(),
    }),
  ),
  actionsTotal: z.number().int(),
  /** Recommendations led without approved progress for six months, per organisation. */
  withoutProgress: z.array(OrganisationCount),
  /** Drafts waiting for approval for more than two weeks, per organisation. */
  draftsWaiting: z.array(OrganisationCount),
});
export type Overdue = z.infer<typeof Overdue>;
