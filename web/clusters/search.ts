/**
 * The URL search params of the cluster and action lists (/clusters?organisationId=…&q=…,
 * /actions?overdue=true&linkCluster=…), checked without zod so that the router can take them on the
 * first page already.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);
const page = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 1 ? n : undefined;
};
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);

export interface ClustersSearch {
  organisationId?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

export function validateClustersSearch(s: Record<string, unknown>): ClustersSearch {
  return { organisationId: uuid(s.organisationId), q: text(s.q), page: page(s.page) };
}

export interface ActionsSearch {
  organisationId?: string | undefined;
  overdue?: 'true' | undefined;
  page?: number | undefined;
  /** Opens the form for a new action, linked to this recommendation. */
  linkRecommendation?: string | undefined;
  /** Opens the form for a new action, serving this cluster. */
  linkCluster?: string | undefined;
  /** Opens the form for a new action without links. */
  create?: true | undefined;
}

export function validateActionsSearch(s: Record<string, unknown>): ActionsSearch {
  return {
    organisationId: uuid(s.organisationId),
    overdue: s.overdue === 'true' || s.overdue === true ? 'true' : undefined,
    page: page(s.page),
    linkRecommendation: uuid(s.linkRecommendation),
    linkCluster: uuid(s.linkCluster),
    create: s.create === true || s.create === 'true' ? true : undefined,
  };
}
