import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GlobalAbilities, Me } from '../../src/auth/schema.ts';
import { api, ApiError, setCsrfToken } from './api.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** The signed-in user, null when anonymous, undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Whether the signed-in user has a global ability (from GET /api/auth/me); false when anonymous. */
export function useAbility(ability: keyof GlobalAbilities): boolean {
  return useMe().data?.abilities[ability] ?? false;
}

export function useAuthActions() {
  const qc = useQueryClient();
  return {
    async login(email: string, password: string): Promise<Me> {
      const me = await api<Me>('POST', '/api/auth/login', { email, password });
      setCsrfToken(me.csrfToken);
      qc.setQueryData(ME_KEY, me);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      return me;
    },
    async logout(): Promise<void> {
      try {
        await api<void>('POST', '/api/auth/logout');
      } catch (err) {
        // An expired session is logged out already.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
      setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  };
}
