import { z } from 'zod';
import { Uuid } from '../shared/schema.ts';

/** The vocabularies the tagging model suggests labels of. */
export const Vocabulary = z.enum(['upr-info-issue', 'uhri-theme', 'uhri-group', 'sdg-target']);
export type Vocabulary = z.infer<typeof Vocabulary>;

export const DecisionStatus = z.enum(['accepted', 'rejected']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

/**
 * A taxonomy term the model suggests for a recommendation: a UPR Info issue label becomes the UHRI
 * theme(s) and group(s) it is an alias of; the highest score of all the labels that lead to a term
 * is kept.
 */
export const SuggestedTerm = z.object({
  termId: Uuid,
  scheme: z.string(),
  code: z.string(),
  labelEn: z.string(),
  labelNl: z.string().nullable(),
  /** 0..1 */
  score: z.number().min(0).max(1),
  /** Whether the score reaches the model's threshold (what the bulk tagging accepts). */
  aboveThreshold: z.boolean(),
  /** The model's vocabularies whose labels led to this term. */
  vocabularies: z.array(Vocabulary),
});
export type SuggestedTerm = z.infer<typeof SuggestedTerm>;

export const SuggestionAbilities = z.object({ decide: z.boolean() });

const ModelVersion = z.string().trim().min(1, 'send the model version of the suggestions').max(200);

/** The version of the model that made the suggestions: decisions send it back. */
const ModelFields = { modelVersion: z.string() };

/** The pending suggestions of one recommendation (those decided before left out). */
export const RecommendationSuggestions = z.object({
  recommendationId: Uuid,
  /** The number of tags the recommendation has. */
  tagCount: z.number().int(),
  items: z.array(SuggestedTerm),
  abilities: SuggestionAbilities,
  ...ModelFields,
});
export type RecommendationSuggestions = z.infer<typeof RecommendationSuggestions>;

/** Accept or reject one suggestion, as made by the model of `modelVersion`. */
export const SuggestionDecisionInput = z.object({
  termId: Uuid,
  modelVersion: ModelVersion,
  status: DecisionStatus,
});
export type SuggestionDecisionInput = z.infer<typeof SuggestionDecisionInput>;

export const SuggestionDecision = z.object({
  id: Uuid,
  recommendationId: Uuid,
  termId: Uuid,
  score: z.number(),
  modelVersion: z.string(),
  status: DecisionStatus,
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type SuggestionDecision = z.infer<typeof SuggestionDecision>;

export const ImportSuggestionsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ImportSuggestionsQuery = z.infer<typeof ImportSuggestionsQuery>;

/** A recommendation an import created, with its pending suggestions. */
export const ImportSuggestionItem = z.object({
  id: Uuid,
  mechanism: z.string(),
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  uprSession: z.number().int().nullable(),
  stateUnderReview: z.string(),
  text: z.string(),
  tagCount: z.number().int(),
  suggestions: z.array(SuggestedTerm),
});
export type ImportSuggestionItem = z.infer<typeof ImportSuggestionItem>;

/** The recommendations an import created (those merged away since left out), a page of them. */
export const ImportSuggestions = z.object({
  importId: Uuid,
  fileName: z.string(),
  importedAt: z.string(),
  /** Of the recommendations the import created, how many have no tag. */
  untagged: z.number().int(),
  items: z.array(ImportSuggestionItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  abilities: SuggestionAbilities,
  ...ModelFields,
});
export type ImportSuggestions = z.infer<typeof ImportSuggestions>;

export const ImportTagInput = z.object({ modelVersion: ModelVersion });
export type ImportTagInput = z.infer<typeof ImportTagInput>;

/** What tagging an import's new recommendations did. */
export const ImportTagResult = z.object({
  /** Recommendations the import created (still there). */
  recommendations: z.number().int(),
  /** Of those, the ones without tags before. */
  untagged: z.number().int(),
  /** Recommendations that got tags. */
  tagged: z.number().int(),
  /** Tags added in all. */
  tagsAdded: z.number().int(),
  /** Untagged recommendations with no pending suggestion above the threshold: left as they were. */
  withoutSuggestions: z.number().int(),
  modelVersion: z.string(),
});
export type ImportTagResult = z.infer<typeof ImportTagResult>;
