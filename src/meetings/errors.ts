/** The errors of the network meetings: planning them, their participants, agenda and decisions. */
import { defineErrors } from '../core/errors.ts';
import { COORDINATING_MINISTRY_CODE as BZK } from '../core/policy.ts';

const ONLY_EN = `Only an administrator or a coordinator of the coordinating ministry (${BZK}) may`;
const ONLY_NL = `Alleen een beheerder of een coördinator van het coördinerend ministerie (${BZK}) mag`;

export const meetingErrors = defineErrors('meeting', {
  create_forbidden: {
    status: 403,
    en: () => `${ONLY_EN} plan a meeting of the network of treaty coordinators.`,
    nl: () => `${ONLY_NL} een overleg van het netwerk van verdragscoördinatoren plannen.`,
  },
  edit_forbidden: {
    status: 403,
    en: () => `${ONLY_EN} change a meeting of the network of treaty coordinators.`,
    nl: () => `${ONLY_NL} een overleg van het netwerk van verdragscoördinatoren wijzigen.`,
  },
  agenda_forbidden: {
    status: 403,
    en: () => `${ONLY_EN} change the agenda of a network meeting.`,
    nl: () => `${ONLY_NL} de agenda van een netwerkoverleg wijzigen.`,
  },
  decision_forbidden: {
    status: 403,
    en: () => `${ONLY_EN} record a decision of a network meeting.`,
    nl: () => `${ONLY_NL} een besluit van een netwerkoverleg vastleggen.`,
  },
  participant_twice: {
    status: 400,
    en: () => 'An organisation is listed twice among the participants: remove one.',
    nl: () => 'Een organisatie staat twee keer tussen de deelnemers. Verwijder er een.',
  },
  cycle_unknown: {
    status: 400,
    en: (p: { id: string }) => `No reporting cycle with id "${p.id}" exists: choose one from the list.`,
    nl: (p: { id: string }) => `Er bestaat geen rapportagecyclus met id "${p.id}". Kies er een uit de lijst.`,
  },
});
