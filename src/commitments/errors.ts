/** The errors of the register of commitments. */
import { defineErrors } from '../core/errors.ts';
import type { CitationProblem } from './citation.ts';

/** What is missing or wrong in a citation, in both languages. */
export const CITATION_REASONS: Record<CitationProblem, { en: string; nl: string }> = {
  empty: { en: 'it is empty', nl: 'de verwijzing is leeg' },
  unrecognised: {
    en: 'it is neither a Kamerstuk ("Kamerstuk 35 300 V, nr. 33") nor the Handelingen ("Handelingen II 2019/20, nr. 24, item 24")',
    nl: 'het is geen Kamerstuk ("Kamerstuk 35 300 V, nr. 33") en geen Handelingen ("Handelingen II 2019/20, nr. 24, item 24")',
  },
  dossier_missing: {
    en: 'the dossier number is missing (e.g. "35 300")',
    nl: 'het dossiernummer ontbreekt (bijv. "35 300")',
  },
  dossier_invalid: {
    en: 'the dossier number is not a number such as "35 300"',
    nl: 'het dossiernummer is geen getal zoals "35 300"',
  },
  toevoeging_invalid: {
    en: 'the part after the dossier number must be Roman numerals or letters ("V", "IV", "A") or a number after a hyphen ("-32")',
    nl: 'de toevoeging na het dossiernummer moet Romeinse cijfers of letters zijn ("V", "IV", "A") of een getal na een streepje ("-32")',
  },
  nr_missing: {
    en: 'the number within the dossier is missing (", nr. 33")',
    nl: 'het ondernummer ontbreekt (", nr. 33")',
  },
  nr_invalid: { en: 'the number ("nr.") must be 1 or more', nl: 'het nummer ("nr.") moet 1 of hoger zijn' },
  kamer_missing: {
    en: 'the chamber is missing: "I" (Eerste Kamer) or "II" (Tweede Kamer)',
    nl: 'de Kamer ontbreekt: "I" (Eerste Kamer) of "II" (Tweede Kamer)',
  },
  kamer_invalid: {
    en: 'the chamber must be "I" (Eerste Kamer) or "II" (Tweede Kamer)',
    nl: 'de Kamer moet "I" (Eerste Kamer) of "II" (Tweede Kamer) zijn',
  },
  vergaderjaar_missing: {
    en: 'the parliamentary year is missing (e.g. "2019/20")',
    nl: 'het vergaderjaar ontbreekt (bijv. "2019/20")',
  },
  vergaderjaar_invalid: {
    en: 'the parliamentary year must be two consecutive years, e.g. "2019/20"',
    nl: 'het vergaderjaar moet uit twee opeenvolgende jaren bestaan, bijv. "2019/20"',
  },
  item_invalid: {
    en: 'the item must be written as "item 24"',
    nl: 'het item moet als "item 24" geschreven zijn',
  },
};

const reason = (lang: 'en' | 'nl', problem: string) =>
  CITATION_REASONS[problem as CitationProblem]?.[lang] ?? problem;

export const commitmentErrors = defineErrors('commitment', {
  citation_invalid: {
    status: 400,
    en: (p: { citation: string; problem: string }) =>
      `The citation "${p.citation}" cannot be read: ${reason('en', p.problem)}.`,
    nl: (p: { citation: string; problem: string }) =>
      `De verwijzing "${p.citation}" is niet te lezen: ${reason('nl', p.problem)}.`,
  },
  citation_required: {
    status: 400,
    en: (p: { kind: string }) =>
      `A ${p.kind === 'motie' ? 'motion' : 'commitment (toezegging)'} needs its source: give the Kamerstuk or Handelingen citation.`,
    nl: (p: { kind: string }) =>
      `Een ${p.kind === 'motie' ? 'motie' : 'toezegging'} heeft een bron nodig: geef de verwijzing naar het Kamerstuk of de Handelingen.`,
  },
  edit_forbidden: {
    status: 403,
    en: (p: { code: string }) =>
      `Only a coordinator of ${p.code} (responsible for the commitment) or of the coordinating ministry may do this.`,
    nl: (p: { code: string }) =>
      `Alleen een coördinator van ${p.code} (verantwoordelijk voor de toezegging) of van het coördinerende ministerie mag dit.`,
  },
  evidence_required: {
    status: 400,
    en: () =>
      'A commitment is done only with its evidence: pick the document or letter that fulfils it, or cite it.',
    nl: () =>
      'Een toezegging is pas afgedaan met bewijs: kies het document of de brief waarmee ze is nagekomen, of geef de verwijzing.',
  },
  link_unknown: {
    status: 400,
    en: (p: { kind: string; id: string }) => `There is no ${p.kind} ${p.id} to link. Pick one from the list.`,
    nl: (p: { kind: string; id: string }) =>
      `Er is geen ${p.kind === 'recommendation' ? 'aanbeveling' : p.kind === 'action' ? 'maatregel' : 'document'} ${p.id} om te koppelen. Kies er een uit de lijst.`,
  },
  import_unreadable: {
    status: 400,
    en: (p: { reason: string }) => `The Tweede Kamer file cannot be read: ${p.reason}.`,
    nl: (p: { reason: string }) => `Het bestand van de Tweede Kamer is niet te lezen: ${p.reason}.`,
  },
  coordinating_ministry_missing: {
    status: 409,
    en: () =>
      'The organisations have no coordinating ministry (BZK) to assign imported records to: load the reference data first (rightsdesk seed).',
    nl: () =>
      'Er is geen coördinerend ministerie (BZK) om geïmporteerde gegevens aan toe te wijzen: laad eerst de referentiegegevens (rightsdesk seed).',
  },
  not_a_response: {
    status: 400,
    en: (p: { title: string }) =>
      `"${p.title}" is not a cabinet response: only the points of a response to an advisory report or to concluding observations are registered.`,
    nl: (p: { title: string }) =>
      `"${p.title}" is geen kabinetsreactie: alleen punten uit een reactie op een adviesrapport of op slotbeschouwingen worden vastgelegd.`,
  },
  section_unknown: {
    status: 400,
    en: (p: { key: string }) =>
      `The response has no section "${p.key}". Reload the document and pick a section.`,
    nl: (p: { key: string }) =>
      `De reactie heeft geen sectie "${p.key}". Herlaad het document en kies een sectie.`,
  },
  part_unknown: {
    status: 400,
    en: (p: { part: number; heading: string }) =>
      `The section "${p.heading}" has no part ${p.part}. Reload the document and pick a paragraph or item.`,
    nl: (p: { part: number; heading: string }) =>
      `De sectie "${p.heading}" heeft geen onderdeel ${p.part}. Herlaad het document en kies een alinea of punt.`,
  },
  point_registered: {
    status: 409,
    en: (p: { heading: string }) => `This point of "${p.heading}" is already registered as a commitment.`,
    nl: (p: { heading: string }) => `Dit punt van "${p.heading}" is al vastgelegd als toezegging.`,
  },
  import_forbidden: {
    status: 403,
    en: () => "Only coordinators and administrators may import the Tweede Kamer's records.",
    nl: () => 'Alleen coördinatoren en beheerders mogen gegevens van de Tweede Kamer importeren.',
  },
});
