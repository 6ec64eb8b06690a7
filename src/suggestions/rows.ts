import type { DecisionStatus } from './schema.ts';

/** A row of suggestion_decisions, as the database returns it. */
export interface DecisionRow {
  id: string;
  recommendation_id: string;
  term_id: string;
  score: number;
  model_version: string;
  status: DecisionStatus;
  decided_by: string | null;
  decided_by_label: string;
  decided_at: string;
}

/** A recommendation as the suggestions need it. */
export interface SuggestionSubjectRow {
  id: string;
  mechanism: string;
  symbol: string | null;
  paragraph: string | null;
  upr_session: number | null;
  state_under_review: string;
  text: string;
}
