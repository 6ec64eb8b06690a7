/**
 * The state report (issue 15): a draft per cycle, its sections (an article of the treaty, or a
 * question of the list of issues under the simplified procedure), what each must answer, the word
 * counts against the UN's limits, and the submission. Imports nothing but zod and other schema files.
 */
import { z } from 'zod';
import { BoundedDate, DATE_BOUNDS, Uuid, Version, VersionInput, Versioned } from '../shared/schema.ts';

/** 'periodic': a section per article; 'simplified': the replies to a list of issues prior to reporting. */
export const STATE_REPORT_KINDS = ['periodic', 'simplified'] as const;
export const StateReportKind = z.enum(STATE_REPORT_KINDS);
export type StateReportKind = z.infer<typeof StateReportKind>;

export const SECTION_PARTS = ['intro', 'article', 'question', 'annex'] as const;
export const SectionPart = z.enum(SECTION_PARTS);
export type SectionPart = z.infer<typeof SectionPart>;

/** The kinds of document the UN limits in words (General Assembly resolution 68/268, para. 16). */
export const WORD_LIMIT_KINDS = [
  'common_core_document',
  'initial_report',
  'periodic_report',
  'replies_to_list_of_issues',
] as const;
export const WordLimitKind = z.enum(WORD_LIMIT_KINDS);
export type WordLimitKind = z.infer<typeof WordLimitKind>;

/** A word limit, a reference fact with its source; unverified until someone confirms it. */
export const WordLimit = z.object({
  kind: WordLimitKind,
  words: z.number().int(),
  labelNl: z.string(),
  labelEn: z.string(),
  source: z.string(),
  verified: z.boolean(),
});
export type WordLimit = z.infer<typeof WordLimit>;
export const WordLimitList = z.object({ items: z.array(WordLimit) });

export const StateReportCreate = z.object({ cycleId: Uuid, kind: StateReportKind });
export type StateReportCreate = z.infer<typeof StateReportCreate>;

export const StateReportAbilities = z.object({
  /** Edit sections, import the list of issues, ask contributions, decide them, export, record the submission. */
  manage: z.boolean(),
  /** Write a contribution of the actor's organisation to one of the report's requests. */
  contribute: z.boolean(),
});
export type StateReportAbilities = z.infer<typeof StateReportAbilities>;

const ReportHead = {
  id: Uuid,
  cycleId: Uuid,
  cycleLabel: z.string(),
  instrumentId: Uuid,
  instrumentCode: z.string(),
  instrumentName: z.string(),
  kind: StateReportKind,
  title: z.string(),
  symbol: z.string().nullable(),
  submittedOn: z.string().nullable(),
  /** Words of all sections together. */
  words: z.number().int(),
  wordLimit: WordLimit,
  overLimit: z.boolean(),
};

export const StateReportListItem = z.object({ ...ReportHead, updatedAt: z.string() });
export type StateReportListItem = z.infer<typeof StateReportListItem>;
export const StateReportList = z.object({ items: z.array(StateReportListItem) });

export const StateReportQuery = z.object({ cycleId: Uuid.optional() });

/** A section as the report lists it. */
export const StateReportSectionSummary = z.object({
  id: Uuid,
  key: z.string(),
  part: SectionPart,
  number: z.string().nullable(),
  heading: z.string(),
  position: z.number().int(),
  articles: z.array(z.string()),
  coParagraphs: z.array(z.string()),
  words: z.number().int(),
  requests: z.number().int(),
  contributionsSubmitted: z.number().int(),
  contributionsAccepted: z.number().int(),
  /** It concerns a paragraph the treaty body chose for follow-up (cycle_phases.follow_up_paragraphs). */
  priority: z.boolean(),
  version: Version,
});
export type StateReportSectionSummary = z.infer<typeof StateReportSectionSummary>;

export const StateReport = z.object({
  ...ReportHead,
  loiDocumentId: Uuid.nullable(),
  loiSymbol: z.string().nullable(),
  letterId: Uuid.nullable(),
  memoId: Uuid.nullable(),
  /** The concluding observations the report answers (the previous cycle's), when known. */
  previousCoSymbol: z.string().nullable(),
  sections: z.array(StateReportSectionSummary),
  abilities: StateReportAbilities,
  ...Versioned,
});
export type StateReport = z.infer<typeof StateReport>;

export const StateReportParams = z.object({ id: Uuid });
export const StateReportSectionParams = z.object({ id: Uuid, sectionId: Uuid });

/** The answer to a list-of-issues import: the report with its new sections, and what the parser noted. */
export const ListOfIssuesImported = z.object({
  report: StateReport,
  documentId: Uuid,
  symbol: z.string().nullable(),
  questions: z.number().int(),
  warnings: z.array(z.string()),
});
export type ListOfIssuesImported = z.infer<typeof ListOfIssuesImported>;
export const ListOfIssuesQuery = z.object({ fileName: z.string().trim().min(1).max(255).optional() });

/** A recommendation of the previous concluding observations that a section must answer. */
export const SectionRecommendation = z.object({
  id: Uuid,
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  text: z.string(),
  themes: z.array(z.string()),
  /**
   * Why it is listed: the section refers to its paragraph; it names the section's article; a theme it
   * is tagged with shares a word with the article's subject; or (in the introduction) no other section
   * lists it.
   */
  matchedBy: z.enum(['paragraph', 'article', 'theme', 'unassigned']),
  /** The follow-up priority paragraphs of the treaty body. */
  priority: z.boolean(),
  position: z.string().nullable(),
  positionExplanation: z.string().nullable(),
  lead: z.object({ id: Uuid, code: z.string(), nameNl: z.string(), nameEn: z.string() }).nullable(),
  actions: z.array(
    z.object({ id: Uuid, title: z.string(), ownerCode: z.string(), endDate: z.string().nullable() }),
  ),
  /** The latest approved progress update. */
  progress: z.object({ status: z.string(), text: z.string(), approvedAt: z.string().nullable() }).nullable(),
});
export type SectionRecommendation = z.infer<typeof SectionRecommendation>;

/** Accepted input of the cycle's consultation rounds. */
export const SectionConsultationInput = z.object({
  id: Uuid,
  consultationId: Uuid,
  consultationTitle: z.string(),
  organisationName: z.string(),
  body: z.string(),
  published: z.boolean(),
  submittedAt: z.string(),
});
export type SectionConsultationInput = z.infer<typeof SectionConsultationInput>;

export const StateReportSection = StateReportSectionSummary.extend({
  reportId: Uuid,
  question: z.string().nullable(),
  text: z.string(),
  recommendations: z.array(SectionRecommendation),
  consultationInput: z.array(SectionConsultationInput),
  /** Words of the whole report, and its limit, to show while writing. */
  reportWords: z.number().int(),
  wordLimit: WordLimit,
  overLimit: z.boolean(),
  abilities: StateReportAbilities,
  updatedAt: z.string(),
});
export type StateReportSection = z.infer<typeof StateReportSection>;

/** The section's text may be long (a report is up to 31,800 words); 500,000 characters is ample. */
export const StateReportSectionUpdate = z.object({
  text: z.string().max(500_000),
  /**
   * The paragraphs of the previous concluding observations the section answers ("9", "19 (b)"), when
   * the manager assigns them (an article's section has none until then).
   */
  coParagraphs: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{1,3}(?: \([a-z]{1,4}\))?$/, 'write a paragraph as "9" or "19 (b)"'),
    )
    .max(200)
    .optional(),
  ...VersionInput,
});
export type StateReportSectionUpdate = z.infer<typeof StateReportSectionUpdate>;

export const StateReportSubmission = z.object({
  submittedOn: BoundedDate(DATE_BOUNDS.treatyFact),
  symbol: z.string().trim().min(1).max(100),
  /** The report's version the user saw (optional: the submission is a fact recorded once). */
  version: Version.optional(),
});
export type StateReportSubmission = z.infer<typeof StateReportSubmission>;
