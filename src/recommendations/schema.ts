import { z } from 'zod';
import { PageQuery, Uuid, VersionParam } from '../shared/schema.ts';

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

/** The columns an export may hold, in the order they appear. */
export const ExportColumn = z.enum([
  'id',
  'mechanism',
  'bodyCode',
  'stateUnderReview',
  'symbol',
  'paragraph',
  'text',
  'textNl',
  'recommendingStates',
  'position',
  'followUp',
  'status',
  'year',
  'uprSession',
  'themes',
  'groups',
  'sdgs',
]);
export type ExportColumn = z.infer<typeof ExportColumn>;
export const EXPORT_COLUMNS: readonly ExportColumn[] = ExportColumn.options;

/** The header of each export column in both languages. */
export const EXPORT_COLUMN_LABELS: Record<ExportColumn, { en: string; nl: string }> = {
  id: { en: 'Id', nl: 'Id' },
  mechanism: { en: 'Mechanism', nl: 'Mechanisme' },
  bodyCode: { en: 'Body', nl: 'Orgaan' },
  stateUnderReview: { en: 'State under review', nl: 'Staat' },
  symbol: { en: 'Document symbol', nl: 'Documentkenmerk' },
  paragraph: { en: 'Paragraph', nl: 'Paragraaf' },
  text: { en: 'Text', nl: 'Tekst' },
  textNl: { en: 'Dutch text', nl: 'Nederlandse tekst' },
  recommendingStates: { en: 'Recommending states', nl: 'Aanbevelende staten' },
  position: { en: 'Position', nl: 'Standpunt' },
  followUp: { en: 'Follow-up priority', nl: 'Follow-up-prioriteit' },
  status: { en: 'Status', nl: 'Status' },
  year: { en: 'Year', nl: 'Jaar' },
  uprSession: { en: 'UPR session', nl: 'UPR-sessie' },
  themes: { en: 'Themes', nl: "Thema's" },
  groups: { en: 'Affected persons', nl: 'Betrokken groepen' },
  sdgs: { en: 'SDG targets', nl: 'SDG-subdoelen' },
};

/** The columns of an export that names none. */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  'symbol',
  'paragraph',
  'text',
  'recommendingStates',
  'position',
  'year',
  'themes',
];

const isExportColumn = (c: string): c is ExportColumn => (EXPORT_COLUMNS as readonly string[]).includes(c);

/** `columns=symbol,text,...` of an export request: known names only; none means the default columns. */
export const ExportColumnsParam = z
  .string()
  .max(500)
  .refine((v) => !v || v.split(',').every(isExportColumn), {
    message: `use a comma-separated list of ${EXPORT_COLUMNS.join(', ')}`,
  });

/** The columns an export request asks for (see ExportColumnsParam). */
export function exportColumnsOf(param: string | undefined): ExportColumn[] {
  return param ? param.split(',').filter(isExportColumn) : [...DEFAULT_EXPORT_COLUMNS];
}

export const ImportKind = z.enum(['uhri', 'upr-info', 'document', 'spreadsheet']);
export type ImportKind = z.infer<typeof ImportKind>;

export const Source = z.object({
  kind: ImportKind,
  sourceKey: z.string(),
  fileName: z.string().nullable(),
  paragraph: z.string().nullable(),
  importId: Uuid.nullable(),
  importedAt: z.string(),
  /** Who imported it; null for a visitor who is not signed in. */
  importedBy: z.string().nullable(),
  /** What this source says of the recommendation: its wording, states, position and date. */
  reportedText: z.string().nullable(),
  reportedStates: z.array(z.string()),
  reportedPosition: Position.nullable(),
  reportedDate: z.string().nullable(),
});
export type Source = z.infer<typeof Source>;

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
  /** The text without its state attributions: what identifies it with the state and the review. */
  bareText: z.string().nullable(),
  /** ISO 3166-1 alpha-3 codes of the recommending states. */
  recommendingStateCodes: z.array(z.string()),
  uprCycle: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;

/** What the user may do with a recommendation: merge another into it, take a source out of it. */
export const RecommendationAbilities = z.object({ merge: z.boolean(), split: z.boolean() });
export type RecommendationAbilities = z.infer<typeof RecommendationAbilities>;

export const RecommendationDetail = Recommendation.extend({
  sources: z.array(Source),
  terms: z.array(TermRef),
  unmappedTerms: z.array(z.object({ scheme: z.string(), spelling: z.string() })),
  /** Where the sources disagree: the fields (position, date) on which they differ. */
  disagreements: z.array(z.enum(['position', 'date'])),
  /** Whether the government's follow-up of it is public (GET /api/public/recommendations/:id/followup). */
  published: z.boolean(),
  abilities: RecommendationAbilities,
});
export type RecommendationDetail = z.infer<typeof RecommendationDetail>;

export const RecommendationQuery = PageQuery.extend({
  q: z.string().max(500).optional(),
  mechanism: Mechanism.optional(),
  state: z.string().max(200).optional(),
  recommendingState: z.string().max(200).optional(),
  position: Position.optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
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

/** One facet value of a search with its count (and, for ids, its labels). */
export const Facet = z.object({
  value: z.string(),
  count: z.number().int(),
  label: z.string().optional(),
  labelNl: z.string().optional(),
});
export type Facet = z.infer<typeof Facet>;

export const RecommendationPage = z.object({
  items: z.array(Recommendation),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.record(z.string(), z.array(Facet)),
  /** English words also searched for the Dutch words of the query ("kinderen" → children, child). */
  alsoSearched: z.array(z.string()),
});
export type RecommendationPage = z.infer<typeof RecommendationPage>;

/** The filters of a search (a RecommendationQuery as validated). */
export type SearchFilters = z.infer<typeof RecommendationQuery>;

export const ExportQuery = RecommendationQuery.omit({ page: true, pageSize: true }).extend({
  columns: ExportColumnsParam.optional(),
  lang: z.enum(['nl', 'en']).default('nl'),
});
export type ExportFilters = Omit<SearchFilters, 'page' | 'pageSize'>;

export const UnmappedTerm = z.object({ scheme: z.string(), spelling: z.string(), count: z.number().int() });
export type UnmappedTerm = z.infer<typeof UnmappedTerm>;

/** A saved search: the query string of the recommendation list under a name of the user's. */
export const SavedSearch = z.object({
  id: Uuid,
  name: z.string(),
  query: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

/** The query of the list as a string ("?q=x&state=y") or as its parameters ({ q: 'x' }). */
export const SavedSearchCreate = z.object({
  name: z.string().trim().min(1, 'give the search a name').max(200),
  query: z.union([
    z.string().max(2000),
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  ]),
});
export type SavedSearchCreate = z.infer<typeof SavedSearchCreate>;

/** Merging another recommendation into this one: both at the version the user saw. */
export const MergeRequest = z.object({
  otherId: Uuid,
  version: z.number().int().min(1),
  otherVersion: z.number().int().min(1),
});
export type MergeRequest = z.infer<typeof MergeRequest>;

/** Taking one source out of a recommendation, at the version the user saw. */
export const SplitRequest = z.object({
  sourceKind: ImportKind,
  sourceKey: z.string().min(1).max(500),
  version: z.number().int().min(1),
});
export type SplitRequest = z.infer<typeof SplitRequest>;

/** The outcome of a merge or split: the recommendation kept and the one absorbed or split off. */
export const MergeResult = z.object({ recommendation: RecommendationDetail, otherId: Uuid });
export type MergeResult = z.infer<typeof MergeResult>;

/** A delete names the version the user saw. */
export const VersionQuery = z.object({ version: VersionParam });

export const ImportQuery = z.object({
  fileName: z.string().min(1).max(300),
  preview: z.enum(['true', 'false']).default('false'),
  validRowsOnly: z.enum(['true', 'false']).default('false'),
  documentKind: z.enum(['auto', 'upr', 'treaty-body', 'advisory']).default('auto'),
});
export type DocumentKindOption = z.infer<typeof ImportQuery>['documentKind'];

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
  unmappedTerms: z.array(UnmappedTerm),
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
  /** The date the source gives (YYYY-MM-DD, YYYY-MM or YYYY), kept with the source. */
  reportedDate?: string | null;
  /** Taxonomy spellings as the source gives them, mapped through the aliases on import. */
  terms: { scheme: 'uhri_theme' | 'uhri_group' | 'sdg_target' | 'sdg_goal'; spelling: string }[];
}

export interface RowError {
  row: number;
  message: string;
}
