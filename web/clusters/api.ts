/** The clusters API as the browser app uses it: the queries, their keys and the requests that change them. */
import { useQuery } from '@tanstack/react-query';
import type {
  Cluster,
  ClusterCreate,
  ClusterMembersChange,
  ClusterSummary,
  ClusterUpdate,
} from '../../src/clusters/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { api, qs } from '../lib/api.ts';

export const clusterKey = (id: string) => ['clusters', id] as const;

export const fetchCluster = (id: string) => api<Cluster>('GET', `/api/clusters/${id}`);

export function useCluster(id: string) {
  return useQuery({ queryKey: clusterKey(id), queryFn: () => fetchCluster(id) });
}

export function useClusters(q: {
  organisationId?: string | undefined;
  recommendationId?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}) {
  return useQuery({
    queryKey: ['clusters', 'list', q],
    queryFn: () => api<Page<ClusterSummary>>('GET', `/api/clusters${qs({ pageSize: 25, ...q })}`),
    placeholderData: (prev) => prev,
  });
}

/** The input as sent: the schema fills its defaults on the server. */
type Sent<T> = { [K in keyof T]?: T[K] };

export const createCluster = (body: Sent<ClusterCreate> & Pick<ClusterCreate, 'title'>) =>
  api<Cluster>('POST', '/api/clusters', body);

export const updateCluster = (id: string, body: ClusterUpdate) =>
  api<Cluster>('PATCH', `/api/clusters/${id}`, body);

export const changeMembers = (id: string, body: Sent<ClusterMembersChange> & { version: number }) =>
  api<Cluster>('POST', `/api/clusters/${id}/members`, body);

export const deleteCluster = (c: Pick<Cluster, 'id' | 'version'>) =>
  api<void>('DELETE', `/api/clusters/${c.id}${qs({ version: c.version })}`);
