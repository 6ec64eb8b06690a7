import { defineErrors } from '../core/errors.ts';

/** The states of a document as the Dutch messages name them. */
const STATE_NL: Record<string, string> = {
  draft: 'concept',
  consulted: 'afgestemd',
  ready: 'gereed voor ondertekening',
  sent: 'verzonden',
};
const nlState = (state: string) => STATE_NL[state] ?? state;

/** The errors of the document workspace (src/letters/). */
export const workspaceErrors = defineErrors('letter', {
  not_found: {
    status: 404,
    en: (p: { id: string }) => `No document with id "${p.id}" exists in the workspace.`,
    nl: (p: { id: string }) => `Er bestaat geen document met id "${p.id}" in de documentwerkplaats.`,
  },
  section_not_found: {
    status: 404,
    en: (p: { key: string }) => `The document has no section "${p.key}". Reload the document.`,
    nl: (p: { key: string }) => `Het document heeft geen sectie "${p.key}". Herlaad het document.`,
  },
  version_not_found: {
    status: 404,
    en: (p: { number: number }) => `The document has no version ${p.number}.`,
    nl: (p: { number: number }) => `Het document heeft geen versie ${p.number}.`,
  },
  no_generator: {
    status: 501,
    en: (p: { kind: string }) => `Documents of the kind "${p.kind}" cannot be generated yet.`,
    nl: (p: { kind: string }) => `Documenten van de soort "${p.kind}" kunnen nog niet worden gemaakt.`,
  },
  report_forbidden: {
    status: 403,
    en: () =>
      'Only an administrator or a coordinator of Foreign Affairs (BZ) or of the coordinating ministry (BZK) may create the annual human rights report, its memo and its letter.',
    nl: () =>
      'Alleen een beheerder of een coördinator van Buitenlandse Zaken (BZ) of van het coördinerende ministerie (BZK) mag de rapportage mensenrechten, de nota en de Kamerbrief daarbij aanmaken.',
  },
  create_forbidden: {
    status: 403,
    en: () =>
      'Only an administrator, a coordinator of the coordinating ministry or a coordinator of the organisation that drafts the document may create it.',
    nl: () =>
      'Alleen een beheerder, een coördinator van het coördinerende ministerie of een coördinator van de organisatie die het document opstelt mag het aanmaken.',
  },
  owner_required: {
    status: 400,
    en: () => 'Say which organisation drafts the document ("ownerOrganisation"): you belong to none.',
    nl: () => 'Kies de organisatie die het document opstelt: u hoort zelf bij geen organisatie.',
  },
  edit_forbidden: {
    status: 403,
    en: () =>
      'Only a coordinator of the organisation that drafts the document, a coordinator of the coordinating ministry or an administrator may change it.',
    nl: () =>
      'Alleen een coördinator van de organisatie die het document opstelt, een coördinator van het coördinerende ministerie of een beheerder mag het wijzigen.',
  },
  section_edit_forbidden: {
    status: 403,
    en: () =>
      'You may not edit the sections of this document: contributors of the organisation that drafts it may, while it is a draft.',
    nl: () =>
      'U mag de secties van dit document niet bewerken: bijdragers van de organisatie die het opstelt mogen dat zolang het een concept is.',
  },
  not_editable: {
    status: 409,
    en: (p: { state: string }) =>
      `The document is ${p.state} and cannot be changed. Move it back to draft first (a sent document stays as it was sent).`,
    nl: (p: { state: string }) =>
      `Het document heeft de status "${nlState(p.state)}" en kan niet worden gewijzigd. Zet het eerst terug naar concept (een verzonden document blijft zoals het is verzonden).`,
  },
  wrong_state_transition: {
    status: 409,
    en: (p: { from: string; to: string }) => `A document cannot move from ${p.from} to ${p.to}.`,
    nl: (p: { from: string; to: string }) =>
      `Een document kan niet van de status "${nlState(p.from)}" naar "${nlState(p.to)}" gaan.`,
  },
  transition_forbidden: {
    status: 403,
    en: () =>
      'Only a coordinator of the organisation that drafts the document, a coordinator of the coordinating ministry or an administrator may change its state.',
    nl: () =>
      'Alleen een coördinator van de organisatie die het document opstelt, een coördinator van het coördinerende ministerie of een beheerder mag de status wijzigen.',
  },
  no_consultation: {
    status: 409,
    en: () =>
      'No ministry was asked to confirm this document: request a consultation first, or move the document directly to ready for signature.',
    nl: () =>
      'Er is nog geen ministerie gevraagd dit document af te stemmen. Vraag eerst om afstemming, of zet het document direct op "gereed voor ondertekening".',
  },
  consultation_unconfirmed: {
    status: 409,
    en: (p: { organisations: string }) =>
      `Not every ministry has confirmed the document yet: ${p.organisations}.`,
    nl: (p: { organisations: string }) =>
      `Nog niet alle ministeries hebben het document afgestemd: ${p.organisations}.`,
  },
  consult_first: {
    status: 409,
    en: () =>
      'Ministries were asked to confirm this document: once all have, move it to consulted before ready for signature.',
    nl: () =>
      'Er is om afstemming gevraagd: zet het document, zodra alle ministeries hebben afgestemd, eerst op "afgestemd" en daarna op "gereed voor ondertekening".',
  },
  sent_on_required: {
    status: 400,
    en: () => 'Give the date the document was sent ("sentOn").',
    nl: () => 'Vul de datum in waarop het document is verzonden.',
  },
  kamerstuk_not_sent: {
    status: 409,
    en: () => 'A Kamerstuk number is given to a document once it was sent.',
    nl: () => 'Een Kamerstuknummer hoort bij een verzonden document. Zet het document eerst op "verzonden".',
  },
  consultation_exists: {
    status: 409,
    en: (p: { organisation: string }) => `${p.organisation} was already asked to confirm this document.`,
    nl: (p: { organisation: string }) => `${p.organisation} is al gevraagd dit document af te stemmen.`,
  },
  consultation_owner: {
    status: 400,
    en: () => 'The organisation that drafts the document does not confirm it itself: choose another one.',
    nl: () =>
      'De organisatie die het document opstelt stemt het niet met zichzelf af. Kies een andere organisatie.',
  },
  consultation_not_found: {
    status: 404,
    en: (p: { id: string }) => `This document has no consultation with id "${p.id}".`,
    nl: (p: { id: string }) => `Dit document heeft geen afstemming met id "${p.id}".`,
  },
  confirm_forbidden: {
    status: 403,
    en: (p: { organisation: string }) =>
      `Only a coordinator of ${p.organisation} may confirm for ${p.organisation}.`,
    nl: (p: { organisation: string }) =>
      `Alleen een coördinator van ${p.organisation} mag namens ${p.organisation} afstemmen.`,
  },
  already_confirmed: {
    status: 409,
    en: (p: { organisation: string }) => `${p.organisation} has already confirmed this document.`,
    nl: (p: { organisation: string }) => `${p.organisation} heeft dit document al afgestemd.`,
  },
  frame_kind: {
    status: 400,
    en: (p: { expected: string }) => `This document's frame is a ${p.expected}: send a frame of that kind.`,
    nl: (p: { expected: string }) => `Het kader van dit document is van de soort "${p.expected}".`,
  },
  section_not_removable: {
    status: 409,
    en: () =>
      'Only a section added by hand, or one the data no longer produces, can be removed; revert an edited section to the generated text instead.',
    nl: () =>
      'Alleen een zelf toegevoegde sectie, of een sectie die de gegevens niet meer opleveren, kan worden verwijderd. Zet een bewerkte sectie anders terug naar de gegenereerde tekst.',
  },
  section_not_generated: {
    status: 409,
    en: () => 'This section was added by hand: it has no generated text to go back to.',
    nl: () => 'Deze sectie is zelf toegevoegd en heeft geen gegenereerde tekst om naar terug te gaan.',
  },
  pdf_unavailable: {
    status: 503,
    en: () =>
      'This server cannot make PDF files: Chromium is not installed (set CHROMIUM_PATH). Download the .docx instead.',
    nl: () => 'Deze server kan geen PDF maken omdat Chromium ontbreekt. Download het document als .docx.',
  },
  logo_not_png: {
    status: 400,
    en: () => 'The logo must be a PNG image of at most 2 MB. Save it as PNG and upload it again.',
    nl: () =>
      'Het logo moet een PNG-afbeelding van ten hoogste 2 MB zijn. Sla het op als PNG en upload het opnieuw.',
  },
});
