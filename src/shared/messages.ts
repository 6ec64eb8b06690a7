/**
 * The texts of every error code, in Dutch and English, for the browser app: the server answers
 * with `code` and `params` (and an English `detail`), and the app shows the text of the user's
 * language from this catalogue. Each feature declares its errors in src/<feature>/errors.ts.
 */
import { errors, type MessageCatalogue } from '../core/errors.ts';
import { instrumentErrors } from '../instruments/errors.ts';
import { cycleErrors } from '../cycles/errors.ts';
import { calendarErrors } from '../calendar/errors.ts';
import { processErrors } from '../process/errors.ts';
import { meetingErrors } from '../meetings/errors.ts';
import { consultationErrors } from '../consultations/errors.ts';
import { notificationErrors } from '../notifications/errors.ts';
import { documentErrors } from '../documents/errors.ts';
import { taxonomyErrors } from '../taxonomy/errors.ts';
import { organisationErrors } from '../organisations/errors.ts';
import { userErrors } from '../users/errors.ts';
import { authErrors } from '../auth/errors.ts';
import { documentFileErrors, importErrors, recommendationErrors } from '../recommendations/errors.ts';
import { inputErrors, limitErrors } from '../server/errors.ts';
import { followUpErrors } from '../followup/errors.ts';
import { actionErrors } from '../actions/errors.ts';
import { clusterErrors } from '../clusters/errors.ts';
import { commentErrors } from '../comments/errors.ts';
import { wooErrors } from '../woo/errors.ts';
import { letterErrors } from '../letters/generators/errors.ts';
import { workspaceErrors } from '../letters/errors.ts';
import { commitmentErrors } from '../commitments/errors.ts';
import { hrcErrors } from '../hrc/errors.ts';
import { reportErrors } from '../report/errors.ts';
import { frameworkErrors } from '../report/framework-errors.ts';
import { contributionErrors } from '../report/contributions-errors.ts';
import { tweedekamerErrors } from '../commitments/tweedekamer/errors.ts';
import { listOfIssuesErrors } from '../state-report/parse/errors.ts';
import { stateReportErrors } from '../state-report/errors.ts';
import { stateReportContributionErrors } from '../state-report/contributions-errors.ts';
import { tokenErrors } from '../tokens/errors.ts';
import { suggestionErrors } from '../suggestions/errors.ts';

export const messages: MessageCatalogue = {
  ...errors.catalogue,
  ...instrumentErrors.catalogue,
  ...cycleErrors.catalogue,
  ...calendarErrors.catalogue,
  ...processErrors.catalogue,
  ...meetingErrors.catalogue,
  ...consultationErrors.catalogue,
  ...notificationErrors.catalogue,
  ...documentErrors.catalogue,
  ...wooErrors.catalogue,
  ...taxonomyErrors.catalogue,
  ...organisationErrors.catalogue,
  ...userErrors.catalogue,
  ...authErrors.catalogue,
  ...importErrors.catalogue,
  ...recommendationErrors.catalogue,
  ...suggestionErrors.catalogue,
  ...documentFileErrors.catalogue,
  ...inputErrors.catalogue,
  ...limitErrors.catalogue,
  ...followUpErrors.catalogue,
  ...actionErrors.catalogue,
  ...clusterErrors.catalogue,
  ...commentErrors.catalogue,
  ...letterErrors.catalogue,
  ...workspaceErrors.catalogue,
  ...commitmentErrors.catalogue,
  ...hrcErrors.catalogue,
  ...reportErrors.catalogue,
  ...frameworkErrors.catalogue,
  ...contributionErrors.catalogue,
  ...tweedekamerErrors.catalogue,
  ...tokenErrors.catalogue,
  ...listOfIssuesErrors.catalogue,
  ...stateReportErrors.catalogue,
  ...stateReportContributionErrors.catalogue,
};
