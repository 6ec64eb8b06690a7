/** The errors of the contributions to a state report and of its export. */
import { defineErrors } from '../core/errors.ts';

export const stateReportContributionErrors = defineErrors('state_report', {
  contribution_write_forbidden: {
    status: 403,
    en: (p: { organisation: string }) =>
      `Only the contributors and coordinators of ${p.organisation} write the contribution it was asked for.`,
    nl: (p: { organisation: string }) =>
      `Alleen de bijdragers en coördinatoren van ${p.organisation} schrijven de bijdrage waarom zij is gevraagd.`,
  },
  request_organisation_unknown: {
    status: 422,
    en: (p: { id: string }) => `No organisation with id "${p.id}" exists; no contributions were requested.`,
    nl: (p: { id: string }) =>
      `Er bestaat geen organisatie met id "${p.id}"; er zijn geen bijdragen gevraagd.`,
  },
  request_organisation_ended: {
    status: 422,
    en: (p: { code: string; name: string; validTo: string }) =>
      `${p.name} (${p.code}) no longer exists (ended on ${p.validTo}) and cannot be asked for a contribution; no contributions were requested.`,
    nl: (p: { code: string; name: string; validTo: string }) =>
      `${p.name} (${p.code}) bestaat niet meer (opgeheven per ${p.validTo}) en kan niet om een bijdrage worden gevraagd; er zijn geen bijdragen gevraagd.`,
  },
  request_section_unknown: {
    status: 422,
    en: (p: { id: string }) =>
      `Section "${p.id}" is not a section of this report; no contributions were requested.`,
    nl: (p: { id: string }) =>
      `Sectie "${p.id}" hoort niet bij dit rapport; er zijn geen bijdragen gevraagd.`,
  },
  request_deadline_past: {
    status: 422,
    en: (p: { deadline: string; today: string }) =>
      `The deadline ${p.deadline} has passed (today is ${p.today}); choose a later date.`,
    nl: (p: { deadline: string; today: string }) =>
      `De termijn ${p.deadline} is al verstreken (vandaag is het ${p.today}); kies een latere datum.`,
  },
  contribution_not_editable: {
    status: 409,
    en: (p: { state: string }) => `This contribution is ${p.state}; only a draft is edited or submitted.`,
    nl: (p: { state: string }) =>
      `Deze bijdrage is ${p.state === 'submitted' ? 'ingediend' : p.state === 'accepted' ? 'aanvaard' : 'afgewezen'}; alleen een concept wordt bewerkt of ingediend.`,
  },
  contribution_empty: {
    status: 422,
    en: () => 'The contribution is empty; write or upload its text before submitting it.',
    nl: () => 'De bijdrage is leeg; schrijf of upload de tekst voordat u haar indient.',
  },
  contribution_not_submitted: {
    status: 409,
    en: (p: { state: string }) =>
      `Only a submitted contribution is accepted or rejected; this one is ${p.state}.`,
    nl: (p: { state: string }) =>
      `Alleen een ingediende bijdrage wordt aanvaard of afgewezen; deze is ${p.state === 'draft' ? 'een concept' : p.state === 'accepted' ? 'al aanvaard' : 'al afgewezen'}.`,
  },
  contribution_not_accepted: {
    status: 409,
    en: (p: { id: string }) => `Contribution "${p.id}" is not accepted; accept it before merging it.`,
    nl: (p: { id: string }) =>
      `Bijdrage "${p.id}" is niet aanvaard; aanvaard haar voordat u haar samenvoegt.`,
  },
  contribution_other_section: {
    status: 422,
    en: (p: { id: string }) => `Contribution "${p.id}" was not written for this section.`,
    nl: (p: { id: string }) => `Bijdrage "${p.id}" is niet voor deze sectie geschreven.`,
  },
  contribution_docx_empty: {
    status: 422,
    en: (p: { file: string }) => `${p.file} holds no text; nothing was saved.`,
    nl: (p: { file: string }) => `${p.file} bevat geen tekst; er is niets opgeslagen.`,
  },
  contribution_file_missing: {
    status: 400,
    en: () => 'Send the .docx file as the request body.',
    nl: () => 'Stuur het .docx-bestand mee als de inhoud van het verzoek.',
  },
});
