import { useQuery } from '@tanstack/react-query';
import type { Organisation } from '../../src/organisations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from './api.ts';

/** All organisations (a few hundred at most), shared by the pages that choose or name one. */
export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: () => api<Page<Organisation>>('GET', `/api/organisations${qs({ pageSize: 500 })}`),
    staleTime: 60_000,
  });
}

/**
 * The choices of an organisation select: "Name (CODE)" by name, after a first empty choice with the
 * text given; by default only the organisations that exist today.
 */
export function useOrganisationOptions(empty: string, which: 'current' | 'all' = 'current') {
  const { name } = useI18n();
  const orgs = useOrganisations().data?.items ?? [];
  return [
    { value: '', label: empty },
    ...orgs
      .filter((o) => which === 'all' || o.current)
      .sort((a, b) => name(a).localeCompare(name(b)))
      .map((o) => ({ value: o.id, label: `${name(o)} (${o.code})` })),
  ];
}
