/** One presenter per entity: a database row in the API's shape. */
import type {
  RecommendationRow,
  RecommendationSourceRow,
  SavedSearchRow,
  TermRefRow,
  UnmappedTermRow,
} from './rows.ts';
import type { Recommendation, RecommendationDetail, SavedSearch } from './schema.ts';

export function presentRecommendation(r: RecommendationRow): Recommendation {
  return {
    id: r.id,
    mechanism: r.mechanism,
    bodyCode: r.body_code,
    stateUnderReview: r.state_under_review,
    symbol: r.symbol,
    paragraph: r.paragraph,
    text: r.text,
    textNl: r.text_nl,
    recommendingStates: r.recommending_states,
    position: r.position,
    positionExplanation: r.position_explanation,
    followUp: r.follow_up,
    status: r.status,
    year: r.year,
    uprSession: r.upr_session,
    actionCategory: r.action_category,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentRecommendationDetail(
  r: RecommendationRow,
  sources: RecommendationSourceRow[],
  terms: TermRefRow[],
  unmapped: UnmappedTermRow[],
): RecommendationDetail {
  return {
    ...presentRecommendation(r),
    sources: sources.map((s) => ({
      kind: s.kind,
      sourceKey: s.source_key,
      fileName: s.file_name,
      paragraph: s.paragraph,
      importId: s.import_id,
      importedAt: s.imported_at,
      importedBy: s.imported_by,
    })),
    terms: terms.map((t) => ({
      id: t.id,
      scheme: t.scheme,
      code: t.code,
      labelEn: t.label_en,
      labelNl: t.label_nl,
    })),
    unmappedTerms: unmapped.map((u) => ({ scheme: u.scheme, spelling: u.spelling })),
  };
}

export const presentSavedSearch = (r: SavedSearchRow): SavedSearch => ({
  id: r.id,
  name: r.name,
  query: r.query,
  version: r.version,
  createdAt: r.created_at,
});
