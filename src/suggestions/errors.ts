/** The errors of the tagging suggestions. */
import { defineErrors } from '../core/errors.ts';

export const suggestionErrors = defineErrors('suggestion', {
  decide_forbidden: {
    status: 403,
    en: () =>
      'Only administrators and coordinators of the coordinating ministry may add tags to recommendations, and so accept or reject suggested tags.',
    nl: () =>
      'Alleen beheerders en coördinatoren van het coördinerende ministerie mogen labels aan aanbevelingen toevoegen, en dus voorgestelde labels accepteren of afwijzen.',
  },
  model_changed: {
    status: 409,
    en: (p: { sent: string; current: string }) =>
      `The suggestions were made by model ${p.sent}, which has since been replaced by ${p.current}. Reload the suggestions and decide again.`,
    nl: (p: { sent: string; current: string }) =>
      `De voorstellen kwamen van model ${p.sent}, dat inmiddels is vervangen door ${p.current}. Herlaad de voorstellen en beslis opnieuw.`,
  },
  already_decided: {
    status: 409,
    en: (p: { term: string; status: string }) =>
      `The suggestion of ${p.term} for this recommendation was already ${p.status}. Reload the suggestions.`,
    nl: (p: { term: string; status: string }) =>
      `Over het voorstel ${p.term} voor deze aanbeveling is al beslist (${p.status === 'accepted' ? 'geaccepteerd' : 'afgewezen'}). Herlaad de voorstellen.`,
  },
  already_tagged: {
    status: 409,
    en: (p: { term: string }) =>
      `The recommendation already has the tag ${p.term}. Reload the recommendation.`,
    nl: (p: { term: string }) => `De aanbeveling heeft het label ${p.term} al. Herlaad de aanbeveling.`,
  },
  not_suggested: {
    status: 400,
    en: (p: { term: string }) =>
      `The model does not suggest ${p.term} for this recommendation. Pick one of the suggestions listed.`,
    nl: (p: { term: string }) =>
      `Het model stelt ${p.term} niet voor bij deze aanbeveling. Kies een van de getoonde voorstellen.`,
  },
  model_unavailable: {
    status: 503,
    en: () =>
      'The tagging model cannot be loaded on this server (its training data is missing). Ask an administrator.',
    nl: () =>
      'Het model voor labelvoorstellen kan op deze server niet worden geladen (de trainingsgegevens ontbreken). Vraag een beheerder.',
  },
  import_not_committed: {
    status: 400,
    en: (p: { id: string }) =>
      `Import ${p.id} was not committed: it created no recommendations to suggest tags for.`,
    nl: () =>
      'Deze import is niet doorgevoerd: er zijn geen nieuwe aanbevelingen om labels voor voor te stellen.',
  },
});
