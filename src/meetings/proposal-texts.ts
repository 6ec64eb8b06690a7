/** The texts of a proposed agenda, in Dutch and English: the agenda is a document, written in the language asked for. */
import type { ProposalLang } from './schema.ts';

export interface ProposalTexts {
  opening: string;
  report: string;
  followUp: string;
  overdue: string;
  consult: string;
  consultNotes: string;
  overdueMark: string;
  practices: string;
  closing: string;
  lead: string;
  none: string;
  due: string;
  steps: Record<string, string>;
}

export const PROPOSAL_TEXTS: Record<ProposalLang, ProposalTexts> = {
  nl: {
    opening: 'Opening en vaststelling van de agenda',
    report: '{code}: {step} ({label}), uiterlijk {date}',
    followUp: '{code}: vervolgrapportage ({label}), uiterlijk {date}',
    overdue: 'Verlopen taken ({n})',
    consult: 'Te plannen consultaties met het maatschappelijk middenveld ({n})',
    consultNotes: 'In voorbereiding zonder afgeronde consultatieronde:',
    overdueMark: 'verlopen',
    practices: 'Best practices en opvolging van aanbevelingen van verdragscomités',
    closing: 'Rondvraag en sluiting',
    lead: 'Leidend ministerie',
    none: 'geen',
    due: 'uiterlijk',
    steps: {
      report_due: 'statenrapport',
      next_report_due: 'volgend statenrapport',
      replies_due: 'antwoorden op de lijst van vragen',
      upr_midterm_report: 'UPR-tussentijdse rapportage',
    },
  },
  en: {
    opening: 'Opening and adoption of the agenda',
    report: '{code}: {step} ({label}), due {date}',
    followUp: '{code}: follow-up report ({label}), due {date}',
    overdue: 'Overdue tasks ({n})',
    consult: 'Consultations with civil society to plan ({n})',
    consultNotes: 'In preparation without a completed consultation round:',
    overdueMark: 'overdue',
    practices: 'Best practices and follow-up of treaty body recommendations',
    closing: 'Any other business and close',
    lead: 'Lead ministry',
    none: 'none',
    due: 'due',
    steps: {
      report_due: 'state report',
      next_report_due: 'next state report',
      replies_due: 'replies to the list of issues',
      upr_midterm_report: 'UPR mid-term report',
    },
  },
};

/** Fills "{name}" placeholders. */
export const fill = (s: string, v: Record<string, string | number>): string =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
