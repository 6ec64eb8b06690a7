/** The financial annex API as the browser app uses it: totals, activities, sectors and imports. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityPriority,
  AnnexActivities,
  ExpenditureImport,
  Sector,
  SectorCreate,
  YearTotals,
} from '../../src/report/schema.ts';
import type { PriorityCode } from '../../src/report/priorities.ts';
import { api } from '../lib/api.ts';

const BASE = '/api/report/expenditures';
/** Every query of the annex: an import or a change refreshes them all. */
export const annexKey = ['report', 'annex'] as const;

export type AnnexTotals = { years: YearTotals[]; abilities: { manage: boolean } };

/** The totals of every year with expenditures (the page shows the years chosen). */
export function useAnnexTotals() {
  return useQuery({
    queryKey: [...annexKey, 'totals'],
    queryFn: () => api<AnnexTotals>('GET', `${BASE}/totals`),
  });
}

export function useAnnexActivities() {
  return useQuery({
    queryKey: [...annexKey, 'activities'],
    queryFn: () => api<AnnexActivities>('GET', `${BASE}/activities`),
  });
}

export function useSectors() {
  return useQuery({
    queryKey: [...annexKey, 'sectors'],
    queryFn: () => api<z.infer<typeof Sector>[]>('GET', `${BASE}/sectors`),
  });
}

export type ImportKind = 'iati' | 'sheet';

/** Sends the file as the request body, with a media type the server takes whatever the browser gave. */
export const importExpenditures = (kind: ImportKind, file: File) =>
  api<ExpenditureImport>(
    'POST',
    `${BASE}/imports/${kind}?fileName=${encodeURIComponent(file.name)}`,
    new Blob([file], { type: file.type || 'application/octet-stream' }),
  );

export const setActivityPriority = (identifier: string, body: { priority: PriorityCode; version?: number }) =>
  api<z.infer<typeof ActivityPriority>>(
    'PATCH',
    `${BASE}/activities/${encodeURIComponent(identifier)}`,
    body,
  );

export const addSector = (body: SectorCreate) => api<z.infer<typeof Sector>>('POST', `${BASE}/sectors`, body);

const whole = new Map<string, Intl.NumberFormat>();
const cents = new Map<string, Intl.NumberFormat>();
/** An amount in euros as the report writes it: "€ 9.395.942" (cents only when there are). */
export function formatEuro(locale: string, amount: number): string {
  const fmts = Number.isInteger(amount) ? whole : cents;
  let f = fmts.get(locale);
  if (!f) {
    const digits = Number.isInteger(amount) ? 0 : 2;
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    fmts.set(locale, f);
  }
  return f.format(amount);
}
