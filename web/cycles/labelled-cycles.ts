import { useQuery } from '@tanstack/react-query';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';

/**
 * Every reporting cycle with a label such as "CRC 7th periodic report" (the instrument's code and the
 * cycle's name in the user's language), sorted by that label: what a form offers to choose a cycle.
 */
export function useLabelledCycles(): { cycles: { cycle: Cycle; label: string }[]; ready: boolean } {
  const { cycle: cycleName } = useI18n();
  const cycles = useQuery({
    queryKey: ['cycles', 'all'],
    queryFn: () => api<Page<Cycle>>('GET', `/api/cycles${qs({ pageSize: 500 })}`),
    staleTime: 60_000,
  });
  const instruments = useQuery({
    queryKey: ['instruments', 'codes'],
    queryFn: () => api<Page<{ id: string; code: string }>>('GET', `/api/instruments${qs({ pageSize: 500 })}`),
    staleTime: 60_000,
  });
  const codeOf = new Map((instruments.data?.items ?? []).map((i) => [i.id, i.code]));
  return {
    cycles: (cycles.data?.items ?? [])
      .map((cycle) => ({
        cycle,
        label: `${codeOf.get(cycle.instrumentId) ?? ''} ${cycleName(cycle.label)}`.trim(),
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    ready: cycles.isSuccess && instruments.isSuccess,
  };
}
