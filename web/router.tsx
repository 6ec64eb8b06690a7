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
import { ProcessTemplatesPage } from './pages/ProcessTemplatesPage.tsx';
import { MeetingsPage } from './pages/MeetingsPage.tsx';
import { MeetingPage } from './pages/MeetingPage.tsx';
import { TasksPage } from './pages/TasksPage.tsx';
import { DeadlinesPage, type DeadlinesSearch } from './pages/DeadlinesPage.tsx';
import { TimelinePage, type TimelineSearch } from './pages/TimelinePage.tsx';
import { ConsultationsPage } from './pages/ConsultationsPage.tsx';
import { ConsultationPage } from './pages/ConsultationPage.tsx';
import { ConsultationModerationPage } from './pages/ConsultationModerationPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { OutboxPage } from './pages/OutboxPage.tsx';
import {
  RecommendationsPage,
  validateRecommendationsSearch,
  type RecommendationsSearch,
} from './pages/RecommendationsPage.tsx';
import { RecommendationPage } from './pages/RecommendationPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';

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

const year = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1945 && n <= 2100 ? n : undefined;
};
const deadlinesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deadlines',
  validateSearch: (s: Record<string, unknown>): DeadlinesSearch => {
    const within = Number(s.within);
    const overdue = str(s.overdue);
    return {
      within: Number.isInteger(within) && within >= 0 && within <= 3650 ? within : undefined,
      organisationId: str(s.organisationId),
      overdue: overdue === 'only' || overdue === 'exclude' || overdue === 'include' ? overdue : undefined,
      page: pageNo(s.page),
    };
  },
  component: DeadlinesPage,
});
const timelineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/timeline',
  validateSearch: (s: Record<string, unknown>): TimelineSearch => ({ from: year(s.from), to: year(s.to) }),
  component: TimelinePage,
});

const processTemplatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/process',
  component: ProcessTemplatesPage,
});
const meetingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/meetings',
  component: MeetingsPage,
});
const meetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/meetings/$id',
  component: MeetingPage,
});
const tasksRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tasks', component: TasksPage });

const consultationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/consultations',
  component: ConsultationsPage,
});
const consultationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/consultations/$id',
  component: ConsultationPage,
});
const consultationModerationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/consultations/$id/moderation',
  component: ConsultationModerationPage,
});
const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notifications',
  component: NotificationsPage,
});
const outboxRoute = createRoute({ getParentRoute: () => rootRoute, path: '/outbox', component: OutboxPage });

const recommendationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/recommendations',
  validateSearch: (s: Record<string, unknown>): RecommendationsSearch => validateRecommendationsSearch(s),
  component: RecommendationsPage,
});
const recommendationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/recommendations/$id',
  component: RecommendationPage,
});
const importsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports',
  component: ImportPage,
});

const routeTree = rootRoute.addChildren([
  consultationsRoute,
  consultationRoute,
  consultationModerationRoute,
  notificationsRoute,
  outboxRoute,
  recommendationsRoute,
  recommendationRoute,
  importsRoute,
  processTemplatesRoute,
  meetingsRoute,
  meetingRoute,
  tasksRoute,
  overviewRoute,
  loginRoute,
  instrumentRoute,
  organisationsRoute,
  passwordRoute,
  usersRoute,
  auditRoute,
  deadlinesRoute,
  timelineRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
