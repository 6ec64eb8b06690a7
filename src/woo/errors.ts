/** The errors of Woo publication: the review of what is redacted, and spans that do not fit the text. */
import { defineErrors } from '../core/errors.ts';

export const wooErrors = defineErrors('woo', {
  review_unfinished: {
    status: 409,
    en: (p: { proposed: number }) =>
      p.proposed === 0
        ? 'The redaction review is not marked as finished: finish the review before publishing.'
        : `The redaction review is not finished: ${p.proposed} ${p.proposed === 1 ? 'finding is' : 'findings are'} still proposed. Decide to redact or keep each one before publishing.`,
    nl: (p: { proposed: number }) =>
      p.proposed === 0
        ? 'De beoordeling van de lakkingen is niet als afgerond gemarkeerd. Rond de beoordeling af voordat u publiceert.'
        : `De beoordeling van de lakkingen is niet af: ${p.proposed} ${p.proposed === 1 ? 'passage staat' : 'passages staan'} nog op voorgesteld. Kies bij elke passage lakken of laten staan voordat u publiceert.`,
  },
  span_outside_text: {
    status: 400,
    en: (p: { start: number; end: number; length: number }) =>
      `The redaction ${p.start}–${p.end} lies outside the text, which has ${p.length} characters.`,
    nl: (p: { start: number; end: number; length: number }) =>
      `De lakking ${p.start}–${p.end} valt buiten de tekst, die ${p.length} tekens telt.`,
  },
  finding_mismatch: {
    status: 409,
    en: (p: { id: string }) =>
      `Finding ${p.id} does not match the text at its position: the text changed after the search. Search the text again.`,
    nl: (p: { id: string }) =>
      `Passage ${p.id} komt niet meer overeen met de tekst op die plek: de tekst is na het zoeken gewijzigd. Zoek de tekst opnieuw door.`,
  },
  text_changed: {
    status: 409,
    en: () =>
      'The document changed after its text was searched for personal data. Search it again, review the new list and then publish.',
    nl: () =>
      'Het document is gewijzigd nadat de tekst op persoonsgegevens is doorzocht. Zoek opnieuw, beoordeel de nieuwe lijst en publiceer daarna.',
  },
  not_searched: {
    status: 409,
    en: () =>
      'The document has not been searched for personal data yet. Search it and review the list first.',
    nl: () => 'Het document is nog niet op persoonsgegevens doorzocht. Zoek eerst en beoordeel de lijst.',
  },
  unknown_finding: {
    status: 400,
    en: (p: { id: string }) =>
      `No finding ${p.id} is on the redaction list. Reload the list and decide again.`,
    nl: (p: { id: string }) =>
      `Passage ${p.id} staat niet op de lakkingslijst. Laad de lijst opnieuw en beslis opnieuw.`,
  },
  review_forbidden: {
    status: 403,
    en: () =>
      'Only a coordinator of the organisation that drafts the document, the coordinating ministry or an administrator reviews its redactions and publishes it.',
    nl: () =>
      'Alleen een coördinator van de organisatie die het document opstelt, het coördinerend ministerie of een beheerder beoordeelt de lakkingen en publiceert het.',
  },
  not_published: {
    status: 404,
    en: (p: { id: string }) => `No public version of document ${p.id} exists.`,
    nl: (p: { id: string }) => `Van document ${p.id} bestaat geen openbare versie.`,
  },
});
