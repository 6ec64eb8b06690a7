import { useQuery } from '@tanstack/react-query';
import type {
  AccessToken,
  CreatedAccessToken,
  ServiceAccount,
  ServiceAccountCreate,
  ServiceAccountList,
  TokenCreate,
  TokenList,
} from '../../src/tokens/schema.ts';
import { api } from '../lib/api.ts';

export const TOKENS_KEY = ['tokens'] as const;

export const useTokens = () =>
  useQuery({ queryKey: [...TOKENS_KEY, 'mine'], queryFn: () => api<TokenList>('GET', '/api/tokens') });

export const useServiceAccounts = (enabled: boolean) =>
  useQuery({
    queryKey: [...TOKENS_KEY, 'service-accounts'],
    queryFn: () => api<ServiceAccountList>('GET', '/api/service-accounts'),
    enabled,
  });

export const createToken = (body: TokenCreate) => api<CreatedAccessToken>('POST', '/api/tokens', body);
export const createServiceToken = (id: string, body: TokenCreate) =>
  api<CreatedAccessToken>('POST', `/api/service-accounts/${id}/tokens`, body);
export const createServiceAccount = (body: ServiceAccountCreate) =>
  api<ServiceAccount>('POST', '/api/service-accounts', body);
export const revokeToken = (t: AccessToken) =>
  api<AccessToken>('DELETE', `/api/tokens/${t.id}?version=${t.version}`);
