/** The URL search params of the results framework page (/resultatenkader?year=2025). */
export interface FrameworkSearch {
  year?: number | undefined;
}

export function validateFrameworkSearch(s: Record<string, unknown>): FrameworkSearch {
  const year = Number(s.year);
  return { year: Number.isInteger(year) && year >= 1945 && year <= 2099 ? year : undefined };
}

/** The year a report is written about by default: the last full calendar year. */
export const defaultReportYear = () => new Date().getUTCFullYear() - 1;
