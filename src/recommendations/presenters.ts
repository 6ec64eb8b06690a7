/** One presenter per entity: a database row in the API's shape. */
import type {
  RecommendationRow,
  RecommendationSourceRow,
  SavedSearchRow,
  TermRefRow,
  UnmappedTermRow,
} from './rows.ts';
import type {
  Recommendation,
  RecommendationAbilities,
  RecommendationDetail,
  SavedSearch,
  Source,
} from './schema.ts';

export const presentSource = (s: RecommendationSourceRow): Source => ({
  kind: s.kind,
  sourceKey: s.source_key,
  fileName: s.file_name,
  paragraph: s.paragraph,
  importId: s.import_id,
  importedAt: s.imported_at,
  importedBy: s.imported_by,
  reportedText: s.reported_text ?? null,
  reportedStates: s.reported_states ?? [],
  reportedPosition: s.reported_position ?? null,
  reportedDate: s.reported_date ?? null,
});

/** The fields on which the sources disagree: each gives a value, and they are not all the same. */
export function disagreementsOf(sources: readonly Source[]): RecommendationDetail['disagreements'] {
  const differ = (values: (string | null)[]) => new Set(values.filter((v) => v !== null)).size > 1;
  const out: RecommendationDetail['disagreements'] = [];
  if (differ(sources.map((s) => s.reportedPosition))) out.push('position');
  // Dates differ when the years do: one source gives the day, another the year of the same session.
  if (differ(sources.map((s) => s.reportedDate?.slice(0, 4) ?? null))) out.push('date');
  return out;
}

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
    bareText: r.bare_text ?? null,
    recommendingStateCodes: r.recommending_state_codes ?? [],
    uprCycle: r.upr_cycle ?? null,
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
  abilities: RecommendationAbilities = { merge: false, split: false },
): RecommendationDetail {
  const presented = sources.map(presentSource);
  return {
    ...presentRecommendation(r),
    sources: presented,
    disagreements: disagreementsOf(presented),
    // Whether the follow-up is public: read by merge-detail.ts.
    published: false,
    abilities,
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
