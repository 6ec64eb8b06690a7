/** The errors of the state report itself: making it, its sections, the list of issues, the submission. */
import { defineErrors } from '../core/errors.ts';

export const stateReportErrors = defineErrors('state_report', {
  manage_forbidden: {
    status: 403,
    en: (p: { instrument: string }) =>
      `Only those who may edit ${p.instrument} (its lead coordinators, BZK's coordinators and administrators) make and edit its state report.`,
    nl: (p: { instrument: string }) =>
      `Alleen wie ${p.instrument} mag bewerken (de coördinatoren van het trekkende ministerie, die van BZK en beheerders) maakt en bewerkt het statenrapport.`,
  },
  exists: {
    status: 409,
    en: (p: { cycle: string }) => `The cycle "${p.cycle}" already has a state report; open that one.`,
    nl: (p: { cycle: string }) => `De cyclus "${p.cycle}" heeft al een statenrapport; open dat.`,
  },
  no_articles: {
    status: 422,
    en: (p: { instrument: string }) =>
      `The articles of ${p.instrument} are not in the reference data, so no periodic report can be made for it; choose the simplified procedure and import the list of issues.`,
    nl: (p: { instrument: string }) =>
      `De artikelen van ${p.instrument} staan niet in de referentiegegevens, dus er kan geen periodieke rapportage voor worden gemaakt; kies de vereenvoudigde procedure en importeer de list of issues.`,
  },
  not_a_treaty: {
    status: 422,
    en: (p: { instrument: string }) =>
      `${p.instrument} is not a UN treaty with periodic reports to a treaty body; a state report is made only for those.`,
    nl: (p: { instrument: string }) =>
      `${p.instrument} is geen VN-verdrag met periodieke rapportages aan een verdragscomité; alleen daarvoor wordt een statenrapport gemaakt.`,
  },
  loi_not_simplified: {
    status: 422,
    en: () =>
      'A list of issues is imported into a report under the simplified procedure (replies to a list of issues prior to reporting); this report has a section per article.',
    nl: () =>
      'Een list of issues wordt geïmporteerd in een rapport volgens de vereenvoudigde procedure (antwoorden op een list of issues prior to reporting); dit rapport heeft een sectie per artikel.',
  },
  loi_other_committee: {
    status: 422,
    en: (p: { symbol: string; instrument: string }) =>
      `The list of issues ${p.symbol} is not of the committee of ${p.instrument}; nothing was imported.`,
    nl: (p: { symbol: string; instrument: string }) =>
      `De list of issues ${p.symbol} is niet van het comité van ${p.instrument}; er is niets geïmporteerd.`,
  },
  questions_in_use: {
    status: 409,
    en: (p: { sections: string }) =>
      `The questions cannot be replaced: ${p.sections} already have text or requests for contributions. Nothing was imported.`,
    nl: (p: { sections: string }) =>
      `De vragen kunnen niet worden vervangen: ${p.sections} hebben al tekst of verzoeken om bijdragen. Er is niets geïmporteerd.`,
  },
  file_missing: {
    status: 400,
    en: () => 'Send the list of issues (.txt, .docx or .pdf) as the request body.',
    nl: () => 'Stuur de list of issues (.txt, .docx of .pdf) mee als de inhoud van het verzoek.',
  },
  submitted: {
    status: 409,
    en: (p: { date: string }) => `The report was submitted on ${p.date}; it is no longer edited.`,
    nl: (p: { date: string }) => `Het rapport is op ${p.date} ingediend; het wordt niet meer bewerkt.`,
  },
  submission_recorded: {
    status: 409,
    en: (p: { date: string; symbol: string }) =>
      `The cycle already records the report's submission (${p.date}, ${p.symbol}); change it on the cycle if it is wrong.`,
    nl: (p: { date: string; symbol: string }) =>
      `De cyclus legt de indiening van het rapport al vast (${p.date}, ${p.symbol}); pas het aan bij de cyclus als het niet klopt.`,
  },
  section_not_in_report: {
    status: 404,
    en: (p: { id: string }) => `Section "${p.id}" is not a section of this report.`,
    nl: (p: { id: string }) => `Sectie "${p.id}" hoort niet bij dit rapport.`,
  },
});
