/** The URL search params of the financial annex (/rapportage/financien?from=2016&to=2018). */
export interface AnnexSearch {
  from?: number | undefined;
  to?: number | undefined;
}

const yearOf = (v: unknown): number | undefined => {
  const y = Number(v);
  return v !== undefined && v !== '' && Number.isInteger(y) && y >= 1945 && y <= 2100 ? y : undefined;
};

export function validateAnnexSearch(s: Record<string, unknown>): AnnexSearch {
  return { from: yearOf(s.from), to: yearOf(s.to) };
}
