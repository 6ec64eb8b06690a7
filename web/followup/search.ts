/**
 * The URL search params of the worklist (/worklist?organisationId=…&view=no_position&page=2), checked
 * without zod so that the router can take them on the first page already.
 */
import type { WorklistView } from '../../src/followup/schema.ts';

export const WORKLIST_VIEWS: readonly WorklistView[] = [
  'all',
  'no_position',
  'no_progress',
  'due_soon',
  'to_approve',
];

export interface WorklistSearch {
  organisationId?: string | undefined;
  view?: WorklistView | undefined;
  page?: number | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateWorklistSearch(s: Record<string, unknown>): WorklistSearch {
  const page = Number(s.page);
  return {
    organisationId:
      typeof s.organisationId === 'string' && UUID.test(s.organisationId) ? s.organisationId : undefined,
    view: WORKLIST_VIEWS.find((v) => v === s.view),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
