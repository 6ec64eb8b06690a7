/**
 * The state report API as the browser app uses it. Importing this file also registers the pages'
 * texts (Dutch and English), so they load with these pages and not with the first page.
 */
import { useQuery } from '@tanstack/react-query';
import type {
  ListOfIssuesImported,
  StateReport,
  StateReportCreate,
  StateReportList,
  StateReportSection,
  StateReportSubmission,
} from '../../src/state-report/schema.ts';
import type {
  ContributionDecision,
  ContributionMerge,
  ContributionMerged,
  ContributionRequestsCreate,
  ContributionRequestsCreated,
  StateReportContribution,
  StateReportExported,
  StateReportProgress,
  StateReportRequest,
  StateReportRequestList,
} from '../../src/state-report/contributions-schema.ts';
import type { z } from 'zod';
import { registerFeatureTexts } from '../i18n/index.tsx';
import { stateReportEn } from '../i18n/state-report-en.ts';
import { stateReportNl } from '../i18n/state-report-nl.ts';
import { api, qs } from '../lib/api.ts';

registerFeatureTexts({ nl: stateReportNl, en: stateReportEn });

export const BASE = '/api/state-reports';
const REQUESTS = '/api/state-report-requests';

/** Every query of the state reports: a change refreshes them all. */
export const stateReportsKey = ['state-reports'] as const;
export const reportKey = (id: string) => [...stateReportsKey, 'report', id] as const;
export const sectionKey = (id: string, sectionId: string) =>
  [...stateReportsKey, 'section', id, sectionId] as const;

export function useStateReports(cycleId?: string, enabled = true) {
  return useQuery({
    queryKey: [...stateReportsKey, 'list', cycleId ?? ''],
    queryFn: () => api<z.infer<typeof StateReportList>>('GET', `${BASE}${qs({ cycleId })}`),
    enabled,
  });
}

export function useStateReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => api<StateReport>('GET', `${BASE}/${encodeURIComponent(id)}`),
  });
}

export function useSection(id: string, sectionId: string) {
  return useQuery({
    queryKey: sectionKey(id, sectionId),
    queryFn: () =>
      api<StateReportSection>(
        'GET',
        `${BASE}/${encodeURIComponent(id)}/sections/${encodeURIComponent(sectionId)}`,
      ),
  });
}

export const createStateReport = (body: StateReportCreate) => api<StateReport>('POST', BASE, body);

/** Sends the file as the request body, with a media type the server takes whatever the browser gave. */
export const importListOfIssues = (id: string, file: File) =>
  api<ListOfIssuesImported>(
    'POST',
    `${BASE}/${id}/list-of-issues${qs({ fileName: file.name })}`,
    new Blob([file], { type: file.type || 'application/octet-stream' }),
  );

export const updateSection = (id: string, sectionId: string, body: { text: string; version: number }) =>
  api<StateReportSection>('PATCH', `${BASE}/${id}/sections/${sectionId}`, body);

export const recordSubmission = (id: string, body: z.input<typeof StateReportSubmission>) =>
  api<StateReport>('POST', `${BASE}/${id}/submission`, body);

/** The words of a text as the server counts them (src/state-report/words.ts, no dependencies). */
export { countWords } from '../../src/state-report/words.ts';

export const progressKey = (id: string) => [...stateReportsKey, 'progress', id] as const;
export const requestKey = (requestId: string) => [...stateReportsKey, 'request', requestId] as const;

export function useProgress(id: string) {
  return useQuery({
    queryKey: progressKey(id),
    queryFn: () => api<StateReportProgress>('GET', `${BASE}/${encodeURIComponent(id)}/progress`),
  });
}

/** The signed-in user's organisation's requests. */
export function useMyRequests() {
  return useQuery({
    queryKey: [...stateReportsKey, 'my-requests'],
    queryFn: () => api<StateReportRequestList>('GET', REQUESTS),
  });
}

export const requestQuery = (requestId: string) => ({
  queryKey: requestKey(requestId),
  queryFn: () => api<StateReportRequest>('GET', `${REQUESTS}/${encodeURIComponent(requestId)}`),
});

export function useContributionRequest(requestId: string) {
  return useQuery(requestQuery(requestId));
}

export const requestContributions = (id: string, body: z.input<typeof ContributionRequestsCreate>) =>
  api<ContributionRequestsCreated>('POST', `${BASE}/${id}/requests`, body);

export const saveContribution = (requestId: string, body: { text: string; version?: number | undefined }) =>
  api<StateReportRequest>('PUT', `${REQUESTS}/${requestId}/contribution`, body);

export const uploadContributionDocx = (requestId: string, file: File) =>
  api<StateReportRequest>(
    'POST',
    `${REQUESTS}/${requestId}/contribution.docx${qs({ fileName: file.name })}`,
    new Blob([file], { type: file.type || 'application/octet-stream' }),
  );

export const submitContribution = (requestId: string, version: number) =>
  api<StateReportRequest>('POST', `${REQUESTS}/${requestId}/contribution/submit`, { version });

export const decideContribution = (id: string, body: ContributionDecision) =>
  api<StateReportContribution>('POST', `/api/state-report-contributions/${id}/decision`, body);

export const mergeContributions = (id: string, sectionId: string, body: ContributionMerge) =>
  api<ContributionMerged>('POST', `${BASE}/${id}/sections/${sectionId}/merge`, body);

export const exportStateReport = (id: string) => api<StateReportExported>('POST', `${BASE}/${id}/export`);
