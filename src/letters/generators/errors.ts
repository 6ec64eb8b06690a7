/** The errors of generating the government's documents from the data (src/letters/generators/). */
import { defineErrors } from '../../core/errors.ts';

export const letterErrors = defineErrors('letter', {
  no_data_for_year: {
    status: 422,
    en: (p: { year: number }) =>
      `There is nothing to report for ${p.year}: no meeting, cycle phase, document or recommendation is dated in that year.`,
    nl: (p: { year: number }) =>
      `Er is niets te melden over ${p.year}: geen overleg, fase van een cyclus, document of aanbeveling is in dat jaar gedateerd.`,
  },
  wrong_document_kind: {
    status: 422,
    en: (p: { title: string; expected: string }) =>
      `"${p.title}" is not a document of the kind this response answers (${p.expected}).`,
    nl: (p: { title: string; expected: string }) =>
      `"${p.title}" is geen document van de soort waarop deze reactie antwoordt (${p.expected}).`,
  },
  no_recommendations: {
    status: 422,
    en: (p: { title: string }) =>
      `"${p.title}" has no recommendations yet: import them with the document importer first.`,
    nl: (p: { title: string }) =>
      `Bij "${p.title}" zijn nog geen aanbevelingen bekend: importeer ze eerst met de documentimport.`,
  },
  not_a_upr_cycle: {
    status: 422,
    en: (p: { cycle: string }) => `"${p.cycle}" is not a cycle of the Universal Periodic Review.`,
    nl: (p: { cycle: string }) => `"${p.cycle}" is geen cyclus van de Universele Periodieke Doorlichting.`,
  },
  not_a_letter_to_parliament: {
    status: 422,
    en: (p: { title: string }) =>
      `"${p.title}" is not a letter to the House of Representatives, so no covering letter can send it.`,
    nl: (p: { title: string }) =>
      `"${p.title}" is geen brief aan de Tweede Kamer; een oplegbrief kan hem niet meesturen.`,
  },
  no_framework_for_year: {
    status: 422,
    en: (p: { year: number }) =>
      `There is no results framework for ${p.year}: copy the framework of an earlier year to ${p.year} first.`,
    nl: (p: { year: number }) =>
      `Er is geen resultatenkader voor ${p.year}: kopieer eerst het resultatenkader van een eerder jaar naar ${p.year}.`,
  },
  not_a_human_rights_report: {
    status: 422,
    en: (p: { title: string }) => `"${p.title}" is not an annual human rights report of the workspace.`,
    nl: (p: { title: string }) => `"${p.title}" is geen rapportage mensenrechten uit de documentwerkplaats.`,
  },
  report_other_year: {
    status: 422,
    en: (p: { title: string; year: number }) => `"${p.title}" is not the report on ${p.year}.`,
    nl: (p: { title: string; year: number }) => `"${p.title}" is niet de rapportage over ${p.year}.`,
  },
});
