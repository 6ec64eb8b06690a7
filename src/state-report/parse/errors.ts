import { AppError, defineErrors } from '../../core/errors.ts';
import type { LoiFound } from './types.ts';

/**
 * A list of issues that cannot be parsed: what was found, so that the person importing it knows
 * what to fix. The catalogue (`listOfIssuesErrors.catalogue`) holds the Dutch and English texts.
 */
export const listOfIssuesErrors = defineErrors('list_of_issues', {
  no_questions: {
    status: 422,
    en: (p: { file: string; headings: number; numbered: number; other: number }) =>
      `${p.file}: no numbered questions found; found ${p.headings} headings, ${p.numbered} numbered ` +
      `paragraphs and ${p.other} other paragraphs. A list of issues numbers its questions "1.", "2.", ...; ` +
      'a Word document with automatic numbering loses those numbers: save it as PDF and import that.',
    nl: (p: { file: string; headings: number; numbered: number; other: number }) =>
      `${p.file}: geen genummerde vragen gevonden; wel ${p.headings} kopjes, ${p.numbered} genummerde ` +
      `alinea's en ${p.other} andere alinea's. Een list of issues nummert zijn vragen "1.", "2.", ...; ` +
      'een Word-document met automatische nummering verliest die nummers: sla het op als PDF en importeer dat.',
  },
  not_a_list_of_issues: {
    status: 422,
    en: (p: { file: string; symbol: string; title: string }) =>
      `${p.file}: this is not a list of issues (symbol ${p.symbol}${p.title ? `, title "${p.title}"` : ''}); ` +
      'its symbol ends in /Q/N or /QPR/N and its title starts with "List of issues".',
    nl: (p: { file: string; symbol: string; title: string }) =>
      `${p.file}: dit is geen list of issues (symbool ${p.symbol}${p.title ? `, titel "${p.title}"` : ''}); ` +
      'het symbool daarvan eindigt op /Q/N of /QPR/N en de titel begint met "List of issues".',
  },
  empty: {
    status: 422,
    en: (p: { file: string }) => `${p.file}: the text is empty; is the file a scan without a text layer?`,
    nl: (p: { file: string }) => `${p.file}: de tekst is leeg; is het bestand een scan zonder tekstlaag?`,
  },
});

/** Thrown by parseListOfIssues: an AppError (422) with `found`, what the text held. */
export class LoiParseError extends AppError {
  readonly found: LoiFound;
  constructor(found: LoiFound, file = 'the list of issues') {
    const e =
      found.reason === 'empty'
        ? listOfIssuesErrors.empty({ file })
        : found.reason === 'not_a_list_of_issues'
          ? listOfIssuesErrors.not_a_list_of_issues({
              file,
              symbol: found.symbol ?? '?',
              title: found.title ?? '',
            })
          : listOfIssuesErrors.no_questions({
              file,
              headings: found.headings,
              numbered: found.numberedParagraphs,
              other: found.otherParagraphs,
            });
    super(e.status, e.code, e.message, e.params, found);
    this.name = 'LoiParseError';
    this.found = found;
  }
}
