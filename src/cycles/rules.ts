import { addMonths as addMonthsTo, type DatePrecision } from '../core/dates.ts';
import type { DerivableKind, PhaseKind } from './schema.ts';
import type { PhaseFact } from './status.ts';

/**
 * The reporting rules per monitoring body, from which due dates are derived (never stored).
 * These are the bodies' usual practice as generally known, NOT checked against their rules of
 * procedure: every derived date carries RULES_SOURCE and shows as derived; a coordinator
 * overrides a date that the committee set otherwise.
 */
export const RULES_SOURCE =
  'Rightsdesk rule table (src/cycles/rules.ts): usual practice of the body, general knowledge, unverified';

export interface BodyRule {
  /** Months after the concluding observations by which the follow-up report is due (null: no procedure). */
  followUpMonths: number | null;
  /** Simplified procedure: months after the list of issues prior to reporting by which the report is due. */
  loiprReportMonths: number | null;
}

export const BODY_RULES: Record<string, BodyRule> = {
  CCPR: { followUpMonths: 24, loiprReportMonths: 12 },
  CESCR: { followUpMonths: 24, loiprReportMonths: 12 },
  CEDAW: { followUpMonths: 24, loiprReportMonths: 12 },
  CAT: { followUpMonths: 12, loiprReportMonths: 12 },
  CERD: { followUpMonths: 12, loiprReportMonths: 12 },
  CRPD: { followUpMonths: 12, loiprReportMonths: 12 },
  CRC: { followUpMonths: null, loiprReportMonths: 12 },
  CED: { followUpMonths: 12, loiprReportMonths: 12 },
  CMW: { followUpMonths: 24, loiprReportMonths: 12 },
};

/** UPR: a voluntary mid-term report about 2.5 years after the review, the next review after about 4.5 years. */
export const UPR_MIDTERM_MONTHS = 30;
export const UPR_DEFAULT_PERIOD_YEARS = 4.5;

export interface CycleContext {
  /** Code of the monitoring body, e.g. CEDAW or HRC-UPR. */
  bodyCode: string | null;
  /** monitoring_bodies.kind: treaty_body, upr, coe_body... */
  bodyKind: string | null;
  periodicityYears: number | null;
  /** The cycle's procedure, or else the instrument's. */
  procedure: 'standard' | 'simplified' | null;
}

export interface DerivedDeadline {
  kind: DerivableKind;
  date: string;
  datePrecision: DatePrecision;
  rule: string;
  /** The rule in Dutch. */
  ruleNl: string;
  baseKind: PhaseKind;
}

const monthsText = (m: number) => (m % 12 === 0 ? `${m / 12} year${m === 12 ? '' : 's'}` : `${m} months`);
const maandenTekst = (m: number) => (m % 12 === 0 ? `${m / 12} jaar` : `${m} maanden`);

/**
 * The deadlines the rules derive for one cycle, for the kinds that have no recorded phase:
 * - follow-up report: the concluding observations + the body's follow-up months;
 * - next report: the concluding observations (UPR: the review) + the instrument's periodicity;
 * - simplified procedure (LOIPR): the report replies to the list of issues prior to reporting and
 *   is due the body's months after it;
 * - UPR: the mid-term report about 2.5 years after the review.
 */
export function deriveDeadlines(phases: PhaseFact[], ctx: CycleContext): DerivedDeadline[] {
  const at = (k: PhaseKind) => phases.find((p) => p.kind === k && p.date);
  const has = (k: PhaseKind) => phases.some((p) => p.kind === k && p.date);
  const out: DerivedDeadline[] = [];
  const add = (kind: DerivableKind, base: PhaseFact, months: number, rule: string, ruleNl: string) => {
    if (has(kind)) return;
    const precision = base.datePrecision ?? 'day';
    out.push({
      kind,
      date: addMonthsTo(base.date!, months, precision),
      datePrecision: precision,
      rule,
      ruleNl,
      baseKind: base.kind,
    });
  };
  const body = ctx.bodyCode ?? '?';
  const periodMonths = ctx.periodicityYears ? Math.round(ctx.periodicityYears * 12) : null;

  if (ctx.bodyKind === 'upr') {
    const review = at('upr_review');
    if (review) {
      add(
        'upr_midterm_due',
        review,
        UPR_MIDTERM_MONTHS,
        `UPR: mid-term report about ${monthsText(UPR_MIDTERM_MONTHS)} after the review`,
        `UPR: tussentijdse rapportage ongeveer ${maandenTekst(UPR_MIDTERM_MONTHS)} na de toetsing`,
      );
      const months = periodMonths ?? Math.round(UPR_DEFAULT_PERIOD_YEARS * 12);
      add(
        'next_report_due',
        review,
        months,
        `UPR: next review ${monthsText(months)} after the review`,
        `UPR: volgende toetsing ${maandenTekst(months)} na de toetsing`,
      );
    }
    return out;
  }

  const rule = BODY_RULES[body];
  if (!rule) return out;
  const loi = at('list_of_issues');
  if (ctx.procedure === 'simplified' && loi && rule.loiprReportMonths) {
    add(
      'report_due',
      loi,
      rule.loiprReportMonths,
      `${body}, simplified procedure: the report replies to the list of issues prior to reporting, due ${monthsText(rule.loiprReportMonths)} after it`,
      `${body}, vereenvoudigde procedure: de rapportage beantwoordt de vragenlijst vooraf (LOIPR) en is ${maandenTekst(rule.loiprReportMonths)} daarna verschuldigd`,
    );
  }
  const co = at('concluding_observations');
  if (co && rule.followUpMonths) {
    add(
      'follow_up_due',
      co,
      rule.followUpMonths,
      `${body}: follow-up report ${monthsText(rule.followUpMonths)} after the concluding observations`,
      `${body}: follow-uprapportage ${maandenTekst(rule.followUpMonths)} na de slotopmerkingen`,
    );
  }
  if (co && periodMonths) {
    add(
      'next_report_due',
      co,
      periodMonths,
      `${body}: next report ${monthsText(periodMonths)} (the instrument's periodicity) after the concluding observations`,
      `${body}: volgende rapportage ${maandenTekst(periodMonths)} (de periodiciteit van het verdrag) na de slotopmerkingen`,
    );
  }
  return out;
}
