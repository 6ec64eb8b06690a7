/**
 * The URL search params of the routes that have them, validated by the server's zod query schemas. This
 * module (and zod with it) is loaded apart from the first page: see `searchOf` in router.tsx.
 */
import { AuditQuery } from '../src/audit/schema.ts';
import { DeadlineQuery, TimelineQuery } from '../src/calendar/schema.ts';
import { OrganisationQuery } from '../src/organisations/schema.ts';
import { TermQuery } from '../src/taxonomy/schema.ts';
import { searchValidator } from './lib/search.ts';
import { validateRecommendationsSearch } from './recommendations/search.ts';

export const searchValidators = {
  organisations: searchValidator(OrganisationQuery.shape, ['kind', 'q', 'page']),
  audit: searchValidator(AuditQuery.shape, ['entityType', 'action', 'from', 'to', 'page']),
  deadlines: searchValidator(DeadlineQuery.shape, ['within', 'organisationId', 'overdue', 'page']),
  timeline: searchValidator(TimelineQuery.shape, ['from', 'to']),
  taxonomy: searchValidator(TermQuery.shape, ['scheme', 'q', 'page']),
  recommendations: validateRecommendationsSearch,
};
