import { z } from 'zod';
import { PageQuery, Uuid } from '../shared/schema.ts';

export const Mechanism = z.enum([
  'treaty_body',
  'upr',
  'coe_body',
  'special_procedure',
  'advisory_council',
  'nhri',
  'parliament',
  'other',
]);
export type Mechanism = z.infer<typeof Mechanism>;

export const Position = z.enum([
  'supported',
  'supported_in_part',
  'noted',
  'pending',
  'agrees',
  'partly_agrees',
  'disagrees',
]);
export type Position = z.infer<typeof Position>;

export const RecommendationStatus = z.enum([
  'new',
  'assigned',
  'in_progress',
  'implemented',
  'partially_implemented',
  'not_implemented',
  'not_applicable',
]);

export const ImportKind = z.enum(['uhri', 'upr-info', 'document', 'spreadsheet']);
export type ImportKind = z.infer<typeof ImportKind>;

export const Source = z.object({
  kind: ImportKind,
  sourceKey: z.string(),
  fileName: z.string().nullable(),
  paragraph: z.string().nullable(),
  importId: Uuid.nullable(),
  importedAt: z.string(),
  importedBy: z.string(),
});

export const TermRef = z.object({
  id: Uuid,
  scheme: z.string(),
  code: z.string(),
  labelEn: z.string(),
  labelNl: z.string().nullable(),
});

export const Recommendation = z.object({
  id: Uuid,
  mechanism: Mechanism,
  bodyCode: z.string().nullable(),
  stateUnderReview: z.string(),
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  text: z.string(),
  textNl: z.string().nullable(),
  recommendingStates: z.array(z.string()),
  position: Position.nullable(),
  positionExplanation: z.string().nullable(),
  followUp: z.boolean(),
  status: RecommendationStatus,
  year: z.number().int().nullable(),
  uprSession: z.number().int().nullable(),
  actionCategory: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const RecommendationDetail = Recommendation.extend({
  sources: z.array(Source),
  terms: z.array(TermRef),
  unmappedTerms: z.array(z.object({ scheme: z.string(), spelling: z.string() })),
});

export const RecommendationQuery = PageQuery.extend({
  q: z.string().max(500).optional(),
  mechanism: Mechanism.optional(),
  state: z.string().max(200).optional(),
  recommendingState: z.string().max(200).optional(),
  position: Position.optional(),
  year: z.coerce.number().int().optional(),
  symbol: z.string().max(100).optional(),
  termId: Uuid.optional(),
  followUp: z.enum(['true', 'false']).optional(),
  status: RecommendationStatus.optional(),
  leadOrganisationId: Uuid.optional(),
  sort: z.enum(['relevance', 'year', 'symbol']).optional(),
  bodyCode: z.string().max(40).optional(),
  importId: Uuid.optional(),
  instrumentId: Uuid.optional(),
  cycleId: Uuid.optional(),
});

export const ImportSummary = z.object({
  importId: Uuid.nullable(),
  kind: ImportKind,
  fileName: z.string(),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  sources: z.number().int(),
  unmappedTerms: z.array(z.object({ scheme: z.string(), spelling: z.string(), count: z.number().int() })),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  committed: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** One recommendation as an importer reads it, before it is stored. */
export interface ImportRecord {
  /** Row or paragraph in the file, for error reports. */
  row: number;
  /** The source's own key (UHRI annotation id, UPR Info id, ...): importing again updates. */
  sourceKey: string;
  paragraph?: string | null;
  mechanism: Mechanism;
  bodyCode?: string | null;
  stateUnderReview: string;
  symbol?: string | null;
  text: string;
  textNl?: string | null;
  recommendingStates: string[];
  position?: Position | null;
  /** The government's explanation of its position (e.g. the cabinet's appreciation). */
  positionExplanation?: string | null;
  year?: number | null;
  uprSession?: number | null;
  actionCategory?: number | null;
  followUp?: boolean;
  /** Taxonomy spellings as the source gives them, mapped through the aliases on import. */
  terms: { scheme: 'uhri_theme' | 'uhri_group' | 'sdg_target' | 'sdg_goal'; spelling: string }[];
}

export interface RowError {
  row: number;
  message: string;
}
