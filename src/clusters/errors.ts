/** The errors of clusters of recommendations. */
import { defineErrors } from '../core/errors.ts';

export const clusterErrors = defineErrors('cluster', {
  edit_forbidden: {
    status: 403,
    en: (p: { code: string }) =>
      `Only a coordinator of ${p.code} (the cluster's owner) or of the coordinating ministry may do this.`,
    nl: (p: { code: string }) =>
      `Alleen een coördinator van ${p.code} (eigenaar van het cluster) of van het coördinerende ministerie mag dit.`,
  },
  too_many: {
    status: 400,
    en: (p: { count: number; limit: number }) =>
      `A cluster holds at most ${p.limit} recommendations; this would make ${p.count}. Narrow the search.`,
    nl: (p: { count: number; limit: number }) =>
      `Een cluster bevat hoogstens ${p.limit} aanbevelingen; dit zouden er ${p.count} worden. Verfijn de zoekopdracht.`,
  },
  recommendations_unknown: {
    status: 400,
    en: (p: { ids: string }) => `These recommendations do not exist: ${p.ids}. Pick them from the search.`,
    nl: (p: { ids: string }) => `Deze aanbevelingen bestaan niet: ${p.ids}. Kies ze uit de zoekresultaten.`,
  },
});
