import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AuditQuery } from '../src/audit/schema.ts';
import { DeadlineQuery, TimelineQuery } from '../src/calendar/schema.ts';
import { OrganisationQuery } from '../src/organisations/schema.ts';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { searchValidator } from './lib/search.ts';
import { AuditPage } from './admin/AuditPage.tsx';
import { OrganisationsPage } from './admin/OrganisationsPage.tsx';
import { OutboxPage } from './admin/OutboxPage.tsx';
import { UsersPage } from './admin/UsersPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { PasswordPage } from './auth/PasswordPage.tsx';
import { DeadlinesPage } from './calendar/DeadlinesPage.tsx';
import { TimelinePage } from './calendar/TimelinePage.tsx';
import { ConsultationModerationPage } from './consultations/ConsultationModerationPage.tsx';
import { ConsultationPage } from './consultations/ConsultationPage.tsx';
import { ConsultationsPage } from './consultations/ConsultationsPage.tsx';
import { ImportPage } from './imports/ImportPage.tsx';
import { InstrumentPage } from './instruments/InstrumentPage.tsx';
import { OverviewPage } from './instruments/OverviewPage.tsx';
import { MeetingPage } from './meetings/MeetingPage.tsx';
import { MeetingsPage } from './meetings/MeetingsPage.tsx';
import { NotificationsPage } from './notifications/NotificationsPage.tsx';
import { ProcessTemplatesPage } from './process/ProcessTemplatesPage.tsx';
import { TasksPage } from './process/TasksPage.tsx';
import { RecommendationPage } from './recommendations/RecommendationPage.tsx';
import { RecommendationsPage } from './recommendations/RecommendationsPage.tsx';
import { validateRecommendationsSearch } from './recommendations/search.ts';

declare module '@tanstack/history' {
  interface HistoryState {
    /** What a form that navigated here did ("Your password has been changed."), shown on arrival. */
    notice?: string;
  }
}

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });

/** A route of the app: its path and page; the URL search params, where it has them, by the API's schema. */
const page = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({
    redirect: typeof s.redirect === 'string' && s.redirect !== '' ? s.redirect : undefined,
  }),
  component: LoginPage,
});

const organisationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations',
  validateSearch: searchValidator(OrganisationQuery.shape, ['kind', 'q', 'page']),
  component: OrganisationsPage,
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: searchValidator(AuditQuery.shape, ['entityType', 'action', 'from', 'to', 'page']),
  component: AuditPage,
});

const deadlinesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deadlines',
  validateSearch: searchValidator(DeadlineQuery.shape, ['within', 'organisationId', 'overdue', 'page']),
  component: DeadlinesPage,
});

const timelineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/timeline',
  validateSearch: searchValidator(TimelineQuery.shape, ['from', 'to']),
  component: TimelinePage,
});

const recommendationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/recommendations',
  validateSearch: validateRecommendationsSearch,
  component: RecommendationsPage,
});

const routeTree = rootRoute.addChildren([
  page('/', OverviewPage),
  loginRoute,
  page('/password', PasswordPage),
  page('/instruments/$id', InstrumentPage),
  timelineRoute,
  deadlinesRoute,
  organisationsRoute,
  page('/users', UsersPage),
  auditRoute,
  page('/outbox', OutboxPage),
  page('/notifications', NotificationsPage),
  page('/consultations', ConsultationsPage),
  page('/consultations/$id', ConsultationPage),
  page('/consultations/$id/moderation', ConsultationModerationPage),
  recommendationsRoute,
  page('/recommendations/$id', RecommendationPage),
  page('/imports', ImportPage),
  page('/process', ProcessTemplatesPage),
  page('/tasks', TasksPage),
  page('/meetings', MeetingsPage),
  page('/meetings/$id', MeetingPage),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
