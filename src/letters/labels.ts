/** Names of the kinds of document the workspace drafts, in Dutch and English (web/i18n and the public portal). */
import type { Lang } from '../calendar/labels.ts';
import type { OutgoingKind } from './kinds.ts';

export const OUTGOING_KIND_LABELS: Record<Lang, Record<OutgoingKind, string>> = {
  nl: {
    annual_letter: 'Jaarbrief verdragsrapportages',
    memo: 'Nota',
    cover_letter: 'Oplegbrief Eerste Kamer',
    advisory_response: 'Kabinetsreactie op adviesrapport',
    concluding_response: 'Kabinetsreactie op slotbeschouwingen',
    upr_addendum: 'UPR-addendum',
    human_rights_report: 'Rapportage mensenrechten',
    human_rights_report_nota: 'Nota bij de rapportage mensenrechten',
    human_rights_report_letter: 'Kamerbrief bij de rapportage mensenrechten',
    state_report: 'Statenrapport (VN)',
    state_report_memo: 'Nota bij het statenrapport',
  },
  en: {
    annual_letter: 'Annual letter on treaty reporting',
    memo: 'Memo',
    cover_letter: 'Covering letter to the Senate',
    advisory_response: 'Cabinet response to an advisory report',
    concluding_response: 'Cabinet response to concluding observations',
    upr_addendum: 'UPR addendum',
    human_rights_report: 'Human rights report',
    human_rights_report_nota: 'Memo on the human rights report',
    human_rights_report_letter: 'Letter to parliament on the human rights report',
    state_report: 'State report (UN)',
    state_report_memo: 'Memo on the state report',
  },
};
