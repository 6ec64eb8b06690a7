import type { PhaseKind } from '../cycles/schema.ts';

export type Lang = 'nl' | 'en';

/** Names of the phases for exports and calendar feeds (the browser app has its own in web/i18n). */
export const PHASE_LABELS: Record<Lang, Record<PhaseKind, string>> = {
  en: {
    report_due: 'Report due',
    report_submitted: 'Report submitted',
    list_of_issues: 'List of issues',
    replies_due: 'Replies due',
    replies_submitted: 'Replies submitted',
    upr_review: 'UPR review',
    upr_wg_report: 'UPR working group report',
    dialogue: 'Constructive dialogue',
    upr_responses: 'Responses to UPR recommendations',
    upr_adoption: 'Adoption of UPR outcome',
    evaluation_report: 'Evaluation report',
    concluding_observations: 'Concluding observations',
    government_response: 'Government response',
    follow_up_due: 'Follow-up report due',
    follow_up_submitted: 'Follow-up report submitted',
    upr_midterm_due: 'UPR mid-term report due',
    upr_midterm_report: 'UPR mid-term report',
    next_report_due: 'Next report due',
  },
  nl: {
    report_due: 'Rapportage verwacht',
    report_submitted: 'Rapportage ingediend',
    list_of_issues: 'Lijst van vragen',
    replies_due: 'Antwoorden verwacht',
    replies_submitted: 'Antwoorden ingediend',
    upr_review: 'UPR-behandeling',
    upr_wg_report: 'Rapport van de UPR-werkgroep',
    dialogue: 'Constructieve dialoog',
    upr_responses: 'Reactie op UPR-aanbevelingen',
    upr_adoption: 'Vaststelling UPR-uitkomst',
    evaluation_report: 'Evaluatierapport',
    concluding_observations: 'Slotopmerkingen',
    government_response: 'Kabinetsreactie',
    follow_up_due: 'Follow-uprapportage verwacht',
    follow_up_submitted: 'Follow-uprapportage ingediend',
    upr_midterm_due: 'UPR-tussentijdse rapportage verwacht',
    upr_midterm_report: 'UPR-tussentijdse rapportage',
    next_report_due: 'Volgende rapportage verwacht',
  },
};

export const phaseLabel = (lang: Lang, kind: string) =>
  (PHASE_LABELS[lang] as Record<string, string>)[kind] ?? kind;

/** The file name of an export of the treaty overview, in the language of its contents. */
export const overviewFileName = (lang: Lang, date: string, ext: 'xlsx' | 'csv'): string =>
  `${lang === 'nl' ? 'verdragsoverzicht' : 'treaty-overview'}-${date}.${ext}`;
