/** Rows of the recommendations tables, as the database returns them (snake_case). */
import type { ImportKind, Mechanism, Position, Recommendation } from './schema.ts';

export interface RecommendationRow {
  id: string;
  mechanism: Mechanism;
  body_code: string | null;
  state_under_review: string;
  symbol: string | null;
  paragraph: string | null;
  text: string;
  text_nl: string | null;
  recommending_states: string[];
  position: Position | null;
  position_explanation: string | null;
  follow_up: boolean;
  status: Recommendation['status'];
  year: number | null;
  upr_session: number | null;
  action_category: number | null;
  bare_text: string | null;
  recommending_state_codes: string[];
  upr_cycle: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The columns of RecommendationRow, for `select ${RECOMMENDATION_COLUMNS} from recommendations r`. */
export const RECOMMENDATION_COLUMNS = `r.id, r.mechanism, r.body_code, r.state_under_review, r.symbol, r.paragraph,
  r.text, r.text_nl, r.recommending_states, r.position, r.position_explanation, r.follow_up, r.status, r.year,
  r.upr_session, r.action_category, r.bare_text, r.recommending_state_codes, r.upr_cycle, r.version, r.created_at,
  r.updated_at`;

export interface RecommendationSourceRow {
  kind: ImportKind;
  source_key: string;
  file_name: string | null;
  paragraph: string | null;
  import_id: string | null;
  imported_at: string;
  imported_by: string;
  /** What the source says of the recommendation (absent where a query leaves them out). */
  reported_text?: string | null;
  reported_states?: string[];
  reported_position?: Position | null;
  reported_date?: string | null;
}

/** A taxonomy term a recommendation is tagged with (taxonomy_terms joined). */
export interface TermRefRow {
  id: string;
  scheme: string;
  code: string;
  label_en: string;
  label_nl: string | null;
}

export interface UnmappedTermRow {
  scheme: string;
  spelling: string;
}

export interface SavedSearchRow {
  id: string;
  user_id: string;
  name: string;
  query: string;
  version: number;
  created_at: string;
}
