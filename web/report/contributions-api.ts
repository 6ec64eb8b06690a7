/**
 * The contributions and examples API as the browser app uses it. Importing this file also registers
 * the pages' texts (Dutch and English), so they load with these pages and not with the first page.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ContributionInput,
  ContributionReceipt,
  ContributionRequest,
  ContributionRequestCreate,
  ContributionRequestDetail,
  ContributionRequestList,
  ContributionRequestUpdate,
  ContributionRequestWithLink,
  PublicContributionForm,
} from '../../src/report/contributions-schema.ts';
import type {
  Example,
  ExampleCreate,
  ExampleList,
  ExampleSelect,
  ExampleUpdate,
} from '../../src/report/examples-schema.ts';
import { registerFeatureTexts } from '../i18n/index.tsx';
import { reportContributionsEn } from '../i18n/report-contributions-en.ts';
import { reportContributionsNl } from '../i18n/report-contributions-nl.ts';
import { api } from '../lib/api.ts';

registerFeatureTexts({ nl: reportContributionsNl, en: reportContributionsEn });

const BASE = '/api/report/contributions';
const EXAMPLES = `${BASE}/examples`;
const FORM = '/api/contribution-forms';

export const requestsKey = (year: number) => ['report', 'contributions', 'list', year] as const;
export const requestKey = (id: string) => ['report', 'contributions', 'request', id] as const;
export const examplesKey = (year: number) => ['report', 'contributions', 'examples', year] as const;

export function useRequests(year: number) {
  return useQuery({
    queryKey: requestsKey(year),
    queryFn: () => api<ContributionRequestList>('GET', `${BASE}?year=${year}`),
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: () => api<ContributionRequestDetail>('GET', `${BASE}/${encodeURIComponent(id)}`),
  });
}

export function useExamples(year: number | undefined) {
  return useQuery({
    queryKey: examplesKey(year ?? 0),
    queryFn: () => api<ExampleList>('GET', `${EXAMPLES}?year=${year}`),
    enabled: year !== undefined,
  });
}

export function usePublicForm(secret: string) {
  return useQuery({
    queryKey: ['contribution-form', secret],
    queryFn: () => api<PublicContributionForm>('GET', `${FORM}/${encodeURIComponent(secret)}`),
    retry: false,
  });
}

type Receipt = z.infer<typeof ContributionReceipt>;
export type ContributionFields = z.input<typeof ContributionInput>;

export const createRequest = (body: z.input<typeof ContributionRequestCreate>) =>
  api<ContributionRequestWithLink>('POST', BASE, body);
export const updateRequest = (id: string, body: z.input<typeof ContributionRequestUpdate>) =>
  api<ContributionRequest>('PATCH', `${BASE}/${id}`, body);
export const closeRequest = (id: string, version: number) =>
  api<ContributionRequest>('POST', `${BASE}/${id}/close`, { version });
export const renewLink = (id: string, version: number) =>
  api<ContributionRequestWithLink>('POST', `${BASE}/${id}/link`, { version });
export const submitSignedIn = (id: string, body: ContributionFields) =>
  api<Receipt>('POST', `${BASE}/${id}/contributions`, body);
export const submitByLink = (secret: string, body: ContributionFields) =>
  api<Receipt>('POST', `${FORM}/${encodeURIComponent(secret)}`, body);

export const selectExample = (body: z.input<typeof ExampleSelect>) =>
  api<Example>('POST', `${EXAMPLES}/selected`, body);
export const createExample = (body: z.input<typeof ExampleCreate>) => api<Example>('POST', EXAMPLES, body);
export const updateExample = (id: string, body: z.input<typeof ExampleUpdate>) =>
  api<Example>('PATCH', `${EXAMPLES}/${id}`, body);
export const moveExample = (id: string, direction: 'up' | 'down', version: number) =>
  api<Example>('POST', `${EXAMPLES}/${id}/move`, { direction, version });
export const removeExample = (id: string, version: number) =>
  api<void>('DELETE', `${EXAMPLES}/${id}?version=${version}`);
