/** Names of the kinds of document in Dutch and English, for the browser app (web/i18n) and the public portal. */
import type { Lang } from '../calendar/labels.ts';
import type { DocumentKind } from './schema.ts';

export const DOCUMENT_KIND_LABELS: Record<Lang, Record<DocumentKind, string>> = {
  nl: {
    state_report: 'Statenrapportage',
    list_of_issues: 'Lijst van vragen',
    replies: 'Antwoorden',
    concluding_observations: 'Slotopmerkingen',
    follow_up_report: 'Follow-uprapportage',
    summary_record: 'Verslag',
    upr_wg_report: 'Rapport UPR-werkgroep',
    upr_addendum: 'UPR-addendum',
    evaluation_report: 'Evaluatierapport',
    advisory_report: 'Adviesrapport',
    cabinet_response: 'Kabinetsreactie',
    letter_to_parliament: 'Kamerbrief',
    memo: 'Nota',
    other: 'Overig',
  },
  en: {
    state_report: 'State report',
    list_of_issues: 'List of issues',
    replies: 'Replies',
    concluding_observations: 'Concluding observations',
    follow_up_report: 'Follow-up report',
    summary_record: 'Summary record',
    upr_wg_report: 'UPR working group report',
    upr_addendum: 'UPR addendum',
    evaluation_report: 'Evaluation report',
    advisory_report: 'Advisory report',
    cabinet_response: 'Cabinet response',
    letter_to_parliament: 'Letter to parliament',
    memo: 'Memo',
    other: 'Other',
  },
};
