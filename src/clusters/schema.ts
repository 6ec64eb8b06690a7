/** Clusters of recommendations. Shared by the API and the browser app. */
import { z } from 'zod';
import { OrgRef } from '../instruments/schema.ts';
import { RecommendationQuery } from '../recommendations/schema.ts';
import { PageQuery, Uuid, Version } from '../shared/schema.ts';

/** How many recommendations a cluster holds at most (a search that finds more is refused). */
export const CLUSTER_LIMIT = 5000;

const Text = (max: number) => z.string().trim().max(max);

export const ClusterMember = z.object({
  id: Uuid,
  mechanism: z.string(),
  bodyCode: z.string().nullable(),
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  year: z.number().int().nullable(),
  text: z.string(),
});

export const ClusterAbilities = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  /** Write a progress update on the cluster (members of its owner organisation). */
  addProgress: z.boolean(),
});

export const Cluster = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string().nullable(),
  owner: OrgRef,
  memberCount: z.number().int(),
  members: z.array(ClusterMember),
  /** The actions linked to the cluster. */
  actions: z.array(z.object({ id: Uuid, title: z.string(), endDate: z.string().nullable() })),
  version: Version,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: ClusterAbilities,
});
export type Cluster = z.infer<typeof Cluster>;

export const ClusterSummary = Cluster.omit({ members: true, actions: true });
export type ClusterSummary = z.infer<typeof ClusterSummary>;

/** The members: ids given, or every hit of a search (its filters as in the list). */
const Selection = {
  recommendationIds: z.array(Uuid).max(CLUSTER_LIMIT).optional(),
  search: RecommendationQuery.omit({ page: true, pageSize: true, sort: true }).optional(),
};
const oneSelection = (c: { recommendationIds?: unknown; search?: unknown }) =>
  !(c.recommendationIds && c.search);
const ONE = { message: 'send either recommendationIds or search, not both', path: ['search'] };

export const ClusterCreate = z
  .object({
    title: Text(300).min(1, { message: 'give the cluster a title' }),
    description: Text(8000).nullable().default(null),
    ownerOrganisationId: Uuid,
    ...Selection,
  })
  .refine(oneSelection, ONE);
export type ClusterCreate = z.infer<typeof ClusterCreate>;

export const ClusterUpdate = z.object({
  title: Text(300).min(1).optional(),
  description: Text(8000).nullable().optional(),
  ownerOrganisationId: Uuid.optional(),
  version: Version,
});
export type ClusterUpdate = z.infer<typeof ClusterUpdate>;

/** Adding members (ids or a search) and removing members (ids), in one change. */
export const ClusterMembersChange = z
  .object({ ...Selection, removeIds: z.array(Uuid).max(CLUSTER_LIMIT).default([]), version: Version })
  .refine(oneSelection, ONE);
export type ClusterMembersChange = z.infer<typeof ClusterMembersChange>;

export const ClusterQuery = PageQuery.extend({
  organisationId: Uuid.optional(),
  recommendationId: Uuid.optional(),
  q: z.string().max(200).optional(),
});
export type ClusterQuery = z.infer<typeof ClusterQuery>;
