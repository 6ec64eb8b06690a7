/**
 * The URL search params of the register (/commitments?status=open&overdue=true&…), checked without
 * zod so that the router can take them on the first page already.
 */
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  type CommitmentKind,
  type CommitmentStatus,
} from './values.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CommitmentsSearch {
  status?: CommitmentStatus | undefined;
  kind?: CommitmentKind | undefined;
  organisationId?: string | undefined;
  overdue?: 'true' | undefined;
  q?: string | undefined;
  page?: number | undefined;
  /** Opens the form for a new commitment. */
  create?: true | undefined;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined;

export function validateCommitmentsSearch(s: Record<string, unknown>): CommitmentsSearch {
  const page = Number(s.page);
  return {
    status: oneOf(COMMITMENT_STATUSES, s.status),
    kind: oneOf(COMMITMENT_KINDS, s.kind),
    organisationId:
      typeof s.organisationId === 'string' && UUID.test(s.organisationId) ? s.organisationId : undefined,
    overdue: s.overdue === 'true' || s.overdue === true ? 'true' : undefined,
    q: typeof s.q === 'string' && s.q.trim() ? s.q.trim().slice(0, 200) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    create: s.create === true || s.create === 'true' ? true : undefined,
  };
}
