import { defineErrors } from '../core/errors.ts';

/** A moment for people: its date and time in Dutch time, in the language of the message. */
const when = (iso: string, locale: 'nl-NL' | 'en-GB') => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(d);
};

export const contributionErrors = defineErrors('report', {
  contribution_manage_forbidden: {
    status: 403,
    en: () =>
      'Only an administrator or a coordinator of the Ministry of Foreign Affairs (BZ) or of BZK may manage requests for contributions and the examples of the report.',
    nl: () =>
      'Alleen een beheerder of een coördinator van Buitenlandse Zaken (BZ) of BZK mag uitvragen voor bijdragen en de voorbeelden van de rapportage beheren.',
  },
  contribution_deadline_passed: {
    status: 409,
    en: (p: { title: string; deadline: string }) =>
      `The deadline for contributions to "${p.title}" passed on ${when(p.deadline, 'en-GB')} (Dutch time); nothing was saved.`,
    nl: (p: { title: string; deadline: string }) =>
      `De termijn voor bijdragen aan "${p.title}" is verstreken op ${when(p.deadline, 'nl-NL')}; er is niets opgeslagen.`,
  },
  contribution_cross_site: {
    status: 403,
    en: () =>
      'Contributions are accepted only from the form of this site. Open the link of the request and send the form there.',
    nl: () =>
      'Bijdragen worden alleen aangenomen via het formulier van deze site. Open de link van de uitvraag en verstuur het formulier daar.',
  },
  contribution_request_closed: {
    status: 409,
    en: (p: { title: string }) =>
      `The request "${p.title}" is closed and takes no more contributions; nothing was saved.`,
    nl: (p: { title: string }) =>
      `De uitvraag "${p.title}" is gesloten en neemt geen bijdragen meer aan; er is niets opgeslagen.`,
  },
  contribution_rate_limited: {
    status: 429,
    en: (p: { max: number; minutes: number }) =>
      `At most ${p.max} contributions an hour may be sent from one address. Try again in ${p.minutes} minutes.`,
    nl: (p: { max: number; minutes: number }) =>
      `Vanaf één adres kunnen hooguit ${p.max} bijdragen per uur worden verstuurd. Probeer het over ${p.minutes} minuten opnieuw.`,
  },
  contribution_area_not_tagged: {
    status: 400,
    en: (p: { area: number }) =>
      `This contribution is not tagged to result area ${p.area}; choose one of its own result areas.`,
    nl: (p: { area: number }) =>
      `Deze bijdrage hoort niet bij resultaatgebied ${p.area}; kies een van haar eigen resultaatgebieden.`,
  },
  example_exists: {
    status: 409,
    en: (p: { area: number }) =>
      `This contribution is already an example of result area ${p.area}; edit that example instead.`,
    nl: (p: { area: number }) =>
      `Deze bijdrage is al een voorbeeld voor resultaatgebied ${p.area}; bewerk dat voorbeeld.`,
  },
});
