import type { ReactNode } from 'react';
import { useRouterState } from '@tanstack/react-router';
import { useMe } from '../lib/auth.ts';
import { ErrorAlert, Loading, LoginRequired, NoAccess } from './ui.tsx';

/** Renders children only for administrators; others get a clear message instead. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useMe();
  const href = useRouterState({ select: (s) => s.location.href });
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoginRequired redirect={href} />;
  if (me.data.role !== 'admin') return <NoAccess />;
  return <>{children}</>;
}
