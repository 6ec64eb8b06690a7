import { defineErrors } from '../core/errors.ts';

/** Errors of the deadline list, the timeline and the calendar feeds. */
export const calendarErrors = defineErrors('calendar', {
  years_reversed: {
    status: 400,
    en: (p: { from: number; to: number }) =>
      `"to" (${p.to}) comes before "from" (${p.from}): give the earlier year first.`,
    nl: (p: { from: number; to: number }) =>
      `Het eindjaar (${p.to}) ligt vóór het beginjaar (${p.from}). Vul eerst het vroegste jaar in.`,
  },
  too_many_years: {
    status: 400,
    en: (p: { max: number }) => `Ask for at most ${p.max} years at a time.`,
    nl: (p: { max: number }) => `U kunt ten hoogste ${p.max} jaar tegelijk opvragen.`,
  },
  own_feed_forbidden: {
    status: 403,
    en: () => 'Only a signed-in user has a calendar feed of their own.',
    nl: () => 'Alleen een ingelogde gebruiker heeft een eigen agendakoppeling.',
  },
  organisation_feed_forbidden: {
    status: 403,
    en: () => 'Only a coordinator of this organisation or an administrator may manage its calendar feed.',
    nl: () =>
      'Alleen een coördinator van deze organisatie of een beheerder mag de agendakoppeling van de organisatie beheren.',
  },
  feed_link_unknown: {
    status: 404,
    en: () =>
      'No calendar feed with id "in this link (it was revoked or replaced: ask for the new link)" exists. ' +
      'Check the id or pick one from the list.',
    nl: () =>
      'Deze agendakoppeling bestaat niet (meer): de link is ingetrokken of vervangen. Vraag om de nieuwe link.',
  },
});
