/**
 * The URL search params of the list of documents (/brieven?kind=memo&state=draft&page=2), checked
 * without zod so that the router can take them on the first page already.
 */
import type { OutgoingKind } from '../../src/letters/kinds.ts';
import type { OutgoingState } from '../../src/letters/workspace-schema.ts';

export const KINDS = [
  'annual_letter',
  'memo',
  'cover_letter',
  'advisory_response',
  'concluding_response',
  'upr_addendum',
  'human_rights_report',
  'human_rights_report_nota',
  'human_rights_report_letter',
] as const satisfies readonly OutgoingKind[];
export const STATES = ['draft', 'consulted', 'ready', 'sent'] as const satisfies readonly OutgoingState[];

export interface LettersSearch {
  kind?: OutgoingKind | undefined;
  state?: OutgoingState | undefined;
  page?: number | undefined;
}

export function validateLettersSearch(s: Record<string, unknown>): LettersSearch {
  const page = Number(s.page);
  return {
    kind: KINDS.find((k) => k === s.kind),
    state: STATES.find((k) => k === s.state),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
