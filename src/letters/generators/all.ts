/**
 * Registers every generator of the government's documents with the workspace's registry: import
 * this module once where the workspace starts.
 */
import { generateAdvisoryResponse } from './advisory-response.ts';
import { generateAnnualLetter } from './annual-letter.ts';
import { generateConcludingResponse } from './concluding-response.ts';
import { generateCoverLetter } from './cover-letter.ts';
import { generateHumanRightsReport } from './human-rights-report.ts';
import { registerGenerator } from './index.ts';
import { generateMemo } from './memo.ts';
import { generateReportLetter } from './report-letter.ts';
import { generateReportNota } from './report-nota.ts';
import { generateStateReport } from './state-report.ts';
import { generateStateReportMemo } from './state-report-memo.ts';
import { generateUprAddendum } from './upr-addendum.ts';

registerGenerator('annual_letter', generateAnnualLetter);
registerGenerator('memo', generateMemo);
registerGenerator('cover_letter', generateCoverLetter);
registerGenerator('advisory_response', generateAdvisoryResponse);
registerGenerator('concluding_response', generateConcludingResponse);
registerGenerator('upr_addendum', generateUprAddendum);
registerGenerator('human_rights_report', generateHumanRightsReport);
registerGenerator('human_rights_report_nota', generateReportNota);
registerGenerator('human_rights_report_letter', generateReportLetter);
registerGenerator('state_report', generateStateReport);
registerGenerator('state_report_memo', generateStateReportMemo);
