/** Similar recommendations and the cluster proposals made from them. Shared by the API and the browser app. */
import { z } from 'zod';
import { Mechanism, Position } from '../recommendations/schema.ts';
import { Uuid } from '../shared/schema.ts';

/** How many similar recommendations a recommendation's page lists. */
export const SIMILAR_LIMIT = 10;

export const SimilarItem = z.object({
  id: Uuid,
  /** Cosine similarity of the two texts' TF-IDF vectors: 1 is the same words, 0 none in common. */
  score: z.number().min(0).max(1),
  mechanism: Mechanism,
  bodyCode: z.string().nullable(),
  stateUnderReview: z.string(),
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  /** The cycle the recommendation belongs to (its label), when it is linked to one. */
  cycle: z.string().nullable(),
  uprCycle: z.number().int().nullable(),
  uprSession: z.number().int().nullable(),
  year: z.number().int().nullable(),
  position: Position.nullable(),
  text: z.string(),
  /** The same state under review received it again: in another cycle or session, or from another body. */
  receivedAgain: z.boolean(),
  /** The same text (without state attributions) as the recommendation asked about. */
  duplicate: z.boolean(),
});
export type SimilarItem = z.infer<typeof SimilarItem>;

export const SimilarList = z.object({
  id: Uuid,
  items: z.array(SimilarItem),
});
export type SimilarList = z.infer<typeof SimilarList>;

export const ProposalQuery = z.object({
  /** The least similarity of two members (0.3 to 0.95). */
  minScore: z.coerce
    .number({ message: 'must be a number between 0.3 and 0.95' })
    .min(0.3, { message: 'must be at least 0.3' })
    .max(0.95, { message: 'must be at most 0.95' })
    .default(0.5),
});
export type ProposalQuery = z.infer<typeof ProposalQuery>;

export const ProposalMember = z.object({
  id: Uuid,
  mechanism: Mechanism,
  bodyCode: z.string().nullable(),
  stateUnderReview: z.string(),
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  uprSession: z.number().int().nullable(),
  year: z.number().int().nullable(),
  text: z.string(),
});
export type ProposalMember = z.infer<typeof ProposalMember>;

export const Proposal = z.object({
  /** A suggested title: the text of the member most like the others, shortened. */
  title: z.string(),
  /** The words the members share (their stems as the search knows them), most telling first. */
  sharedTerms: z.array(z.string()),
  /** The mean similarity of the members to the one most like the others. */
  score: z.number().min(0).max(1),
  members: z.array(ProposalMember),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalList = z.object({
  items: z.array(Proposal),
  /** The organisation a cluster made from a proposal belongs to: the caller's own. */
  ownerOrganisationId: Uuid.nullable(),
  abilities: z.object({
    /** Make a cluster from a proposal (POST /api/clusters), owned by ownerOrganisationId. */
    createCluster: z.boolean(),
  }),
});
export type ProposalList = z.infer<typeof ProposalList>;
