import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { Layout } from './components/Layout.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { InstrumentPage } from './pages/InstrumentPage.tsx';
import { OrganisationsPage, type OrganisationsSearch } from './pages/OrganisationsPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { AuditPage, type AuditSearch } from './pages/AuditPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PasswordPage } from './pages/PasswordPage.tsx';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const date = (v: unknown): string | undefined => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};
const pageNo = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 1 ? n : undefined;
};

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });

const overviewRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: OverviewPage });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({ redirect: str(s.redirect) }),
  component: LoginPage,
});

const instrumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/instruments/$id',
  component: InstrumentPage,
});

const organisationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations',
  validateSearch: (s: Record<string, unknown>): OrganisationsSearch => ({
    kind: str(s.kind),
    q: str(s.q),
    page: pageNo(s.page),
  }),
  component: OrganisationsPage,
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password',
  component: PasswordPage,
});

const usersRoute = createRoute({ getParentRoute: () => rootRoute, path: '/users', component: UsersPage });

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: (s: Record<string, unknown>): AuditSearch => ({
    entityType: str(s.entityType),
    action: str(s.action),
    from: date(s.from),
    to: date(s.to),
    page: pageNo(s.page),
  }),
  component: AuditPage,
});

const routeTree = rootRoute.addChildren([
  overviewRoute,
  loginRoute,
  instrumentRoute,
  organisationsRoute,
  passwordRoute,
  usersRoute,
  auditRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
