/** The rows of the results framework's tables (migration 0033). */
export interface FrameworkAreaRow {
  id: string;
  year: number;
  code: number;
  title_nl: string;
  title_en: string;
  title_nl_verified: boolean;
  title_nl_source: string | null;
  position: number;
  version: number;
}
export interface FrameworkPriorityRow {
  id: string;
  year: number;
  priority: 'expression' | 'women_girls' | 'lgbtiq' | 'religion_belief' | 'defenders_civic_space';
  label_nl_verified: boolean;
  label_nl_source: string | null;
  position: number;
  version: number;
}
export interface FrameworkGoalRow {
  id: string;
  year: number;
  area_id: string | null;
  priority_id: string | null;
  text: string;
  position: number;
  version: number;
}
export interface FrameworkIndicatorRow {
  id: string;
  goal_id: string;
  text: string;
  unit: string | null;
  baseline: string | null;
  target: string | null;
  reached: string | null;
  position: number;
  version: number;
}
