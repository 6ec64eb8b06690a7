/**
 * The kinds of document the government sends that Rightsdesk drafts, and what each is made from
 * (its parameters). A document of the workspace (workspace.ts) is one of these kinds; its
 * generator (generators/) turns the parameters and the data into a frame (addressee, subject or a
 * memo's fields) and sections. Shared by the server and the browser app: zod only.
 */
import { z } from 'zod';
import { Uuid } from '../shared/schema.ts';
import { MemoAttachment, MemoFields, MemoPurpose } from './schema.ts';

export const OUTGOING_KINDS = [
  /** The annual letter to the Tweede Kamer on developments in treaty reporting, for a year. */
  'annual_letter',
  /** A memo ("nota") to a minister, from a form; may accompany another document of the workspace. */
  'memo',
  /** The covering letter ("oplegbrief") that sends another document of the workspace to the Eerste Kamer. */
  'cover_letter',
  /** The cabinet response to an advisory report (the report's recommendations imported as a document). */
  'advisory_response',
  /** The cabinet response to a treaty body's concluding observations. */
  'concluding_response',
  /** The state's addendum to its UPR working group report: its responses, in English, as the UN publishes them. */
  'upr_addendum',
  /** The annual report on human rights, democracy and the international legal order, for a year (BZ's). */
  'human_rights_report',
  /** The memo ("nota") to the minister that asks for a decision on the annual report of a year. */
  'human_rights_report_nota',
  /** The letter to the Tweede Kamer that sends the annual report. */
  'human_rights_report_letter',
  /** A state report to a treaty body (src/state-report/), in the UN's layout, in English. */
  'state_report',
  /** The memo ("nota") to the minister that asks to agree to sending a state report. */
  'state_report_memo',
] as const;
export const OutgoingKind = z.enum(OUTGOING_KINDS);
export type OutgoingKind = z.infer<typeof OutgoingKind>;

const Paragraphs = z.string().trim().max(20_000);

export const AnnualLetterParams = z.object({
  kind: z.literal('annual_letter'),
  year: z.int().min(2000).max(2100),
});

export const MemoParams = z.object({
  kind: z.literal('memo'),
  fields: MemoFields,
  purpose: MemoPurpose,
  title: z.string().trim().min(1, 'must not be empty').max(500),
  /** The texts of the memo's sections; an empty one is left out, "Aanleiding" and "Kern" are required. */
  aanleiding: Paragraphs.min(1, '"Aanleiding" is required'),
  geadviseerdBesluit: Paragraphs.default(''),
  kern: Paragraphs.min(1, '"Kern" is required'),
  toelichting: Paragraphs.default(''),
  krachtenveld: Paragraphs.default(''),
  nietOpenbaar: Paragraphs.default(''),
  attachments: z.array(MemoAttachment).max(100).default([]),
  /** The document of the workspace this memo accompanies (listed as its first attachment). */
  accompanies: Uuid.optional(),
});

export const CoverLetterParams = z.object({ kind: z.literal('cover_letter'), document: Uuid });
export const AdvisoryResponseParams = z.object({ kind: z.literal('advisory_response'), document: Uuid });
export const ConcludingResponseParams = z.object({ kind: z.literal('concluding_response'), document: Uuid });
export const UprAddendumParams = z.object({ kind: z.literal('upr_addendum'), cycle: Uuid });

/** The kinds of the annual human rights report: only those who manage the report make them (policy.ts). */
export const REPORT_KINDS = [
  'human_rights_report',
  'human_rights_report_nota',
  'human_rights_report_letter',
] as const satisfies readonly OutgoingKind[];
export const isReportKind = (kind: OutgoingKind): boolean =>
  (REPORT_KINDS as readonly string[]).includes(kind);

const ReportYear = z.int().min(2000).max(2100);
export const HumanRightsReportParams = z.object({ kind: z.literal('human_rights_report'), year: ReportYear });
export const ReportNotaParams = z.object({
  kind: z.literal('human_rights_report_nota'),
  year: ReportYear,
  /** The report of the workspace the nota asks a decision on (listed as its first attachment). */
  report: Uuid.optional(),
});
export const ReportLetterParams = z.object({ kind: z.literal('human_rights_report_letter'), report: Uuid });

/** A state report and its memo are made from the report (state_reports.id), by its export. */
export const StateReportDocumentParams = z.object({ kind: z.literal('state_report'), report: Uuid });
export const StateReportMemoDocumentParams = z.object({ kind: z.literal('state_report_memo'), report: Uuid });

/** What a document is made from: `document` is a row of the documents table (the advisory report, the
 *  concluding observations) except for a cover letter, where it is the workspace document it sends. */
export const OutgoingParams = z.discriminatedUnion('kind', [
  AnnualLetterParams,
  MemoParams,
  CoverLetterParams,
  AdvisoryResponseParams,
  ConcludingResponseParams,
  UprAddendumParams,
  HumanRightsReportParams,
  ReportNotaParams,
  ReportLetterParams,
  StateReportDocumentParams,
  StateReportMemoDocumentParams,
]);
export type OutgoingParams = z.infer<typeof OutgoingParams>;
export type OutgoingParamsInput = z.input<typeof OutgoingParams>;
