/**
 * Publishing the follow-up of recommendations: the selection published or withdrawn, the answers,
 * and the public follow-up (the only part of the follow-up anonymous visitors read). Shared by the
 * API and the browser app.
 */
import { z } from 'zod';
import { Uuid } from '../shared/schema.ts';
import { RecommendationQuery } from '../recommendations/schema.ts';
import { BULK_LIMIT, GovernmentPosition, ProgressStatus } from './schema.ts';

/** The recommendations whose follow-up is published or withdrawn: the ids given, or every hit of a search. */
export const PublishSelection = z
  .object({
    ids: z.array(Uuid).min(1).max(BULK_LIMIT).optional(),
    search: RecommendationQuery.omit({ page: true, pageSize: true, sort: true }).optional(),
  })
  .refine((b) => (b.ids ? 1 : 0) + (b.search ? 1 : 0) === 1, {
    message: 'send either ids or search, not both',
    path: ['ids'],
  });
export type PublishSelection = z.infer<typeof PublishSelection>;

export const PublishResult = z.object({
  /** Recommendations whose follow-up became public (publish) or stopped being public (withdraw). */
  changed: z.number().int(),
  /** Recommendations that already were so. */
  unchanged: z.number().int(),
});
export type PublishResult = z.infer<typeof PublishResult>;

/** Whether one recommendation's follow-up is public, and since when. */
export const FollowUpPublication = z.object({
  recommendationId: Uuid,
  published: z.boolean(),
  publishedAt: z.string().nullable(),
});
export type FollowUpPublication = z.infer<typeof FollowUpPublication>;

/** An approved progress update as the public reads it: no drafts, no files, no names of civil servants. */
export const PublicProgress = z.object({
  status: ProgressStatus,
  text: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** The day it was approved. */
  approvedOn: z.string(),
  /** Reported on a cluster the recommendation belongs to (it counts for each member). */
  viaCluster: z.boolean(),
});
export type PublicProgress = z.infer<typeof PublicProgress>;

/** The published follow-up of a recommendation (GET /api/public/recommendations/:id/followup). */
export const PublicFollowUp = z.object({
  recommendationId: Uuid,
  publishedAt: z.string(),
  /** The lead organisation (an organisation, never a person). */
  lead: z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() }).nullable(),
  /** The position recorded by the government (null: none yet), and the day it was last recorded. */
  position: z
    .object({
      position: GovernmentPosition.nullable(),
      appreciation: z.string().nullable(),
      explanation: z.string().nullable(),
      date: z.string(),
    })
    .nullable(),
  /** The approved progress, newest period first. */
  progress: z.array(PublicProgress),
});
export type PublicFollowUp = z.infer<typeof PublicFollowUp>;
